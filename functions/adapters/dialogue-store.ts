import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
  paginateQuery,
} from '@aws-sdk/lib-dynamodb';
import type { Dialogue } from '../../shared/dialogue/schema';
import { ConflictError } from '../../shared/errors';
import * as refusals from '../../shared/messages/refusals';
import { keys } from '../../shared/keys';
import type { DialogueStore } from '../../shared/ports';
import { GSI1, attr } from '../../shared/table';
import { conditionHeld } from './conditional';

const ITEM_ATTRIBUTES = [attr.pk, attr.sk, attr.gsi1pk, attr.gsi1sk, 'kind'] as const;

export function toDialogue(item: Record<string, unknown>): Dialogue {
  const dialogue = { ...item };
  for (const name of ITEM_ATTRIBUTES) delete dialogue[name];
  return dialogue as unknown as Dialogue;
}

export function toItem(dialogue: Dialogue): Record<string, unknown> {
  return {
    ...dialogue,
    ...keys.dialogue(dialogue.id),
    ...keys.dialogueListing(dialogue.createdAt, dialogue.id),
    kind: 'dialogue',
  };
}

export function dynamoDialogueStore(client: DynamoDBDocumentClient, tableName: string): DialogueStore {
  return {
    async get(id) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: keys.dialogue(id), ConsistentRead: true }),
      );
      return Item ? toDialogue(Item) : undefined;
    },
    async create(dialogue) {
      const created = await conditionHeld(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem(dialogue),
            ConditionExpression: `attribute_not_exists(${attr.pk})`,
          }),
        ),
      );
      if (!created) throw new ConflictError(refusals.dialogueExists(dialogue.id));
    },
    async replace(dialogue, expectedVersion) {
      const replaced = await conditionHeld(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem(dialogue),
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          }),
        ),
      );
      if (!replaced) throw new ConflictError(refusals.changedBySomeoneElse());
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
