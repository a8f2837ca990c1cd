import { Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { TableAccess } from '../shared/routes';
import { canRead, tableActions, writablePatterns } from '../shared/table-access';
import { table as tableDefinition } from '../shared/table';

const dynamodbActions = (actions: readonly string[]) => actions.map((action) => `dynamodb:${action}`);

/**
 * Exactly the table access a manifest entry names, on the table and its indexes by name (no wildcard): reads on
 * both, writes on the table, limited to the named partition-key patterns when the entry gives them. The key that
 * encrypts the table goes with it: decrypt to read, encrypt to write.
 */
export function grantTable(fn: lambda.Function, table: dynamodb.ITable, key: kms.IKey, access: TableAccess): void {
  if (!canRead(access)) return;
  const indexArns = tableDefinition.indexes.map(({ name }) => `${table.tableArn}/index/${name}`);
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: dynamodbActions(tableActions.read),
      resources: [table.tableArn, ...indexArns],
    }),
  );
  const patterns = writablePatterns(access);
  const writes = patterns === undefined || patterns.length > 0;
  if (writes) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: dynamodbActions(tableActions.write),
        resources: [table.tableArn],
        ...(patterns ? { conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...patterns] } } } : {}),
      }),
    );
  }
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['kms:Decrypt', 'kms:DescribeKey', ...(writes ? ['kms:Encrypt', 'kms:GenerateDataKey'] : [])],
      resources: [key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(fn).region}.amazonaws.com` } },
    }),
  );
}
