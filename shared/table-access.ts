import { type KeyPatternName, keyPatterns, matchesKeyPattern } from './keys';
import type { TableAccess } from './routes';

/**
 * The DynamoDB actions each access mode allows: the stack grants exactly these (infra/table-grants.ts) and the local
 * gateway refuses any other (local/table-access.ts), so a manifest entry that is too narrow fails locally first.
 * No Scan: nothing reads the whole table. Transactions need no action of their own, only their items' ones.
 */
export const tableActions = {
  read: ['GetItem', 'BatchGetItem', 'Query', 'ConditionCheckItem'],
  write: ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'],
} as const;
export type TableAction = (typeof tableActions)[keyof typeof tableActions][number];

export const canRead = (access: TableAccess): boolean => access !== 'none';

/** The partition-key patterns a function may write; `[]` for none, `undefined` for any item. */
export function writablePatterns(access: TableAccess): readonly string[] | undefined {
  if (typeof access === 'string') return [];
  return access.write === 'any' ? undefined : access.write.map((name: KeyPatternName) => keyPatterns[name]);
}

/** Whether the mode allows the action on an item of this partition key (reads and condition checks: any item). */
export function allows(access: TableAccess, action: TableAction, partitionKey?: string): boolean {
  if ((tableActions.read as readonly string[]).includes(action)) return canRead(access);
  const patterns = writablePatterns(access);
  if (patterns === undefined) return true;
  return partitionKey !== undefined && patterns.some((pattern) => matchesKeyPattern(partitionKey, pattern));
}
