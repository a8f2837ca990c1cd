import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildConsole } from '../console/build';
import { styles } from '../shared/presentation/styles';
import { buildEmbedScript } from '../web/build';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { lambdaBundling } from '../infra/bundling';
import { routeList } from '../shared/routes';
import { getStageConfig, handlerEnvironment } from '../shared/stages';
import { projectRoot } from '../local/paths';
import { median, report, reportSpread } from './measure';

const outDir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));

/** Bundles like the CDK functions do (ESM, minified, AWS SDK included). */
async function bundle(entry: string, name: string): Promise<string> {
  const outfile = join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    minify: true,
    target: lambdaBundling.target,
    mainFields: [...lambdaBundling.mainFields],
    banner: { js: lambdaBundling.banner },
    external: [...lambdaBundling.lazyExternals],
    logLevel: 'error',
  });
  return outfile;
}

/** Cold import time of a bundle in a fresh Node process, in milliseconds. */
function coldImportMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  // The same environment the stack gives every function, so the handler starts as it would in Lambda.
  // The SDK warns once per process on Node below 22, which Lambda (Node 24) never does: a write that is not a start.
  const env = {
    ...process.env,
    ...handlerEnvironment(getStageConfig('local'), 'bench'),
    AWS_REGION: 'eu-north-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' }).trim(),
  );
}

export async function benchBundle(): Promise<void> {
  report('embed_gzip_kb', gzipSync(buildEmbedScript(), { level: 9 }).length / 1024, 'KB');
  // The console's first load: its script, its styles and the product stylesheet it shares (budget 100 KB gzipped).
  buildConsole();
  const firstLoad = [join(projectRoot, 'console/dist/app.js'), join(projectRoot, 'console/dist/console.css')]
    .map((file) => gzipSync(readFileSync(file), { level: 9 }).length)
    .reduce((a, b) => a + b, gzipSync(styles, { level: 9 }).length);
  report('console_first_load_gzip_kb', firstLoad / 1024, 'KB');
  const submit = await bundle(join(projectRoot, 'functions/dialogues/submit/handler.ts'), 'submit');
  const baseline = await bundle(join(projectRoot, 'bench/baseline-handler.ts'), 'baseline');
  report('submit_bundle_kb', statSync(submit).size / 1024, 'KB');
  report('baseline_bundle_kb', statSync(baseline).size / 1024, 'KB');
  // Every public handler, not only the submission's: the goal is on the largest of them.
  const publicSizes = await Promise.all(
    routeList
      .filter((route) => route.access === 'public')
      .map(async (route) => ({
        name: route.name,
        kb: statSync(await bundle(join(projectRoot, route.handler), route.name)).size / 1024,
      })),
  );
  for (const { name, kb } of publicSizes) report(`public_handler_bundle_kb_${name}`, kb, 'KB');
  const largest = publicSizes.reduce((a, b) => (b.kb > a.kb ? b : a));
  report('public_handler_bundle_max_kb', largest.kb, `KB (${largest.name})`);
  // Alternating pairs, so drift in the machine falls on both; medians compared, each pair's ratio the spread.
  const pairs = Array.from({ length: 21 }, () => ({ submit: coldImportMs(submit), baseline: coldImportMs(baseline) }));
  const [submitMs, baselineMs] = [median(pairs.map((p) => p.submit)), median(pairs.map((p) => p.baseline))];
  report('submit_init_ms', submitMs, 'ms');
  report('baseline_init_ms', baselineMs, 'ms');
  reportSpread(
    'submit_init_vs_baseline',
    submitMs / baselineMs,
    pairs.map((p) => p.submit / p.baseline),
    'alternating pairs',
  );
}
