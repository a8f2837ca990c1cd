import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { Context } from 'aws-lambda';
import type { TableAccess } from '../shared/routes';
import { enforceTableAccess, withTableAccess } from './table-access';

/**
 * Every function of the local stack runs in this one process, invocations overlapping: a scheduled tick starts
 * all jobs at once, and requests arrive meanwhile. Lambda runs such environments too (Managed Instances, which
 * set AWS_LAMBDA_MAX_CONCURRENCY); there Powertools keeps each invocation's Lambda context and log keys in the
 * runtime's InvokeStore instead of on the one shared Logger, so no line is labelled by another function.
 */
process.env.AWS_LAMBDA_MAX_CONCURRENCY ??= '64';
const store = InvokeStore.getInstanceAsync();

/**
 * Calls the handler in an invocation context of its own, as Lambda's runtime does, allowed only the table access
 * its manifest entry grants (as IAM allows it in AWS).
 */
export async function invoke<E, R>(
  handler: (event: E, context: Context) => Promise<R>,
  event: E,
  context: Context,
  table: TableAccess,
): Promise<R> {
  enforceTableAccess();
  return (await store).run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: context.awsRequestId }, () =>
    withTableAccess(table, () => handler(event, context)),
  );
}
