import { type DynamoDBDocumentClient, GetCommand, QueryCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { FreeTextModeration } from '../../shared/dialogue/moderation';
import { keys } from '../../shared/keys';
import type { FreeTextFinder, ModerationReader } from '../../shared/ports';
import { GSI2, attr } from '../../shared/table';

const toModeration = (item: Record<string, unknown>): FreeTextModeration => {
  const { [attr.pk]: _pk, [attr.sk]: _sk, kind: _kind, ...moderation } = item;
  return moderation as unknown as FreeTextModeration;
};

/** Moderations are written with their audit entry by the dialogue store; this reads them. */
export function dynamoModerationReader(client: DynamoDBDocumentClient, tableName: string): ModerationReader {
  return {
    async get(dialogueId, questionId, textId) {
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.moderation(dialogueId, questionId, textId),
          ConsistentRead: true,
        }),
      );
      return Item ? toModeration(Item) : undefined;
    },
    async list(dialogueId) {
      const found: FreeTextModeration[] = [];
      const pages = paginateQuery(
        { client },
        {
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': attr.pk },
          ExpressionAttributeValues: { ':pk': keys.moderationPartition(dialogueId) },
        },
      );
      for await (const page of pages) found.push(...(page.Items ?? []).map(toModeration));
      return found;
    },
  };
}

/** One counted response's free-text answers, by its place in the arrival index (a free text's id). */
export function dynamoFreeTextFinder(client: DynamoDBDocumentClient, tableName: string): FreeTextFinder {
  return {
    async answers(dialogueId, shard, sortKey) {
      const { Items } = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: GSI2,
          KeyConditionExpression: '#pk = :pk AND #sk = :sk',
          ExpressionAttributeNames: { '#pk': attr.gsi2pk, '#sk': attr.gsi2sk, '#answers': 'answers' },
          ExpressionAttributeValues: { ':pk': keys.responsePartition(dialogueId, shard), ':sk': sortKey },
          ProjectionExpression: '#answers',
        }),
      );
      return Items?.[0]?.answers as Record<string, unknown> | undefined;
    },
  };
}
