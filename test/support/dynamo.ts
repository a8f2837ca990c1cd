import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../local/dynamodb';
import { env } from '../../functions/lib/env';
import { table } from '../../shared/table';

const client = () => new DynamoDBClient({ endpoint: env().dynamoEndpoint, maxAttempts: 1 });

/** Creates this test file's table (from the same definition as CDK and npm start). */
export async function createTestTable(): Promise<void> {
  const c = client();
  await ensureTable(c, table, env().tableName);
  c.destroy();
}

export async function dropTestTable(): Promise<void> {
  const c = client();
  await c.send(new DeleteTableCommand({ TableName: env().tableName })).catch(() => undefined);
  c.destroy();
}
