import { type ChildProcess, spawn } from 'node:child_process';
import {
  type CreateTableCommandInput,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { TableDefinition } from '../shared/table';
import { dynamoDbLocalArgs } from './dynamodb-launcher';
import { DEFAULT_HOST, reachableHost, urlHost } from './hosts';
import { cacheDir } from './paths';
import { privateDir } from './private-files';

// This machine runs Node 20 (Lambda runs 22); the SDK's warning about that says nothing new here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** The table as DynamoDB's CreateTable wants it, from the same definition the CDK stack uses. */
export function createTableInput(definition: TableDefinition, tableName: string): CreateTableCommandInput {
  const keyAttributes = new Set([
    definition.partitionKey,
    definition.sortKey,
    ...definition.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ]);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...keyAttributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: definition.partitionKey, KeyType: 'HASH' },
      { AttributeName: definition.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: definition.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

/**
 * Creates the table unless it exists (persisted data survives restarts); a table kept from an older version
 * gets the indexes it lacks. Items are not rewritten: responses stored before the arrival index existed (builds
 * before it, never deployed) are not read; delete `.local/dynamodb` to start afresh.
 */
export async function ensureTable(
  client: DynamoDBClient,
  definition: TableDefinition,
  tableName: string,
): Promise<void> {
  const input = createTableInput(definition, tableName);
  try {
    await client.send(new CreateTableCommand(input));
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    for (const index of input.GlobalSecondaryIndexes ?? []) {
      if (existing.has(index.IndexName)) continue;
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: input.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
    }
  }
}

/** DynamoDB's endpoint on a server listening on `host`. */
const endpointOf = (host: string, port: number): string => `http://${urlHost(reachableHost(host))}:${port}`;

export function localDynamoClient(port: number, host = DEFAULT_HOST): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: endpointOf(host, port),
    region: 'eu-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

export interface RunningDynamo {
  readonly process: ChildProcess;
  readonly endpoint: string;
  stop(): Promise<void>;
}

export interface DynamoDbLocalStart {
  /** Undefined keeps the data in memory. */
  readonly dataDir?: string;
  /** The address to listen on (default 127.0.0.1). */
  readonly host?: string;
  readonly timeoutMs?: number;
}

/**
 * Starts DynamoDB Local (Java) and resolves once it answers. Its stdin is a pipe from this process that is
 * never written: when this process ends, however it ends, the launcher sees the pipe close and exits too.
 */
export async function startDynamoDbLocal(
  port: number,
  { dataDir, host = DEFAULT_HOST, timeoutMs = 30_000 }: DynamoDbLocalStart = {},
): Promise<RunningDynamo> {
  if (dataDir) privateDir(dataDir);
  // The database files Java creates are for this user alone; the child inherits the umask as it forks.
  const umask = process.umask(0o077);
  let child: ChildProcess;
  try {
    // In the cache folder: DynamoDB Local may write a metadata file into its working directory.
    child = spawn('java', dynamoDbLocalArgs({ port, host, dataDir }), { stdio: 'pipe', cwd: cacheDir });
  } finally {
    process.umask(umask);
  }
  child.stdout?.resume();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(forced);
  };
  const client = localDynamoClient(port, host);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`DynamoDB Local exited: ${stderr.trim().split('\n').at(-1) ?? 'no output'}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not answer on port ${port} within ${timeoutMs / 1000} s`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { process: child, endpoint: endpointOf(host, port), stop };
}
