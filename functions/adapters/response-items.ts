import { keys } from '../../shared/keys';
import type { Submission } from '../../shared/ports';
import { attr } from '../../shared/table';

/**
 * The items one response writes, for one transaction: the response, only if its submission is not stored yet,
 * and its contact (if any) as its own item, keyed only by the address's hash, sharing no id, time or order with it.
 */
export function responseWriteItems(tableName: string, submission: Submission) {
  const { dialogueId, responseId, receivedAt, contact } = submission;
  const partition = submission.quarantined
    ? keys.quarantinePartition(dialogueId)
    : keys.responsePartition(dialogueId, submission.shard);
  const response = {
    Put: {
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
        ...(submission.method ? { method: submission.method } : {}),
        // The first answer's promise, for its retries: the bit, never the address (that is the contact's own item).
        willReceiveFeedback: contact !== undefined,
      },
      ConditionExpression: `attribute_not_exists(${attr.pk})`,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    },
  };
  if (!contact) return [response] as const;
  const contactItem = {
    ...keys.contact(dialogueId, contact.emailHash),
    kind: 'contact',
    dialogueId,
    email: contact.email,
    language: contact.language,
  };
  return [response, { Put: { TableName: tableName, Item: contactItem } }] as const;
}
