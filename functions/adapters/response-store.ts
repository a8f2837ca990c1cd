import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/keys';
import type { ResponseStore, Submission } from '../../shared/ports';
import { attr } from '../../shared/table';
import { conditionFailure } from './conditional';

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
    const { dialogueId, responseId, receivedAt, contact } = submission;
    const partition = submission.quarantined
      ? keys.quarantinePartition(dialogueId)
      : keys.responsePartition(dialogueId, submission.shard);
    const response = {
      TableName: tableName,
      Item: {
        ...keys.response(dialogueId, submission.submissionId),
        ...keys.responseArrival(partition, receivedAt, responseId),
        kind: submission.quarantined ? 'quarantined-response' : 'response',
        responseId,
        dialogueId,
        receivedAt,
        dialogueVersion: submission.dialogueVersion,
        answers: submission.answers,
        profile: submission.profile,
        // The first answer's promise, for its retries: the bit, never the address (that is the contact's own item).
        willReceiveFeedback: contact !== undefined,
      },
      ConditionExpression: `attribute_not_exists(${attr.pk})`,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    };
    if (!contact) {
      await client.send(new PutCommand(response));
      return;
    }
    const contactItem = {
      ...keys.contact(dialogueId, contact.emailHash),
      kind: 'contact',
      dialogueId,
      email: contact.email,
      language: contact.language,
    };
    await client.send(
      new TransactWriteCommand({
        TransactItems: [{ Put: response }, { Put: { TableName: tableName, Item: contactItem } }],
      }),
    );
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
