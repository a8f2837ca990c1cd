import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';

export type Item = Record<string, unknown>;

/** A document client on this file's DynamoDB Local endpoint, independent of the handlers' own client. */
export function testDocumentClient(): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    endpoint: process.env.DYNAMODB_ENDPOINT,
    region: process.env.AWS_REGION,
    maxAttempts: 2,
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export const tableName = (): string => {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set (test/support/env.ts sets it)');
  return name;
};

/** Every item in this file's table. */
export async function scanAll(client: DynamoDBDocumentClient): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of paginateScan({ client }, { TableName: tableName(), ConsistentRead: true }))
    items.push(...(page.Items ?? []));
  return items;
}

const pkOf = (item: Item): string => String(item.pk);
const arrivalOf = (item: Item): string => String(item.gsi2pk);

/** The items of one dialogue, sorted into what they are by their keys (shared/keys.ts). */
export function itemsOf(items: readonly Item[], dialogueId: string) {
  const prefix = `DIALOGUE#${dialogueId}`;
  const mine = items.filter((i) => pkOf(i) === prefix || pkOf(i).startsWith(`${prefix}#`));
  return {
    all: mine,
    /** Counted responses: in one of the arrival index's shards. */
    responses: mine.filter((i) => arrivalOf(i).startsWith(`${prefix}#RESPONSES#`)),
    quarantined: mine.filter((i) => arrivalOf(i) === `${prefix}#QUARANTINE`),
    contacts: mine.filter((i) => pkOf(i) === `${prefix}#CONTACTS`),
  };
}

/** Every primitive value inside an item (strings, numbers, booleans), however deeply nested. */
export function leafValues(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(leafValues);
  if (value instanceof Set) return [...value].flatMap(leafValues);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).flatMap(leafValues);
  return [String(value)];
}
