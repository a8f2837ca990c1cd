import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { handlerEnvironment } from '../shared/stages';
import { lambdaBundling } from './bundling';
import { type DeployStage, removalPolicyFor } from './stage';

export const projectRoot = path.resolve(__dirname, '..');

/**
 * HTTP routes must answer within API Gateway's 29 s; a bulk route (one that reads a whole dialogue) gets nearly all of
 * it, stopping just before the gateway gives up. Jobs sweep the table and may take longer.
 */
const timeouts = { http: Duration.seconds(10), bulk: Duration.seconds(28), job: Duration.minutes(5) } as const;
/** Lambda's CPU grows with its memory: a bulk route gets one whole vCPU (at 1,769 MB). */
const memory = { http: 512, bulk: 1769, job: 512 } as const;

const retention: Record<DeployStage['logRetentionDays'], logs.RetentionDays> = {
  7: logs.RetentionDays.ONE_WEEK,
  30: logs.RetentionDays.ONE_MONTH,
  90: logs.RetentionDays.THREE_MONTHS,
  365: logs.RetentionDays.ONE_YEAR,
};

export interface ServiceFunctionProps {
  readonly stage: DeployStage;
  /** Module path from the project root, as in shared/routes.ts; it exports `handler`. */
  readonly handler: string;
  readonly kind: keyof typeof timeouts;
  /** The function gets its name (env var) and read/write access (grant) together. */
  readonly table: dynamodb.ITable;
  readonly memorySize?: number;
}

/** Every route and job: one runtime, one logging set-up, one bundling, and the table bound in one call. */
export class ServiceFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id, {
      entry: path.join(projectRoot, props.handler),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? memory[props.kind],
      timeout: timeouts[props.kind],
      environment: {
        ...handlerEnvironment(props.stage, props.table.tableName),
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'medborgardialog',
      },
      loggingFormat: lambda.LoggingFormat.JSON,
      // An explicit log group (not the deprecated `logRetention` custom resource) so retention is plain CloudFormation.
      logGroup: new logs.LogGroup(scope, `${id}Logs`, {
        retention: retention[props.stage.logRetentionDays],
        removalPolicy: removalPolicyFor(props.stage),
      }),
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
    props.table.grantReadWriteData(this);
  }
}
