import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/keys';
import type { Rating, RatingStore } from '../../shared/rating/rate';
import { attr } from '../../shared/table';
import { isConditionFailure } from './conditional';

/**
 * Ratings and the raters who gave them, as two unrelated items written together: the marker makes a link good for
 * one rating, and the rating sits under a random id, so nothing stored says which rater gave which rating.
 */
export function dynamoRatingStore(client: DynamoDBDocumentClient, tableName: string): RatingStore {
  return {
    async record(dialogueId, rater, rating) {
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { ...keys.rater(dialogueId, rater), kind: 'rater' },
                  ConditionExpression: `attribute_not_exists(${attr.pk})`,
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: { ...keys.rating(dialogueId, randomUUID()), kind: 'rating', ...rating },
                },
              },
            ],
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    async hasRated(dialogueId, rater) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: keys.rater(dialogueId, rater), ConsistentRead: true }),
      );
      return Item !== undefined;
    },
    async ratings(dialogueId) {
      const found: Rating[] = [];
      const pages = paginateQuery(
        { client },
        {
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk',
          ProjectionExpression: 'score, #comment',
          ExpressionAttributeNames: { '#pk': attr.pk, '#comment': 'comment' },
          ExpressionAttributeValues: { ':pk': keys.ratingPartition(dialogueId) },
        },
      );
      for await (const page of pages) found.push(...((page.Items ?? []) as Rating[]));
      return found;
    },
  };
}
