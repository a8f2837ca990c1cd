import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { envNames } from '../shared/env-names';
import { routeList } from '../shared/routes';
import { getStageConfig, handlerEnvironment } from '../shared/stages';
import { table } from '../shared/table';
import { ensureTable, localDynamoClient, startDynamoDbLocal, type RunningDynamo } from '../local/dynamodb';
import { type LambdaHttpHandler, createGateway } from '../local/gateway';
import { exportFiles } from '../local/export-files';
import { type LocalIdentity, localIdentity } from '../local/identity';
import { projectRoot } from '../local/paths';
import { freePort } from '../local/ports';
import { seedDemo } from '../local/seed';

export interface BenchStack {
  readonly dynamo: RunningDynamo;
  readonly documentClient: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly apiUrl: string;
  /** Signs officials' tokens that the gateway takes. */
  readonly identity: LocalIdentity;
  stop(): Promise<void>;
}

/** DynamoDB Local in memory, the table, the demo dialogue and the local gateway: the real parts, in this process. */
export async function startBenchStack(): Promise<BenchStack> {
  const dynamo = await startDynamoDbLocal(await freePort());
  const tableName = `bench-${Date.now()}`;
  const stage = getStageConfig('local');
  const port = await freePort();
  const exports = { dir: mkdtempSync(join(tmpdir(), 'bench-exports-')), secret: randomBytes(32).toString('base64url') };
  Object.assign(process.env, handlerEnvironment({ ...stage, publicBaseUrl: `http://127.0.0.1:${port}` }, tableName), {
    [envNames.dynamoEndpoint]: dynamo.endpoint,
    [envNames.exportDir]: exports.dir,
    [envNames.exportUrlSecret]: exports.secret,
    AWS_REGION: 'eu-north-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  const client = localDynamoClient(Number(new URL(dynamo.endpoint).port));
  const documentClient = DynamoDBDocumentClient.from(client);
  await ensureTable(client, table, tableName);
  await seedDemo(documentClient, tableName, stage.responseShards);
  const identity = await localIdentity(port);
  const server: Server = createServer(
    createGateway({
      routes: routeList,
      loadHandler: async (route) =>
        ((await import(join(projectRoot, route.handler))) as { handler: LambdaHttpHandler }).handler,
      verifyToken: identity.verify,
      allowedOrigins: stage.allowedOrigins,
      localRoutes: exportFiles(exports),
    }),
  );
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    dynamo,
    documentClient,
    tableName,
    apiUrl: `http://127.0.0.1:${port}`,
    identity,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      client.destroy();
      await dynamo.stop();
      rmSync(exports.dir, { recursive: true, force: true });
    },
  };
}
