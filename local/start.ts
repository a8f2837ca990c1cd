import { parseArgs } from 'node:util';
import { localHost } from './hosts';
import { localDir } from './paths';
import { allowedOriginsFrom, localPorts } from './ports';
import { makePrivate } from './private-files';
import { startLocalStack } from './stack';
import { removeStackRecord, writeStackRecord } from './stack-record';

/** `npm start [-- --in-memory] [-- --reset-demo]`: the whole product on this machine. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'in-memory': { type: 'boolean', default: false },
      'reset-demo': { type: 'boolean', default: false },
    },
  });
  const ports = localPorts();
  const host = localHost();
  const started = Date.now();
  // Files an earlier version wrote world-readable become this user's alone too.
  makePrivate(localDir);
  const starting = startLocalStack({
    ports,
    host,
    inMemory: values['in-memory'],
    resetDemo: values['reset-demo'],
    extraOrigins: allowedOriginsFrom(process.env),
    log: (line) => console.log(JSON.stringify(line)),
  });
  let stopping = false;
  // A signal during start-up waits for the start to finish, then stops everything it started. SIGHUP: the
  // terminal or tmux pane closed.
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    void starting
      .then(
        (stack) => stack.stop(),
        () => undefined,
      )
      .then(() => {
        removeStackRecord();
        process.exit(0);
      });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => shutdown(signal));

  const stack = await starting;
  writeStackRecord({ pid: process.pid, host, ports: { api: ports.api, dynamodb: ports.dynamodb, ses: ports.ses } });
  const { api, dynamodb, ses } = stack.urls;
  console.log(
    [
      `  API and pages     ${api}   (health ${api}/health)`,
      `  DynamoDB Local    ${dynamodb}${values['in-memory'] ? '   (in memory)' : `   (data in ${localDir})`}`,
      `  SES inbox         ${ses}   (sent mail as JSON: ${ses}/store)`,
      `  Scheduled jobs    every ${ports.scheduleIntervalSeconds} s; run one now: curl -X POST ${api}/local/jobs/<name>`,
      `  Officials' token  npm run --silent dev-token -- --committee <id> [--admin]`,
    ].join('\n'),
  );
  console.log(
    `Medborgardialog is ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${api} (Ctrl-C stops everything)`,
  );
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
