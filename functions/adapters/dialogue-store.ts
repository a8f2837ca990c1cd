import {
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
  paginateQuery,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../shared/dialogue/audit';
import type { Dialogue } from '../../shared/dialogue/schema';
import { ConflictError } from '../../shared/errors';
import * as refusals from '../../shared/messages/refusals';
import { keys } from '../../shared/keys';
import type { DialogueStore } from '../../shared/ports';
import { GSI1, attr } from '../../shared/table';
import { conditionHeld } from './conditional';
import { dialogueWriteItems, toAuditEntry, toDialogue } from './dialogue-items';

export function dynamoDialogueStore(client: DynamoDBDocumentClient, tableName: string): DialogueStore {
  return {
    async get(id) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: keys.dialogue(id), ConsistentRead: true }),
      );
      return Item ? toDialogue(Item) : undefined;
    },
    async write(change) {
      const written = await conditionHeld(
        client.send(new TransactWriteCommand({ TransactItems: dialogueWriteItems(tableName, change) })),
      );
      if (written) return;
      const { id } = change.dialogue;
      throw new ConflictError(
        change.expectedVersion === 0 ? refusals.dialogueExists(id) : refusals.changedBySomeoneElse(),
      );
    },
    async audit(id) {
      const entries: AuditEntry[] = [];
      const pages = paginateQuery(
        { client },
        {
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': attr.pk },
          ExpressionAttributeValues: { ':pk': keys.auditPartition(id) },
          ConsistentRead: true,
        },
      );
      for await (const page of pages) entries.push(...(page.Items ?? []).map(toAuditEntry));
      return entries;
    },
    async list() {
      const dialogues: Dialogue[] = [];
      const pages = paginateQuery(
        { client },
        {
          TableName: tableName,
          IndexName: GSI1,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': attr.gsi1pk },
          ExpressionAttributeValues: { ':pk': keys.dialogueListingPk },
        },
      );
      for await (const page of pages) dialogues.push(...(page.Items ?? []).map(toDialogue));
      return dialogues;
    },
    async markResponded(id, expectedVersion, at) {
      return conditionHeld(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.dialogue(id),
            UpdateExpression: 'SET #firstResponseAt = :at, #version = :next',
            ConditionExpression: '#version = :expected AND #status = :open AND attribute_not_exists(#firstResponseAt)',
            ExpressionAttributeNames: {
              '#firstResponseAt': 'firstResponseAt',
              '#version': 'version',
              '#status': 'status',
            },
            ExpressionAttributeValues: {
              ':at': at.toISOString(),
              ':expected': expectedVersion,
              ':next': expectedVersion + 1,
              ':open': 'open',
            },
          }),
        ),
      );
    },
  };
}
