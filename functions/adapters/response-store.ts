import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/keys';
import type { ResponseStore, Submission } from '../../shared/ports';
import { conditionFailure } from './conditional';
import { responseWriteItems } from './response-items';

/** Concurrent copies of one submission with a contact may collide in their transactions; the loser looks again. */
const COLLISION_ATTEMPTS = 3;

const collided = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict');

/**
 * A response is one conditional write keyed by its submission id: a retry finds the first copy and stores nothing.
 * A contact is written in the same transaction, so a 201 means both are stored and a retry adds neither; it is its
 * own item, keyed only by the address's hash, sharing no id, time or order with the response.
 */
export function dynamoResponseStore(client: DynamoDBDocumentClient, tableName: string): ResponseStore {
  const find: ResponseStore['find'] = async (dialogueId, submissionId) => {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.response(dialogueId, submissionId),
        ConsistentRead: true,
        ProjectionExpression: 'responseId, receivedAt, willReceiveFeedback',
      }),
    );
    return Item
      ? {
          responseId: String(Item.responseId),
          receivedAt: String(Item.receivedAt),
          willReceiveFeedback: Item.willReceiveFeedback === true,
        }
      : undefined;
  };

  const write = async (submission: Submission): Promise<void> => {
    const [response, contact] = responseWriteItems(tableName, submission);
    if (contact) await client.send(new TransactWriteCommand({ TransactItems: [response, contact] }));
    else await client.send(new PutCommand(response.Put));
  };

  return {
    find,
    async save(submission) {
      for (let attempt = 1; ; attempt++) {
        try {
          await write(submission);
          return {
            responseId: submission.responseId,
            receivedAt: submission.receivedAt,
            willReceiveFeedback: submission.contact !== undefined,
          };
        } catch (error) {
          // Only the response's write has a condition: a failed one means this submission is stored already.
          const stored = conditionFailure(error);
          const copy = stored?.item;
          if (copy?.responseId?.S && copy.receivedAt?.S)
            return {
              responseId: copy.responseId.S,
              receivedAt: copy.receivedAt.S,
              willReceiveFeedback: copy.willReceiveFeedback?.BOOL === true,
            };
          if (!stored && !collided(error)) throw error;
          // A retry whose refusal came without the copy, or a collision with another copy of this submission
          // being written right now: once that one is stored, this one is a retry of it.
          const first = await find(submission.dialogueId, submission.submissionId);
          if (first) return first;
          if (attempt === COLLISION_ATTEMPTS)
            throw new Error('A submission kept colliding with another copy of itself.');
        }
      }
    },
  };
}
