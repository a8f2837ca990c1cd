import { randomUUID } from 'node:crypto';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../shared/keys';
import { type BenchStack, report, throughput } from './harness';

const CONCURRENCY = 16;
const TOTAL = 2000;

const body = () => JSON.stringify({
  submissionId: randomUUID(),
  answers: { favourite: 'alla', ranking: ['alla', 'natur', 'aventyr'], important: ['shade', 'seating'], 'rating-alla': 4, visits: true, comments: 'Fler bänkar i skuggan, tack.' },
  profile: { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
});

/** submit_vs_raw_put: accepted submissions per second through gateway + handler, over raw PutItem per second. */
export async function benchSubmit(stack: BenchStack): Promise<void> {
  const warm = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await fetch(`${stack.apiUrl}/dialogues/demo/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() });
    }
  };
  await warm(50);
  const submitRate = await throughput(TOTAL, CONCURRENCY, async () => {
    const response = await fetch(`${stack.apiUrl}/dialogues/demo/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() });
    if (response.status !== 201) throw new Error(`submit answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  });
  const rawRate = await throughput(TOTAL, CONCURRENCY, async (i) => {
    await stack.documentClient.send(new PutCommand({
      TableName: stack.tableName,
      Item: { pk: keys.responsePartition('raw', i % 4), sk: `${new Date().toISOString()}#${randomUUID()}`, answers: JSON.parse(body()).answers },
    }));
  });
  // The same three-item transaction a submission writes (marker, dialogue check, response), raw: what
  // idempotency and the open-check cost on DynamoDB Local, apart from the gateway and handler.
  const rawTransactionRate = await throughput(TOTAL, CONCURRENCY, async (i) => {
    const marker = keys.submission('demo', randomUUID());
    await stack.documentClient.send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: stack.tableName, Item: { ...marker, responseId: 'x' }, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          ConditionCheck: {
            TableName: stack.tableName,
            Key: keys.dialogue('demo'),
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':open': 'open' },
          },
        },
        { Put: { TableName: stack.tableName, Item: { pk: keys.responsePartition('raw', i % 4), sk: `${new Date().toISOString()}#${randomUUID()}`, answers: JSON.parse(body()).answers } } },
      ],
    }));
  });
  report('submit_per_s', submitRate, 'req/s');
  report('raw_put_per_s', rawRate, 'req/s');
  report('raw_transaction_per_s', rawTransactionRate, 'req/s');
  report('submit_vs_raw_put', submitRate / rawRate);
  report('submit_vs_raw_transaction', submitRate / rawTransactionRate);
}
