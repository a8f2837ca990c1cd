import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import sesEmulator from 'aws-ses-v2-local';
import { envNames } from '../shared/env-names';
import { type JobDefinition, jobList, routeList } from '../shared/routes';
import { getStageConfig, handlerEnvironment } from '../shared/stages';
import { table, tableName } from '../shared/table';
import { ensureTable, localDynamoClient, startDynamoDbLocal } from './dynamodb';
import { type LambdaHttpHandler, createGateway } from './gateway';
import { DEFAULT_HOST, publicHostname, reachableHost, urlHost } from './hosts';
import { ljungby } from '../shared/municipality';
import { consoleFiles } from './console-files';
import { exportFiles } from './export-files';
import { localIdentity, localIssuer } from './identity';
import { LOCAL_CLIENT_ID, localOidc } from './oidc';
import { assertJava17 } from './java';
import { localRoutes } from './local-routes';
import { localDir, projectRoot } from './paths';
import { localSecret } from './secrets';
import { type LocalPorts, assertPortFree } from './ports';
import type { Clock } from '../shared/ports';
import { type JobHandler, NoClockError, startScheduler } from './scheduler';
import { seedDemo } from './seed';

export interface LocalStackOptions {
  readonly ports: LocalPorts;
  readonly inMemory: boolean;
  /** Deletes the demo dialogue with its responses and contacts and seeds it afresh (`--reset-demo`). */
  readonly resetDemo?: boolean;
  /** The address every server listens on (`HOST`, default 127.0.0.1). */
  readonly host?: string;
  /** Origins of a web editor's own test pages that may embed the form too (`ALLOWED_ORIGINS`, comma-separated). */
  readonly extraOrigins?: readonly string[];
  readonly log?: (line: Record<string, unknown>) => void;
}

export interface LocalStack {
  readonly urls: { api: string; dynamodb: string; ses: string };
  stop(): Promise<void>;
}

async function loadExport<T>(modulePath: string): Promise<T> {
  const loaded = (await import(join(projectRoot, modulePath))) as { handler?: T };
  if (typeof loaded.handler !== 'function') throw new Error(`${modulePath} does not export a handler`);
  return loaded.handler;
}

/**
 * A job's handler; with a clock, built by the module's `createHandler` from its `dependencies` with that clock in
 * place of the real one (the jobs that export both: the reminder and retention jobs).
 */
async function loadJob(job: JobDefinition, clock?: Clock): Promise<JobHandler> {
  if (!clock) return loadExport<JobHandler>(job.handler);
  const loaded = (await import(join(projectRoot, job.handler))) as {
    createHandler?: (deps: { clock: Clock }) => JobHandler;
    dependencies?: { clock?: Clock };
  };
  if (typeof loaded.createHandler !== 'function' || !loaded.dependencies?.clock)
    throw new NoClockError(`The job ${job.name} takes no clock: run it without "at".`);
  return loaded.createHandler({ ...loaded.dependencies, clock });
}

const listen = (server: Server, port: number, host: string): Promise<void> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });

const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** Starts DynamoDB Local, the SES emulator, the gateway and the scheduler; `stop` ends every one of them. */
export async function startLocalStack({
  ports,
  inMemory,
  resetDemo = false,
  host = DEFAULT_HOST,
  extraOrigins = [],
  log = () => undefined,
}: LocalStackOptions): Promise<LocalStack> {
  assertJava17();
  await assertPortFree(ports.api, 'PORT', host);
  await assertPortFree(ports.dynamodb, 'DYNAMODB_PORT', host);
  await assertPortFree(ports.ses, 'SES_PORT', host);
  const reachable = urlHost(reachableHost(host));
  const hostname = publicHostname(host);

  const stoppers: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
    stoppers.length = 0;
  };
  try {
    const dynamo = await startDynamoDbLocal(ports.dynamodb, {
      host,
      dataDir: inMemory ? undefined : join(localDir, 'dynamodb'),
    });
    stoppers.push(dynamo.stop);
    const ses = await sesEmulator({ host, port: ports.ses });
    stoppers.push(() => close(ses));

    // The stage's URLs name port 3000; on another PORT the pages must link, post and allow CORS to that port.
    const stage = {
      ...getStageConfig('local'),
      publicBaseUrl: `http://${hostname}:${ports.api}`,
      allowedOrigins: [`http://${hostname}:${ports.api}`, `http://${reachable}:${ports.api}`, ...extraOrigins],
    };
    const localTableName = tableName(stage.name);
    const exports = { dir: join(localDir, 'exports'), secret: localSecret('export-url-secret') };
    Object.assign(process.env, handlerEnvironment(stage, localTableName), {
      [envNames.dynamoEndpoint]: dynamo.endpoint,
      [envNames.exportDir]: exports.dir,
      [envNames.exportUrlSecret]: exports.secret,
      [envNames.sesEndpoint]: `http://${reachable}:${ports.ses}`,
      [envNames.unsubscribeSecret]: localSecret('unsubscribe-secret'),
      [envNames.scheduleSeconds]: String(ports.scheduleIntervalSeconds),
      AWS_REGION: process.env.AWS_REGION ?? 'eu-north-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      // No CloudWatch here to read the EMF lines: they would only crowd the log on stdout, unless asked for.
      POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    });
    const client = localDynamoClient(ports.dynamodb, host);
    await ensureTable(client, table, localTableName);
    await seedDemo(DynamoDBDocumentClient.from(client), localTableName, stage.responseShards, new Date(), {
      reset: resetDemo,
    });
    client.destroy();

    const scheduler = startScheduler(jobList, loadJob, ports.scheduleIntervalSeconds, (job, error) =>
      log({
        level: 'ERROR',
        message: `job ${job.name} failed`,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    stoppers.push(scheduler.stop);

    const identity = await localIdentity(ports.api);
    const gateway = createServer(
      createGateway({
        routes: routeList,
        loadHandler: (route) => loadExport<LambdaHttpHandler>(route.handler),
        verifyToken: identity.verify,
        allowedOrigins: stage.allowedOrigins,
        localRoutes: localRoutes({
          scheduler,
          identity,
          more: [
            localOidc({
              identity,
              issuer: localIssuer(ports.api),
              committees: ljungby.committees,
              sessionSeconds: stage.signIn.sessionMinutes * 60,
            }),
            exportFiles(exports),
            consoleFiles({
              authority: localIssuer(ports.api),
              clientId: LOCAL_CLIENT_ID,
              signOutUrl: `${localIssuer(ports.api)}/logout`,
              publicBase: stage.publicBaseUrl,
            }),
          ],
        }),
        log,
      }),
    );
    await listen(gateway, ports.api, host);
    stoppers.push(() => close(gateway));

    return {
      urls: {
        api: `http://${hostname}:${ports.api}`,
        dynamodb: `http://${hostname}:${ports.dynamodb}`,
        ses: `http://${hostname}:${ports.ses}`,
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
