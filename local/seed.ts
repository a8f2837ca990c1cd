import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoDialogueStore } from '../functions/adapters/dialogue-store';
import type { Caller } from '../shared/access';
import { changeStatus, createDialogue } from '../shared/dialogue/lifecycle';
import { ljungby } from '../shared/municipality';
import { demoDialogue } from './demo-dialogue';

export const DEMO_DIALOGUE_ID = 'demo';
const seeder: Caller = { sub: 'local-seed', committees: [], isAdmin: true };

/** Seeds the open demo dialogue unless it exists (persisted data is left as the user left it). */
export async function seedDemo(
  client: DynamoDBDocumentClient,
  tableName: string,
  responseShards: number,
  now = new Date(),
): Promise<boolean> {
  const store = dynamoDialogueStore(client, tableName);
  if (await store.get(DEMO_DIALOGUE_ID)) return false;
  // Created and opened as an official would: each step with its audit entry.
  const created = createDialogue(demoDialogue(now), seeder, ljungby, { id: DEMO_DIALOGUE_ID, now, responseShards });
  await store.write(created);
  await store.write(changeStatus(created.dialogue, 'open', seeder, now));
  return true;
}
