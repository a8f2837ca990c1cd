import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/keys';
import type { ResponseStore, Submission } from '../../shared/ports';
import { attr } from '../../shared/table';

/** Submission markers outlive any client retry by far; then DynamoDB's TTL removes them. */
const SUBMISSION_MARKER_TTL_SECONDS = 30 * 86_400;

/**
 * One transaction per submission: the submission marker (which makes retries idempotent), a check that the
 * dialogue is still open at the version the answers were checked against, the response, and the contact.
 * The contact shares nothing with the response: no id, no time, keyed only by the address's hash.
 */
export function dynamoResponseStore(client: DynamoDBDocumentClient, tableName: string): ResponseStore {
  return {
    async save(submission: Submission) {
      const { dialogueId, responseId, receivedAt } = submission;
      const marker = keys.submission(dialogueId, submission.submissionId);
      const responseKey = submission.quarantined
        ? { pk: keys.quarantinePartition(dialogueId), sk: keys.responseSort(receivedAt, responseId) }
        : { pk: keys.responsePartition(dialogueId, submission.shard), sk: keys.responseSort(receivedAt, responseId) };
      try {
        await client.send(new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { ...marker, responseId, receivedAt, willReceiveFeedback: submission.contact !== undefined, [attr.expiresAt]: Math.floor(Date.parse(receivedAt) / 1000) + SUBMISSION_MARKER_TTL_SECONDS },
                ConditionExpression: `attribute_not_exists(${attr.pk})`,
              },
            },
            {
              ConditionCheck: {
                TableName: tableName,
                Key: keys.dialogue(dialogueId),
                ConditionExpression: '#status = :open AND #version = :version',
                ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
                ExpressionAttributeValues: { ':open': 'open', ':version': submission.dialogueVersion },
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: {
                  ...responseKey,
                  kind: submission.quarantined ? 'quarantined-response' : 'response',
                  responseId,
                  dialogueId,
                  receivedAt,
                  dialogueVersion: submission.dialogueVersion,
                  answers: submission.answers,
                  profile: submission.profile,
                },
              },
            },
            ...(submission.contact
              ? [{
                  Put: {
                    TableName: tableName,
                    Item: {
                      ...keys.contact(dialogueId, submission.contact.emailHash),
                      kind: 'contact',
                      dialogueId,
                      email: submission.contact.email,
                      language: submission.contact.language,
                    },
                  },
                }]
              : []),
          ],
        }));
        return { kind: 'stored', responseId, receivedAt };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const [markerReason, dialogueReason] = error.CancellationReasons ?? [];
        if (markerReason?.Code === 'ConditionalCheckFailed') {
          const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: marker, ConsistentRead: true }));
          if (Item) return { kind: 'duplicate', responseId: String(Item.responseId), receivedAt: String(Item.receivedAt), willReceiveFeedback: Item.willReceiveFeedback === true };
        }
        const collided = error.CancellationReasons?.some((reason) => reason.Code === 'TransactionConflict');
        if (dialogueReason?.Code === 'ConditionalCheckFailed' || collided) return { kind: 'retry' };
        throw error;
      }
    },
  };
}
