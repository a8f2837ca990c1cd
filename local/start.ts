import { parseArgs } from 'node:util';
import { allowedOriginsFrom, localPorts } from './ports';
import { startLocalStack } from './stack';

/** `npm start [-- --in-memory]`: the whole product on this machine. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'in-memory': { type: 'boolean', default: false } } });
  const ports = localPorts();
  const started = Date.now();
  const starting = startLocalStack({
    ports,
    inMemory: values['in-memory'],
    extraOrigins: allowedOriginsFrom(process.env),
    log: (line) => console.log(JSON.stringify(line)),
  });
  let stopping = false;
  // A signal during start-up waits for the start to finish, then stops everything it started.
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    void starting
      .then(
        (stack) => stack.stop(),
        () => undefined,
      )
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  const stack = await starting;
  const { api, dynamodb, ses } = stack.urls;
  console.log(
    [
      `  API and pages     ${api}   (health ${api}/health)`,
      `  DynamoDB Local    ${dynamodb}${values['in-memory'] ? '   (in memory)' : '   (data in .local/)'}`,
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
