import { type App, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { getStageConfig } from '../shared/stages';
import { Api } from './api';
import { ConsoleSite } from './console';
import { Data } from './data';
import { Exports } from './exports';
import { Mail } from './mail';
import { Schedules } from './schedules';
import type { DeployStage } from './stage';

export interface MedborgardialogStackProps extends StackProps {
  readonly stage: DeployStage;
}

/** One deployment of the product: stateful data, the HTTP API, the officials' console and the scheduled jobs. */
export class MedborgardialogStack extends Stack {
  constructor(scope: Construct, id: string, props: MedborgardialogStackProps) {
    super(scope, id, props);
    const { stage } = props;

    const data = new Data(this, 'Data', stage);
    const mail = new Mail(this, 'Mail', stage);
    const api = new Api(this, 'Api', stage);
    // The console's app client comes back only to the console, whose distribution fronts the API too.
    const site = new ConsoleSite(this, 'Console', {
      stage,
      api: api.httpApi,
      userPool: data.userPool,
      signInDomain: data.signInDomain,
    });
    const exports = new Exports(this, 'Exports');
    api.addRoutes({ table: data.table, userPool: data.userPool, userPoolClient: site.client, mail, exports });
    new Schedules(this, 'Schedules', { stage, table: data.table, mail });

    new CfnOutput(this, 'ApiUrl', { value: api.url });
    new CfnOutput(this, 'ConsoleUrl', { value: site.url });
    new CfnOutput(this, 'SignInDomain', { value: data.signInDomain.baseUrl() });
    new CfnOutput(this, 'UserPoolId', { value: data.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: site.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
  }
}

/**
 * The stack for the stage named by `-c stage=<name>`. The name is validated first, so an unknown
 * stage fails with one clear line before anything is synthesized. No account lookups: synth works offline.
 */
export function addStageStack(app: App): MedborgardialogStack {
  const stage = getStageConfig(app.node.tryGetContext('stage'));
  if (stage.name === 'local')
    throw new Error('The "local" stage is for npm start, not for deployment: use -c stage=dev or prod');
  return new MedborgardialogStack(app, `Medborgardialog-${stage.name}`, {
    stage,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: stage.region },
  });
}
