import {
  type AttributeValue,
  ConditionalCheckFailedException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';

/**
 * Whether a write failed only because a condition did not hold; with it, the item found in the way when the write
 * asked for it (`ReturnValuesOnConditionCheckFailure: ALL_OLD`), as DynamoDB hands it back (raw attribute values).
 */
export function conditionFailure(error: unknown): { item?: Record<string, AttributeValue> } | undefined {
  if (error instanceof ConditionalCheckFailedException) return { item: error.Item };
  if (!(error instanceof TransactionCanceledException)) return undefined;
  const failed = (error.CancellationReasons ?? []).find((reason) => reason.Code === 'ConditionalCheckFailed');
  return failed ? { item: failed.Item } : undefined;
}

export const isConditionFailure = (error: unknown): boolean => conditionFailure(error) !== undefined;

/**
 * Runs a conditional write: true when it was made, false when its condition did not hold (another run got there
 * first, the item is gone, there was nothing to do). Any other failure is thrown.
 */
export async function conditionHeld(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
