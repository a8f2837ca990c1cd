import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../shared/keys';
import { throughput } from './measure';

const HOUR = 3_600_000;

/** The i-th of many responses to the demo dialogue's questions, stored as a submission stores it, in shard i mod `shards`. */
export function seededResponse(dialogueId: string, i: number, receivedAt: string, shards: number) {
  const responseId = randomUUID();
  return {
    ...keys.response(dialogueId, randomUUID()),
    ...keys.responseArrival(keys.responsePartition(dialogueId, i % shards), receivedAt, responseId),
    kind: 'response',
    responseId,
    dialogueId,
    receivedAt,
    answers: {
      favourite: ['natur', 'aventyr', 'alla'][i % 3],
      ranking: i % 2 ? ['alla', 'natur', 'aventyr'] : ['natur', 'alla', 'aventyr'],
      'rating-alla': (i % 5) + 1,
      visits: i % 2 === 0,
      comments: 'Mer skugga, tack.',
    },
    profile: {
      relation: [['lives', 'works', 'visits'][i % 3]],
      ageBand: ['20-29', '30-44', '45-64'][i % 3],
      locality: ['Lagan', 'Ljungby', 'Ryssby'][i % 3],
    },
  };
}

export interface SeedOptions {
  readonly shards: number;
  /** The responses arrive evenly over the `spanMs` before `endMs`. */
  readonly endMs: number;
  readonly spanMs?: number;
  /** Another item for the i-th response (the seeded one, changed). */
  readonly item?: (i: number, receivedAt: string) => Record<string, unknown>;
}

/** Writes `count` responses straight to the table, 25 a batch, 8 batches in flight. */
export async function writeResponses(
  target: { readonly documentClient: DynamoDBDocumentClient; readonly tableName: string },
  dialogueId: string,
  count: number,
  { shards, endMs, spanMs = HOUR, item = (i, at) => seededResponse(dialogueId, i, at, shards) }: SeedOptions,
): Promise<void> {
  const batches = Math.ceil(count / 25);
  await throughput(batches, 8, async (b) => {
    const items = Array.from({ length: Math.min(25, count - b * 25) }, (_, j) => {
      const i = b * 25 + j;
      return item(i, new Date(endMs - spanMs + Math.floor((i * spanMs) / count)).toISOString());
    });
    let pending: unknown[] = items.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length) {
      const result = await target.documentClient.send(
        new BatchWriteCommand({ RequestItems: { [target.tableName]: pending as never } }),
      );
      pending = result.UnprocessedItems?.[target.tableName] ?? [];
    }
  });
}
