import { dynamoResponseReader } from '../functions/adapters/aggregate-store';
import { dynamoDialogueStore } from '../functions/adapters/dialogue-store';
import { createDocumentClient } from '../functions/adapters/dynamodb';
import { fileExportStore } from '../functions/adapters/file-export-store';
import { env } from '../functions/lib/env';
import { systemClock } from '../functions/lib/runtime';
import { exportResponses } from '../shared/export/export';
import { ljungby } from '../shared/municipality';

/**
 * Run by bench/export.ts in a process of its own with a small heap (`--max-old-space-size`): the export with the
 * handler's own adapters, which must finish there if it streams (a copy of 100,000 responses in memory would not fit).
 */
async function main(): Promise<void> {
  const [dialogueId = '', format = 'json'] = process.argv.slice(2);
  const where = env().exports;
  if (!where || !('dir' in where)) throw new Error('EXPORT_DIR and EXPORT_URL_SECRET must be set');
  const client = createDocumentClient();
  const started = performance.now();
  const exported = await exportResponses(
    {
      dialogues: dynamoDialogueStore(client, env().tableName),
      responses: dynamoResponseReader(client, env().tableName),
      exports: fileExportStore(where.dir, env().publicBaseUrl, where.urlSecret, systemClock),
      municipality: ljungby,
      clock: systemClock,
    },
    { sub: 'bench', committees: [], isAdmin: true },
    dialogueId,
    format === 'csv' ? 'csv' : 'json',
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ count: exported.responseCount, seconds, rssMb: process.memoryUsage().rss / 2 ** 20 }));
  client.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
