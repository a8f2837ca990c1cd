import { freePort } from '../../local/ports';
import { startDynamoDbLocal } from '../../local/dynamodb';

/** One DynamoDB Local (in memory) for the whole run; each test file makes its own table in it. */
export default async function globalSetup(): Promise<void> {
  const port = await freePort();
  const dynamo = await startDynamoDbLocal(port);
  process.env.TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
  (globalThis as { __dynamo?: typeof dynamo }).__dynamo = dynamo;
}
