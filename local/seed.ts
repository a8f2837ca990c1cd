import { BatchWriteCommand, type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDialogueStore } from '../functions/adapters/dialogue-store';
import type { Caller } from '../shared/access';
import { changeStatus, createDialogue } from '../shared/dialogue/lifecycle';
import { keys } from '../shared/keys';
import { ljungby } from '../shared/municipality';
import { attr } from '../shared/table';
import { demoDialogue } from './demo-dialogue';

export const DEMO_DIALOGUE_ID = 'demo';
const seeder: Caller = { sub: 'local-seed', committees: [], isAdmin: true };

/** Deletes every item of a dialogue: its definition, audit log, results, mailout, responses and contacts. */
async function deleteDialogue(client: DynamoDBDocumentClient, tableName: string, dialogueId: string): Promise<void> {
  const { pk, pkPrefix } = keys.dialogueItems(dialogueId);
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#pk = :pk OR begins_with(#pk, :prefix)',
        ExpressionAttributeNames: { '#pk': attr.pk, '#sk': attr.sk },
        ExpressionAttributeValues: { ':pk': pk, ':prefix': pkPrefix },
        ProjectionExpression: '#pk, #sk',
        ExclusiveStartKey: start,
      }),
    );
    const items = page.Items ?? [];
    for (let i = 0; i < items.length; i += 25) {
      let requests = items.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      while (requests.length > 0) {
        const { UnprocessedItems } = await client.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
        );
        requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
}

/**
 * Seeds the open demo dialogue on the first start; after that it stays as the user left it (closed, decided),
 * unless `reset` deletes it with its responses and contacts and seeds it afresh (`npm start -- --reset-demo`).
 */
export async function seedDemo(
  client: DynamoDBDocumentClient,
  tableName: string,
  responseShards: number,
  now = new Date(),
  { reset = false } = {},
): Promise<boolean> {
  const store = dynamoDialogueStore(client, tableName);
  if (reset) await deleteDialogue(client, tableName, DEMO_DIALOGUE_ID);
  else if (await store.get(DEMO_DIALOGUE_ID)) return false;
  // Created and opened as an official would: each step with its audit entry.
  const created = createDialogue(demoDialogue(now), seeder, ljungby, { id: DEMO_DIALOGUE_ID, now, responseShards });
  await store.write(created);
  await store.write(changeStatus(created.dialogue, 'open', seeder, now));
  return true;
}
