import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/keys';
import type { ResponseStore, Submission } from '../../shared/ports';
import { attr } from '../../shared/table';

/**
 * A response is one conditional write keyed by its submission id: a retry finds the first copy and stores nothing.
 * The contact is its own idempotent write beside it, keyed only by the address's hash: it shares no id, time or
 * order with the response. Both are written before the caller answers, so a 201 means both are stored.
 */
export function dynamoResponseStore(client: DynamoDBDocumentClient, tableName: string): ResponseStore {
  const saveResponse = async (submission: Submission) => {
    const { dialogueId, responseId, receivedAt } = submission;
    const partition = submission.quarantined ? keys.quarantinePartition(dialogueId) : keys.responsePartition(dialogueId, submission.shard);
    try {
      await client.send(new PutCommand({
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
        },
        ConditionExpression: `attribute_not_exists(${attr.pk})`,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
      return { responseId, receivedAt };
    } catch (error) {
      // A retry: the first copy comes back with the refusal (raw attribute values: errors are not unmarshalled).
      const first = error instanceof ConditionalCheckFailedException ? error.Item : undefined;
      if (first?.responseId?.S && first.receivedAt?.S) return { responseId: first.responseId.S, receivedAt: first.receivedAt.S };
      throw error;
    }
  };

  const saveContact = async (submission: Submission) => {
    const { dialogueId, contact } = submission;
    if (!contact) return;
    await client.send(new PutCommand({
      TableName: tableName,
      Item: { ...keys.contact(dialogueId, contact.emailHash), kind: 'contact', dialogueId, email: contact.email, language: contact.language },
    }));
  };

  return {
    async save(submission) {
      const [receipt] = await Promise.all([saveResponse(submission), saveContact(submission)]);
      return receipt;
    },
  };
}
