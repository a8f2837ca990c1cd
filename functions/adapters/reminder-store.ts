import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/keys';
import type { ReminderStore } from '../../shared/reminders/run';
import { attr } from '../../shared/table';
import { conditionHeld } from './conditional';

/** One item per dialogue and kind: `sending` with an owner and a lease, then `sent` for good. */
export function dynamoReminderStore(client: DynamoDBDocumentClient, tableName: string): ReminderStore {
  return {
    claim: (dialogueId, kind, owner, now, leaseUntil) =>
      conditionHeld(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keys.reminder(dialogueId, kind),
              kind: 'reminder',
              dialogueId,
              reminder: kind,
              state: 'sending',
              owner,
              leaseUntil: leaseUntil.toISOString(),
            },
            // Not yet claimed, or claimed by a run that died before sending (its lease has run out).
            ConditionExpression: `attribute_not_exists(${attr.pk}) OR (#state = :sending AND #leaseUntil < :now)`,
            ExpressionAttributeNames: { '#state': 'state', '#leaseUntil': 'leaseUntil' },
            ExpressionAttributeValues: { ':sending': 'sending', ':now': now.toISOString() },
          }),
        ),
      ),
    async markSent(dialogueId, kind, owner, sentAt) {
      // Held by another run only if this one outlived its lease: that run then records it sent itself.
      await conditionHeld(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.reminder(dialogueId, kind),
            UpdateExpression: 'SET #state = :sent, #sentAt = :sentAt REMOVE #leaseUntil',
            ConditionExpression: '#owner = :owner',
            ExpressionAttributeNames: {
              '#state': 'state',
              '#sentAt': 'sentAt',
              '#leaseUntil': 'leaseUntil',
              '#owner': 'owner',
            },
            ExpressionAttributeValues: { ':sent': 'sent', ':sentAt': sentAt.toISOString(), ':owner': owner },
          }),
        ),
      );
    },
    async release(dialogueId, kind, owner) {
      await conditionHeld(
        client.send(
          new DeleteCommand({
            TableName: tableName,
            Key: keys.reminder(dialogueId, kind),
            ConditionExpression: '#owner = :owner AND #state = :sending',
            ExpressionAttributeNames: { '#owner': 'owner', '#state': 'state' },
            ExpressionAttributeValues: { ':owner': owner, ':sending': 'sending' },
          }),
        ),
      );
    },
  };
}
