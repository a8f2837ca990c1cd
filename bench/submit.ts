import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../shared/keys';
import { type BenchStack, median, report, throughput } from './harness';

const CONCURRENCY = 16;
const PER_ROUND = 1500;
const ROUNDS = 5;

const body = () => JSON.stringify({
  submissionId: randomUUID(),
  answers: { favourite: 'alla', ranking: ['alla', 'natur', 'aventyr'], important: ['shade', 'seating'], 'rating-alla': 4, visits: true, comments: 'Fler bänkar i skuggan, tack.' },
  profile: { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
});

/**
 * POSTs a JSON body over a kept-alive connection and resolves with the status. The load generator shares this
 * process (and its CPU) with the gateway and the handler, so it is the leanest client Node has: `fetch` costs
 * about twice as much CPU per request, and that would be charged to the handler.
 */
function postJson(agent: Agent, url: string, json: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) } }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    sent.on('error', reject).end(json);
  });
}

/** submit_vs_raw_put: accepted submissions per second through gateway + handler, over raw PutItem per second. */
export async function benchSubmit(stack: BenchStack): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const submit = async () => {
    const { status, text } = await postJson(agent, `${stack.apiUrl}/dialogues/demo/responses`, body());
    if (status !== 201) throw new Error(`submit answered ${status}: ${text}`);
  };
  const rawPut = async (i: number) => {
    await stack.documentClient.send(new PutCommand({
      TableName: stack.tableName,
      Item: { pk: keys.responsePartition('raw', i % 4), sk: `${new Date().toISOString()}#${randomUUID()}`, answers: JSON.parse(body()).answers },
    }));
  };
  // A three-item transaction, raw: what an atomic multi-item write costs on DynamoDB Local, for comparison.
  const rawTransaction = async (i: number) => {
    await stack.documentClient.send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: stack.tableName, Item: { ...keys.response('raw', randomUUID()), responseId: 'x' }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { ConditionCheck: { TableName: stack.tableName, Key: keys.dialogue('demo'), ConditionExpression: 'attribute_exists(pk)' } },
        { Put: { TableName: stack.tableName, Item: { pk: keys.responsePartition('raw', i % 4), sk: `${new Date().toISOString()}#${randomUUID()}`, answers: JSON.parse(body()).answers } } },
      ],
    }));
  };
  const paths = { submit, rawPut, rawTransaction };
  // Both Node and DynamoDB Local's JVM compile hot code as it runs: every path is warmed alike first, then
  // rounds alternate between the paths so drift in the machine falls on all of them, and medians are compared.
  for (const task of Object.values(paths)) await throughput(PER_ROUND, CONCURRENCY, task);
  const rates: Record<keyof typeof paths, number[]> = { submit: [], rawPut: [], rawTransaction: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, task] of Object.entries(paths) as [keyof typeof paths, (i: number) => Promise<void>][]) {
      rates[name].push(await throughput(PER_ROUND, CONCURRENCY, task));
    }
  }
  const [submitRate, rawRate, rawTransactionRate] = [median(rates.submit), median(rates.rawPut), median(rates.rawTransaction)];
  agent.destroy();
  report('submit_per_s', submitRate, 'req/s');
  report('raw_put_per_s', rawRate, 'req/s');
  report('raw_transaction_per_s', rawTransactionRate, 'req/s');
  report('submit_vs_raw_put', submitRate / rawRate);
  report('submit_vs_raw_transaction', submitRate / rawTransactionRate);
}
