import { type DynamoDBDocumentClient, GetCommand, PutCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { AggregateStore, ReadResponse, ResponseReader, StoredAggregate } from '../../shared/aggregation/run';
import type { AggregateState } from '../../shared/aggregation/state';
import { keys } from '../../shared/keys';
import { GSI2, attr } from '../../shared/table';
import { conditionHeld } from './conditional';
import { readAhead } from './read-ahead';

/** The aggregate is one item; its state is stored as JSON (sums only, a few KB even for large dialogues). */
export function dynamoAggregateStore(client: DynamoDBDocumentClient, tableName: string): AggregateStore {
  return {
    async get(dialogueId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: keys.aggregate(dialogueId), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      return {
        dialogueId,
        version: Number(Item.version),
        state: JSON.parse(String(Item.state)) as AggregateState,
        watermarks: (Item.watermarks ?? {}) as Record<string, string>,
        updatedAt: String(Item.updatedAt),
        complete: Item.complete === true,
      };
    },
    async commit(aggregate: StoredAggregate, expectedVersion: number) {
      return conditionHeld(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keys.aggregate(aggregate.dialogueId),
              kind: 'aggregate',
              ...aggregate,
              state: JSON.stringify(aggregate.state),
            },
            ConditionExpression: expectedVersion === 0 ? `attribute_not_exists(${attr.pk})` : '#version = :expected',
            ...(expectedVersion === 0
              ? {}
              : {
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':expected': expectedVersion },
                }),
          }),
        ),
      );
    },
  };
}

/**
 * Reads one shard's responses from the arrival index in time order after a watermark, stopping at `before`.
 * The index is eventually consistent, like the writes still in flight: the run's safety lag covers both.
 */
export function dynamoResponseReader(client: DynamoDBDocumentClient, tableName: string): ResponseReader {
  return {
    async *read(dialogueId, shard, after, before) {
      const pages = paginateQuery(
        { client, pageSize: 1000 },
        {
          TableName: tableName,
          IndexName: GSI2,
          KeyConditionExpression: after ? '#pk = :pk AND #sk > :after' : '#pk = :pk',
          ExpressionAttributeNames: {
            '#pk': attr.gsi2pk,
            '#sk': attr.gsi2sk,
            '#answers': 'answers',
            '#profile': 'profile',
            '#receivedAt': 'receivedAt',
            '#method': 'method',
          },
          ExpressionAttributeValues: {
            ':pk': keys.responsePartition(dialogueId, shard),
            ...(after ? { ':after': after } : {}),
          },
          ProjectionExpression: '#sk, #answers, #profile, #receivedAt, #method',
        },
      );
      // The next page is read while the caller works through this one.
      for await (const page of readAhead(pages)) {
        const items = page.Items ?? [];
        // In time order: the responses from `before` on, and every page after them, wait for a later run.
        const end = items.findIndex((item) => String(item.receivedAt) >= before);
        const responses = (end === -1 ? items : items.slice(0, end)).map((item): ReadResponse => ({
          sortKey: String(item[attr.gsi2sk]),
          receivedAt: String(item.receivedAt),
          answers: item.answers ?? {},
          profile: item.profile ?? {},
          ...(item.method ? { method: item.method } : {}),
        }));
        if (responses.length > 0) yield responses;
        if (end !== -1) return;
      }
    },
  };
}
