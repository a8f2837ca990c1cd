import { paginateQuery } from '@aws-sdk/lib-dynamodb';
import { dynamoAggregateStore, dynamoResponseReader } from '../functions/adapters/aggregate-store';
import { dynamoDialogueStore } from '../functions/adapters/dialogue-store';
import { type AggregateDeps, aggregateDialogue } from '../shared/aggregation/run';
import { importDialogue } from '../shared/dialogue/lifecycle';
import type { Dialogue } from '../shared/dialogue/schema';
import { keys } from '../shared/keys';
import { GSI2, attr } from '../shared/table';
import type { BenchStack } from './harness';
import { median, report, reportSpread } from './measure';
import { writeResponses as seed } from './seed-responses';

const SHARDS = 4;
const HOUR = 3_600_000;

const writeResponses = (stack: BenchStack, dialogueId: string, count: number, endMs: number, spanMs?: number) =>
  seed(stack, dialogueId, count, { shards: SHARDS, endMs, ...(spanMs ? { spanMs } : {}) });

async function createDialogue(stack: BenchStack, id: string): Promise<Dialogue> {
  const store = dynamoDialogueStore(stack.documentClient, stack.tableName);
  const demo = (await store.get('demo')) as Dialogue;
  const dialogue = { ...demo, id, responseShards: SHARDS };
  await store.write(importDialogue(dialogue, 'bench', new Date()));
  return dialogue;
}

/** A run that folded other than the new responses would make the comparison meaningless. */
function expectFolded(outcome: { folded: number }, expected: number): void {
  if (outcome.folded !== expected) throw new Error(`a run folded ${outcome.folded} responses, expected ${expected}`);
}

export const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
};

/** Raw Query throughput over every shard of a dialogue, same projection and page size as the reader. */
export async function rawQuerySeconds(
  stack: BenchStack,
  dialogueId: string,
  after: Readonly<Record<string, string>> = {},
): Promise<{ seconds: number; items: number }> {
  let items = 0;
  const seconds = await timed(async () => {
    for (let shard = 0; shard < SHARDS; shard++) {
      const from = after[shard];
      const pages = paginateQuery(
        { client: stack.documentClient, pageSize: 1000 },
        {
          TableName: stack.tableName,
          IndexName: GSI2,
          KeyConditionExpression: from === undefined ? '#pk = :pk' : '#pk = :pk AND #sk > :after',
          ExpressionAttributeNames: {
            '#pk': attr.gsi2pk,
            '#sk': attr.gsi2sk,
            '#answers': 'answers',
            '#profile': 'profile',
            '#receivedAt': 'receivedAt',
          },
          ExpressionAttributeValues: {
            ':pk': keys.responsePartition(dialogueId, shard),
            ...(from === undefined ? {} : { ':after': from }),
          },
          ProjectionExpression: '#sk, #answers, #profile, #receivedAt',
        },
      );
      for await (const page of pages) items += page.Items?.length ?? 0;
    }
  });
  return { seconds, items };
}

/**
 * aggregate_incremental_vs_fresh, aggregate_full_100k_s and aggregate_vs_raw_query (contract section 5); answers the
 * big dialogue (100,000 responses and the rounds' 5,000) for the export's bench.
 */
export async function benchAggregate(stack: BenchStack, total = 100_000, freshCount = 1_000): Promise<Dialogue> {
  const now = Date.now();
  const deps: AggregateDeps = {
    aggregates: dynamoAggregateStore(stack.documentClient, stack.tableName),
    responses: dynamoResponseReader(stack.documentClient, stack.tableName),
    clock: { now: () => new Date() },
    safetyLagMs: 1000,
  };
  const big = await createDialogue(stack, 'bench-big');
  const loadSeconds = await timed(() => writeResponses(stack, big.id, total, now - HOUR));
  report('aggregate_load_100k_s', loadSeconds, 's');
  await aggregateDialogue(deps, big);

  // Runs of tens of milliseconds are noisy here: fifteen rounds, medians compared.
  const incremental: number[] = [];
  const fresh: number[] = [];
  // The same reads raw: the new 1,000 after the watermarks of 100,000, and 1,000 in a dialogue of their own.
  const rawAfter: number[] = [];
  const rawFresh: number[] = [];
  for (let round = 0; round < 15; round++) {
    const small = await createDialogue(stack, `bench-small-${round}`);
    // New responses arrive after everything folded so far: each round's half second follows the last.
    const end = now - 10_000 + round * 1000;
    await writeResponses(stack, big.id, freshCount, end, 500);
    await writeResponses(stack, small.id, freshCount, end, 500);
    const watermarks = (await deps.aggregates.get(big.id))?.watermarks ?? {};
    rawAfter.push((await rawQuerySeconds(stack, big.id, watermarks)).seconds);
    rawFresh.push((await rawQuerySeconds(stack, small.id)).seconds);
    incremental.push(await timed(async () => expectFolded(await aggregateDialogue(deps, big), freshCount)));
    fresh.push(await timed(async () => expectFolded(await aggregateDialogue(deps, small), freshCount)));
  }
  report('aggregate_incremental_1k_into_100k_s', median(incremental), 's');
  report('aggregate_fresh_1k_s', median(fresh), 's');
  reportSpread(
    'aggregate_incremental_vs_fresh',
    median(incremental) / median(fresh),
    incremental.map((seconds, i) => seconds / (fresh[i] as number)),
    'rounds',
  );
  // How much of that difference the table's own reads make, with no code of ours.
  reportSpread(
    'raw_query_1k_after_100k_vs_1k_fresh',
    median(rawAfter) / median(rawFresh),
    rawAfter.map((seconds, i) => seconds / (rawFresh[i] as number)),
    'rounds',
  );

  // A full recompute against a raw query of the same items, alternating, medians compared.
  const full: number[] = [];
  const raw: number[] = [];
  let items = 0;
  for (let round = 0; round < 5; round++) {
    full.push(await timed(() => aggregateDialogue(deps, big, { full: true })));
    const query = await rawQuerySeconds(stack, big.id);
    raw.push(query.seconds);
    items = query.items;
  }
  report('aggregate_full_100k_s', median(full), 's');
  report('raw_query_items_per_s', items / median(raw), 'items/s');
  reportSpread(
    'aggregate_vs_raw_query',
    median(raw) / median(full),
    raw.map((seconds, i) => seconds / (full[i] as number)),
    'rounds',
  );
  return big;
}
