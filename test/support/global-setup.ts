import { assertJava17 } from '../../local/java';
import { freePort } from '../../local/ports';
import { startDynamoDbLocal } from '../../local/dynamodb';
import { chromiumSetup, ensureChromium } from './chromium';

/**
 * Once per run: Chromium for the browser tests (installed when missing, if it can be), then one DynamoDB Local
 * (in memory) for every file; each test file makes its own table in it. DynamoDB Local follows this process when
 * it ends, however it ends (see local/dynamodb.ts).
 */
export default async function globalSetup(): Promise<void> {
  try {
    ensureChromium(chromiumSetup());
    assertJava17();
    // A start that fails stops its own Java before it throws.
    const dynamo = await startDynamoDbLocal(await freePort());
    process.env.TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
    (globalThis as { __dynamo?: typeof dynamo }).__dynamo = dynamo;
  } catch (error) {
    // One line, and jest ends here: its globalTeardown does not run after a failed setup, and nothing is left.
    console.error(`\nnpm test cannot run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
