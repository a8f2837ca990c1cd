import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { dynamoAggregateStore, dynamoResponseReader } from '../functions/adapters/aggregate-store';
import { dynamoDialogueStore } from '../functions/adapters/dialogue-store';
import { type AggregateDeps, aggregateDialogue } from '../shared/aggregation/run';
import type { Dialogue } from '../shared/dialogue/schema';
import { keys } from '../shared/keys';
import { attr } from '../shared/table';
import { type BenchStack, report, throughput } from './harness';

const SHARDS = 4;
const HOUR = 3_600_000;

function response(dialogueId: string, i: number, receivedAt: string) {
  const responseId = randomUUID();
  return {
    ...{ pk: keys.responsePartition(dialogueId, i % SHARDS), sk: keys.responseSort(receivedAt, responseId) },
    kind: 'response',
    responseId,
    dialogueId,
    receivedAt,
    answers: { favourite: ['natur', 'aventyr', 'alla'][i % 3], ranking: i % 2 ? ['alla', 'natur', 'aventyr'] : ['natur', 'alla', 'aventyr'], 'rating-alla': (i % 5) + 1, visits: i % 2 === 0, comments: 'Mer skugga, tack.' },
    profile: { relation: [['lives', 'works', 'visits'][i % 3]], ageBand: ['20-29', '30-44', '45-64'][i % 3], locality: ['Lagan', 'Ljungby', 'Ryssby'][i % 3] },
  };
}

/** Writes `count` responses received in the hour before `endMs`, 25 at a time, 8 requests in flight. */
async function writeResponses(stack: BenchStack, dialogueId: string, count: number, endMs: number): Promise<void> {
  const batches = Math.ceil(count / 25);
  await throughput(batches, 8, async (b) => {
    const items = Array.from({ length: Math.min(25, count - b * 25) }, (_, j) => {
      const i = b * 25 + j;
      return response(dialogueId, i, new Date(endMs - HOUR + Math.floor((i * HOUR) / count)).toISOString());
    });
    let pending: unknown[] = items.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length) {
      const result = await stack.documentClient.send(new BatchWriteCommand({ RequestItems: { [stack.tableName]: pending as never } }));
      pending = result.UnprocessedItems?.[stack.tableName] ?? [];
    }
  });
}

async function createDialogue(stack: BenchStack, id: string): Promise<Dialogue> {
  const store = dynamoDialogueStore(stack.documentClient, stack.tableName);
  const demo = (await store.get('demo')) as Dialogue;
  const dialogue = { ...demo, id, responseShards: SHARDS };
  await store.create(dialogue);
  return dialogue;
}

const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
};

/** Raw Query throughput over every shard of a dialogue, same projection and page size as the reader. */
async function rawQuerySeconds(stack: BenchStack, dialogueId: string): Promise<{ seconds: number; items: number }> {
  let items = 0;
  const seconds = await timed(async () => {
    for (let shard = 0; shard < SHARDS; shard++) {
      const pages = paginateQuery({ client: stack.documentClient, pageSize: 1000 }, {
        TableName: stack.tableName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': attr.pk, '#sk': attr.sk, '#answers': 'answers', '#profile': 'profile', '#receivedAt': 'receivedAt' },
        ExpressionAttributeValues: { ':pk': keys.responsePartition(dialogueId, shard) },
        ProjectionExpression: '#sk, #answers, #profile, #receivedAt',
        ConsistentRead: true,
      });
      for await (const page of pages) items += page.Items?.length ?? 0;
    }
  });
  return { seconds, items };
}

/** aggregate_incremental_vs_fresh, aggregate_full_100k_s and aggregate_vs_raw_query (contract section 5). */
export async function benchAggregate(stack: BenchStack, total = 100_000, fresh = 1_000): Promise<void> {
  const now = Date.now();
  const deps: AggregateDeps = {
    aggregates: dynamoAggregateStore(stack.documentClient, stack.tableName),
    responses: dynamoResponseReader(stack.documentClient, stack.tableName),
    clock: { now: () => new Date() },
    safetyLagMs: 1000,
  };
  const big = await createDialogue(stack, 'bench-big');
  const small = await createDialogue(stack, 'bench-small');
  const loadSeconds = await timed(() => writeResponses(stack, big.id, total, now - HOUR));
  report('aggregate_load_100k_s', loadSeconds, 's');
  await aggregateDialogue(deps, big);
  await writeResponses(stack, big.id, fresh, now - 10_000);
  await writeResponses(stack, small.id, fresh, now - 10_000);

  const incremental = await timed(() => aggregateDialogue(deps, big));
  const freshRun = await timed(() => aggregateDialogue(deps, small));
  report('aggregate_incremental_1k_into_100k_s', incremental, 's');
  report('aggregate_fresh_1k_s', freshRun, 's');
  report('aggregate_incremental_vs_fresh', incremental / freshRun);

  const full = await timed(() => aggregateDialogue(deps, big, { full: true }));
  const raw = await rawQuerySeconds(stack, big.id);
  report('aggregate_full_100k_s', full, 's');
  report('raw_query_items_per_s', raw.items / raw.seconds, 'items/s');
  report('aggregate_vs_raw_query', (raw.items / full) / (raw.items / raw.seconds));
}
