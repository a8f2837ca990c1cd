import { parseArgs } from 'node:util';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoAggregateStore, dynamoResponseReader } from '../functions/adapters/aggregate-store';
import { dynamoDialogueStore } from '../functions/adapters/dialogue-store';
import { aggregateDialogue } from '../shared/aggregation/run';
import { getStageConfig } from '../shared/stages';
import { tableName } from '../shared/table';
import { localDynamoClient } from './dynamodb';
import { localHost } from './hosts';
import { localPorts } from './ports';
import { withRunningStack } from './stack-record';

/** `npm run aggregate -- --full <dialogueId>`: recompute a dialogue's results from every response (local stack). */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { full: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [dialogueId] = positionals;
  if (!dialogueId) {
    console.error('Usage: npm run aggregate -- [--full] <dialogueId>');
    process.exit(2);
  }
  const environment = withRunningStack();
  const client = DynamoDBDocumentClient.from(
    localDynamoClient(localPorts(environment).dynamodb, localHost(environment)),
  );
  const table = tableName('local');
  const dialogue = await dynamoDialogueStore(client, table).get(dialogueId);
  if (!dialogue) {
    console.error(`No dialogue "${dialogueId}" in the local stack (is npm start running?)`);
    process.exit(1);
  }
  const started = performance.now();
  const outcome = await aggregateDialogue(
    {
      aggregates: dynamoAggregateStore(client, table),
      responses: dynamoResponseReader(client, table),
      clock: { now: () => new Date() },
      safetyLagMs: getStageConfig('local').aggregationLagSeconds * 1000,
    },
    dialogue,
    { full: values.full },
  );
  console.log(
    `${values.full ? 'Recomputed' : 'Aggregated'} ${dialogueId}: ${outcome.folded} responses folded in ${((performance.now() - started) / 1000).toFixed(2)} s${outcome.committed ? '' : ' (nothing committed: no news, or another run won)'}`,
  );
  client.destroy();
}

main().catch((error: unknown) => {
  console.error(
    `npm run aggregate failed: ${error instanceof Error ? error.message : String(error)} (is npm start running?)`,
  );
  process.exit(1);
});
