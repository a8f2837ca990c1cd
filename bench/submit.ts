import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../shared/keys';
import type { BenchStack } from './harness';
import { median, report, throughput } from './measure';
import { httpLoad } from './http-load';

const CONCURRENCY = 16;
const PER_ROUND = 2000;
const WARM_ROUNDS = 3;
const ROUNDS = 5;

const answers = {
  favourite: 'alla',
  ranking: ['alla', 'natur', 'aventyr'],
  important: ['shade', 'seating'],
  'rating-alla': 4,
  visits: true,
  comments: 'Fler bänkar i skuggan, tack.',
};
const profile = { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' };
const body = () => JSON.stringify({ submissionId: randomUUID(), answers, profile });

/** submit_vs_raw_put: accepted submissions per second through gateway + handler, over raw PutItem per second. */
export async function benchSubmit(stack: BenchStack): Promise<void> {
  const load = httpLoad();
  const url = `${stack.apiUrl}/dialogues/demo/responses`;
  // The same item a submission writes (key, arrival index entry, answers) with the same condition, raw.
  const putOne = async (i: number) => {
    const [responseId, receivedAt] = [randomUUID(), new Date().toISOString()];
    await stack.documentClient.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: {
          ...keys.response('raw', randomUUID()),
          ...keys.responseArrival(keys.responsePartition('raw', i % 4), receivedAt, responseId),
          kind: 'response',
          responseId,
          dialogueId: 'raw',
          receivedAt,
          dialogueVersion: 1,
          answers,
          profile,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  };
  const paths = {
    submit: () =>
      load.round({ url, total: PER_ROUND, concurrency: CONCURRENCY, bodies: Array.from({ length: PER_ROUND }, body) }),
    rawPut: () => throughput(PER_ROUND, CONCURRENCY, putOne),
  };
  try {
    // Node and DynamoDB Local's JVM both compile hot code as it runs: every path is warmed alike first, then
    // rounds alternate between the paths so drift in the machine falls on all of them, and medians are compared.
    for (let round = 0; round < WARM_ROUNDS; round++) for (const path of Object.values(paths)) await path();
    const rates = { submit: [] as number[], rawPut: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      rates.submit.push(await paths.submit());
      rates.rawPut.push(await paths.rawPut());
    }
    const [submitRate, rawRate] = [median(rates.submit), median(rates.rawPut)];
    report('submit_per_s', submitRate, 'req/s');
    report('raw_put_per_s', rawRate, 'req/s');
    report('submit_vs_raw_put', submitRate / rawRate);
  } finally {
    load.stop();
  }
}
