import { type App, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { eventHandlers } from '../shared/routes';
import { getStageConfig } from '../shared/stages';
import { Api } from './api';
import { ConsoleSite } from './console';
import { DataStack } from './data';
import { EdgeStack } from './edge';
import { Exports } from './exports';
import { Monitoring } from './monitoring';
import { Schedules } from './schedules';
import type { DeployStage } from './stage';

export interface ServiceStackProps extends StackProps {
  readonly stage: DeployStage & { readonly domain: string };
  readonly data: DataStack;
  readonly edge: EdgeStack;
}

/**
 * Everything stateless, replaceable at will: the functions, the HTTP API and CloudFront in front of it (with the
 * console's files), the schedules, and what watches them. It holds no data but export copies kept for a day.
 */
export class ServiceStack extends Stack {
  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { stage, data, edge } = props;
    const { key, table, mail } = data;

    const api = new Api(this, 'Api', { stage, key });
    // The console's app client comes back only to the console, whose distribution fronts the API too.
    const site = new ConsoleSite(this, 'Console', {
      stage,
      api: api.httpApi,
      userPool: data.userPool,
      signInDomain: data.signInDomain,
      webAclArn: edge.webAcl.attrArn,
      certificate: edge.certificate,
    });
    const exports = new Exports(this, 'Exports');
    api.addRoutes({ table, userPool: data.userPool, userPoolClient: site.client, mail, exports });
    const schedules = new Schedules(this, 'Schedules', { stage, table, key, mail });

    new Monitoring(this, 'Monitoring', {
      stage,
      api: api.httpApi,
      alarmTopic: data.alarms,
      functions: [
        ...api.functions.map((fn) => ({ name: fn.node.id, fn })),
        ...schedules.jobs.map(({ job, fn }) => ({ name: job.name, fn })),
        { name: eventHandlers.sesFeedback.name, fn: schedules.sesFeedback },
      ],
      deadLetterQueues: [
        ...schedules.jobs.map(({ job, deadLetters }) => ({ name: job.name, queue: deadLetters })),
        { name: eventHandlers.sesFeedback.name, queue: schedules.sesFeedbackDeadLetters },
      ],
    });

    new CfnOutput(this, 'ConsoleUrl', { value: site.url });
    new CfnOutput(this, 'DistributionDomainName', {
      value: site.distribution.distributionDomainName,
      description: `Point ${stage.domain} here (CNAME, or an alias record)`,
    });
    new CfnOutput(this, 'ApiEndpoint', { value: api.httpApi.apiEndpoint });
    // The console's client belongs to the user pool, so its id is an output of the data stack.
    new CfnOutput(Stack.of(site.client), 'UserPoolClientId', { value: site.client.userPoolClientId });
  }
}

export interface StageStacks {
  readonly data: DataStack;
  readonly edge: EdgeStack;
  readonly service: ServiceStack;
}

/** CloudFront reads its web ACL and certificates only from here. */
const EDGE_REGION = 'us-east-1';

/**
 * The stacks of the stage named by `-c stage=<name>`: stateful data, the edge (us-east-1) and the service. The name
 * and settings are validated first, so a mistake fails with one clear line before anything is synthesized. No
 * account lookups: synth works offline.
 */
export function addStageStacks(app: App): StageStacks {
  const stage = getStageConfig(app.node.tryGetContext('stage'));
  if (stage.name === 'local')
    throw new Error('The "local" stage is for npm start, not for deployment: use -c stage=dev, test or prod');
  const { domain } = stage;
  if (!domain) throw new Error(`Stage "${stage.name}" has no domain: set the host CloudFront serves it on`);
  const deployed = { ...stage, domain };
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const prefix = `Medborgardialog-${stage.name}`;
  const data = new DataStack(app, `${prefix}-data`, { stage: deployed, env: { account, region: stage.region } });
  const edge = new EdgeStack(app, `${prefix}-edge`, {
    stage: deployed,
    env: { account, region: EDGE_REGION },
    crossRegionReferences: true,
  });
  const service = new ServiceStack(app, `${prefix}-service`, {
    stage: deployed,
    data,
    edge,
    env: { account, region: stage.region },
    crossRegionReferences: true,
  });
  return { data, edge, service };
}
