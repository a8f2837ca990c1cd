import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Dialogue } from '../shared/dialogue/schema';
import type { exportBody } from '../shared/http-bodies';
import * as z from 'zod/mini';
import { rawQuerySeconds } from './aggregate';
import type { BenchStack } from './harness';
import { report } from './measure';

const MB = 1024 * 1024;
/** The heap the export must fit in (V8's old space; Lambda's whole function gets 1,769 MB). */
const CAPPED_HEAP_MB = 64;

const cappedRun = z.object({ count: z.number(), seconds: z.number(), rssMb: z.number() });

/** The export in a process whose heap is capped: it runs out of memory unless the export streams. */
function cappedExport(dialogueId: string): z.infer<typeof cappedRun> {
  const output = execFileSync(
    process.execPath,
    [
      `--max-old-space-size=${CAPPED_HEAP_MB}`,
      '--import',
      'tsx',
      join(__dirname, 'export-capped.ts'),
      dialogueId,
      'json',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return cappedRun.parse(JSON.parse(output));
}

/** The export's own run: the POST that reads every response and streams the file, its peak memory above the start. */
async function exportOnce(stack: BenchStack, token: string, dialogueId: string, format: 'json' | 'csv') {
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heap: before.heapUsed };
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heap = Math.max(peak.heap, now.heapUsed);
  }, 10);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const answer = await fetch(`${stack.apiUrl}/admin/dialogues/${dialogueId}/export`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ format }),
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  clearInterval(sampler);
  if (answer.status !== 201) throw new Error(`the export answered ${answer.status}: ${await answer.text()}`);
  const body = (await answer.json()) as z.infer<typeof exportBody>;
  // The download, as the official's browser takes it: through the signed link, without a token.
  const file = await fetch(body.url);
  if (file.status !== 200) throw new Error(`the export's link answered ${file.status}`);
  const bytes = (await file.arrayBuffer()).byteLength;
  return {
    seconds,
    cpuSeconds,
    rssMb: (peak.rss - before.rss) / MB,
    heapMb: (peak.heap - before.heapUsed) / MB,
    bytes,
    count: body.responseCount,
  };
}

/**
 * export_100k_vs_raw_query (the export's time over a raw Query of the same items in the same run), with each
 * format's time, CPU, size and peak memory: the export must stay within one Lambda invocation (28 s, 1,769 MB).
 */
export async function benchExport(stack: BenchStack, big: Dialogue): Promise<void> {
  const token = await stack.identity.issue({ committees: [big.leadCommittee], admin: false });
  // One warm-up run of each path first: the handler's first import, the JIT and DynamoDB Local's JVM.
  await exportOnce(stack, token, big.id, 'csv');
  await rawQuerySeconds(stack, big.id);
  const raw = await rawQuerySeconds(stack, big.id);
  for (const format of ['csv', 'json'] as const) {
    const run = await exportOnce(stack, token, big.id, format);
    if (run.count !== raw.items) throw new Error(`the export held ${run.count} responses; the query read ${raw.items}`);
    report(`export_100k_${format}_s`, run.seconds, 's');
    report(`export_100k_${format}_cpu_s`, run.cpuSeconds, 's');
    report(`export_100k_${format}_mb`, run.bytes / MB, 'MB');
    report(`export_100k_${format}_peak_rss_delta_mb`, run.rssMb, 'MB');
    report(`export_100k_${format}_peak_heap_delta_mb`, run.heapMb, 'MB');
    if (format === 'csv') report('export_100k_vs_raw_query', run.seconds / raw.seconds);
  }
  report('export_raw_query_100k_s', raw.seconds, 's');
  const capped = cappedExport(big.id);
  if (capped.count !== raw.items) throw new Error(`the capped export held ${capped.count} of ${raw.items} responses`);
  report(`export_100k_json_in_${CAPPED_HEAP_MB}mb_heap_s`, capped.seconds, 's');
  report(`export_100k_json_in_${CAPPED_HEAP_MB}mb_heap_rss_mb`, capped.rssMb, 'MB');
}
