import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { TableAccess } from '../shared/routes';
import { type Setting, handlerEnvironment } from '../shared/stages';
import { lambdaBundling } from './bundling';
import { acknowledge } from './nag';
import { type DeployStage, removalPolicyFor } from './stage';
import { grantTable } from './table-grants';

export const projectRoot = path.resolve(__dirname, '..');

/**
 * HTTP routes must answer within API Gateway's 29 s; a bulk route (one that reads a whole dialogue) gets nearly all of
 * it, stopping just before the gateway gives up. Jobs sweep the table and may take longer.
 */
const timeouts = { http: Duration.seconds(10), bulk: Duration.seconds(28), job: Duration.minutes(5) } as const;
/** Lambda's CPU grows with its memory: a bulk route gets one whole vCPU (at 1,769 MB). */
const memory = { http: 512, bulk: 1769, job: 512 } as const;

const retentionDays: Record<DeployStage['logRetentionDays'], logs.RetentionDays> = {
  7: logs.RetentionDays.ONE_WEEK,
  30: logs.RetentionDays.ONE_MONTH,
  90: logs.RetentionDays.THREE_MONTHS,
  365: logs.RetentionDays.ONE_YEAR,
};

/** How long every log group of the stage keeps its lines. */
export const logRetention = (stage: DeployStage): logs.RetentionDays => retentionDays[stage.logRetentionDays];

export interface ServiceFunctionProps {
  readonly stage: DeployStage;
  /** Module path from the project root, as in shared/routes.ts; it exports `handler`. */
  readonly handler: string;
  readonly kind: keyof typeof timeouts;
  /** The function gets the table's name (env var) and exactly the access its manifest entry names (grant). */
  readonly table: dynamodb.ITable;
  readonly tableAccess: TableAccess;
  /** The stage settings it reads besides the common ones: only these reach its environment. */
  readonly settings?: readonly Setting[];
  /** Encrypts the table and the function's log group. */
  readonly key: kms.IKey;
  /** Jobs and event handlers are invoked asynchronously: an invocation that fails after Lambda's two retries goes here. */
  readonly deadLetterQueue?: sqs.IQueue;
  readonly memorySize?: number;
}

/**
 * Every route and job: one runtime, one logging set-up, one bundling, and the table bound in one call. Each has a role
 * of its own that may write only its own log group (not AWS's managed policy, which allows every log group).
 */
export class ServiceFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: logRetention(props.stage),
      encryptionKey: props.key,
      removalPolicy: removalPolicyFor(props.stage),
    });
    const role = new iam.Role(scope, `${id}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    super(scope, id, {
      role,
      entry: path.join(projectRoot, props.handler),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? memory[props.kind],
      timeout: timeouts[props.kind],
      environment: {
        ...handlerEnvironment(props.stage, props.table.tableName, props.settings ?? []),
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'medborgardialog',
      },
      loggingFormat: lambda.LoggingFormat.JSON,
      // An explicit log group (not the deprecated `logRetention` custom resource) so retention is plain CloudFormation.
      logGroup,
      ...(props.deadLetterQueue ? { onFailure: new destinations.SqsDestination(props.deadLetterQueue) } : {}),
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        target: lambdaBundling.target,
        mainFields: [...lambdaBundling.mainFields],
        banner: lambdaBundling.banner,
        // Bundle the AWS SDK too: the version we test is the version that runs, not the runtime's.
        externalModules: [...lambdaBundling.lazyExternals],
      },
    });
    grantTable(this, props.table, props.key, props.tableAccess);
    acknowledge(
      this,
      'Serverless-LambdaTracing',
      'A correlation id in every structured log line traces a request; X-Ray would copy citizens’ requests into another store and needs a permission on every resource.',
    );
    acknowledge(
      this,
      'Serverless-LambdaDLQ',
      props.deadLetterQueue
        ? 'An on-failure destination (the same queue) keeps each failed invocation with its error; a dead-letter config besides would queue every failure twice.'
        : 'Invoked synchronously by API Gateway: a failure is the caller’s 5xx answer (and an alarm), there is no event to keep.',
    );
  }
}
