import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { addStageStack } from '../../infra/stack';
import { createTableInput } from '../../local/dynamodb';
import { eventHandlers, jobList, routeList } from '../../shared/routes';
import { getStageConfig } from '../../shared/stages';
import { table, tableName } from '../../shared/table';

type Resources = Record<string, { Properties: Record<string, unknown>; DeletionPolicy?: string }>;

/** Synthesizes one stage with bundling skipped: the template is what we assert on, not the bundles. */
function synth(stage: string): Template {
  const app = new App({ context: { stage, 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(addStageStack(app));
}

const onlyLogicalId = (resources: Resources): string => {
  const ids = Object.keys(resources);
  expect(ids).toHaveLength(1);
  return ids[0] as string;
};

/** The expression `Schedule.rate` writes: the largest whole unit, singular for one. */
function rateExpression(minutes: number): string {
  const [n, unit] =
    minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return `rate(${n} ${unit}${n === 1 ? '' : 's'})`;
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

describe('Medborgardialog stack', () => {
  let dev: Template;
  let prod: Template;
  beforeAll(() => {
    dev = synth('dev');
    prod = synth('prod');
  });

  test('an unknown stage throws the clear error before anything is synthesized', () => {
    expect(() => synth('staging')).toThrow('Unknown stage "staging": use one of local, dev, prod (-c stage=<name>)');
  });

  test('there is exactly one Lambda function per route, per job and per event handler in the manifest', () => {
    dev.resourceCountIs('AWS::Lambda::Function', routeList.length + jobList.length + Object.keys(eventHandlers).length);
  });

  test('every function runs Node.js 22 or newer on arm64', () => {
    for (const fn of Object.values(dev.findResources('AWS::Lambda::Function') as Resources)) {
      const version = /^nodejs(\d+)\.x$/.exec(String(fn.Properties.Runtime))?.[1];
      expect(Number(version)).toBeGreaterThanOrEqual(22);
      expect(fn.Properties.Architectures).toEqual(['arm64']);
    }
  });

  test('every function gets the handler environment bound to the table and logs JSON to its own log group', () => {
    const tableId = onlyLogicalId(dev.findResources('AWS::DynamoDB::Table') as Resources);
    for (const fn of Object.values(dev.findResources('AWS::Lambda::Function') as Resources)) {
      expect(fn.Properties).toMatchObject({
        Environment: {
          Variables: {
            STAGE: 'dev',
            TABLE_NAME: { Ref: tableId },
            NODE_OPTIONS: '--enable-source-maps',
            POWERTOOLS_SERVICE_NAME: 'medborgardialog',
          },
        },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } },
      });
    }
  });

  test('routes are exactly the manifest: one per entry, METHOD path, JWT for officials and NONE for the public', () => {
    dev.resourceCountIs('AWS::ApiGatewayV2::Route', routeList.length);
    for (const route of routeList) {
      dev.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        AuthorizationType: route.access === 'official' ? 'JWT' : 'NONE',
      });
    }
  });

  test('each route integrates the function built for it', () => {
    const routesByKey = Object.values(dev.findResources('AWS::ApiGatewayV2::Route') as Resources);
    const integrations = dev.findResources('AWS::ApiGatewayV2::Integration') as Resources;
    for (const route of routeList) {
      const found = routesByKey.find((r) => r.Properties.RouteKey === `${route.method} ${route.path}`);
      const target = JSON.stringify(found?.Properties.Target);
      const integrationId = Object.keys(integrations).find((id) => target.includes(id)) as string;
      const uri = integrations[integrationId]?.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] };
      expect(uri['Fn::GetAtt'][0]).toMatch(new RegExp(`^Api${route.name}[A-F0-9]{8}$`));
    }
  });

  test('the JWT authorizer trusts the Cognito user pool as issuer and its client as audience', () => {
    const poolId = onlyLogicalId(dev.findResources('AWS::Cognito::UserPool') as Resources);
    const clientId = onlyLogicalId(dev.findResources('AWS::Cognito::UserPoolClient') as Resources);
    dev.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    dev.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }],
        Issuer: {
          'Fn::Join': [
            '',
            [Match.stringLikeRegexp('^https://cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com/$'), { Ref: poolId }],
          ],
        },
      },
    });
  });

  test('the user pool lets no one sign themselves up and signs in by email; its client has no secret', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
    });
    dev.hasResourceProperties('AWS::Cognito::UserPoolClient', { GenerateSecret: false });
    dev.resourceCountIs('AWS::Cognito::UserPoolGroup', 0);
  });

  test('CORS preflight and default-stage throttling come from the stage', () => {
    const stage = getStageConfig('dev');
    dev.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        AllowOrigins: stage.allowedOrigins,
        AllowMethods: Match.arrayWith(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS']),
        AllowHeaders: ['content-type', 'authorization', 'x-correlation-id'],
      },
    });
    dev.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: stage.throttle.ratePerSecond,
        ThrottlingBurstLimit: stage.throttle.burst,
      },
    });
  });

  test('the table is the one npm start creates in DynamoDB Local: same keys, indexes and TTL, on demand with point-in-time recovery', () => {
    // Both are built from shared/table.ts; comparing them proves AWS and the local stack cannot drift apart.
    const local = createTableInput(table, tableName('dev'));
    dev.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: local.TableName,
      KeySchema: local.KeySchema,
      AttributeDefinitions: Match.arrayWith(local.AttributeDefinitions ?? []),
      GlobalSecondaryIndexes: local.GlobalSecondaryIndexes,
      TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
      BillingMode: local.BillingMode,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  test('each job runs on an EventBridge rule at the rate the manifest gives', () => {
    dev.resourceCountIs('AWS::Events::Rule', jobList.length);
    for (const job of jobList) {
      dev.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: rateExpression(job.rateMinutes(getStageConfig('dev'))),
        State: 'ENABLED',
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp(`^Schedules${job.name.replace(/\W/g, '')}`), 'Arn'] },
          }),
        ],
      });
    }
  });

  test.each([
    ['dev', 30],
    ['prod', 365],
  ])('every function of %s logs to a group kept for %i days', (stageName, days) => {
    const template = stageName === 'prod' ? prod : dev;
    template.resourceCountIs(
      'AWS::Logs::LogGroup',
      routeList.length + jobList.length + Object.keys(eventHandlers).length,
    );
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: days });
  });

  test('prod retains the table and user pool on delete; dev deletes them', () => {
    for (const type of ['AWS::DynamoDB::Table', 'AWS::Cognito::UserPool']) {
      prod.hasResource(type, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      dev.hasResource(type, { DeletionPolicy: 'Delete' });
    }
  });

  test('no IAM statement grants DynamoDB actions on every resource', () => {
    const policies = Object.values(dev.findResources('AWS::IAM::Policy') as Resources);
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) {
      const statements = (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
      for (const statement of statements) {
        const actions = asArray(statement.Action as string | string[]);
        if (!actions.some((action) => action.startsWith('dynamodb:'))) continue;
        expect(asArray(statement.Resource)).not.toContain('*');
      }
    }
  });

  describe('feedback email', () => {
    const resources = () =>
      dev.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
    const policiesOf = (logicalIdPrefix: string) =>
      Object.entries(resources())
        .filter(([id, r]) => r.Type === 'AWS::IAM::Policy' && id.startsWith(logicalIdPrefix))
        .flatMap(
          ([, r]) => (r.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[] }> }).Statement,
        )
        .flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]));

    test('only the mailout job may send email; the submit function may not, nor read the unsubscribe key', () => {
      expect(policiesOf('Schedulesmailout')).toEqual(
        expect.arrayContaining(['ses:SendRawEmail', 'secretsmanager:GetSecretValue']),
      );
      const submit = policiesOf('ApiSubmitResponse');
      expect(submit).toEqual(expect.arrayContaining(['dynamodb:PutItem'])); // the policy was found at all
      expect(submit.some((a) => a.startsWith('ses:') || a.startsWith('secretsmanager:'))).toBe(false);
      expect(policiesOf('ApiUnsubscribe')).toEqual(expect.arrayContaining(['secretsmanager:GetSecretValue']));
      expect(policiesOf('ApiUnsubscribe').some((a) => a.startsWith('ses:'))).toBe(false);
    });

    test('bounces and complaints flow from the SES configuration set through SNS to the feedback handler', () => {
      dev.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        EventDestination: Match.objectLike({
          MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
          SnsDestination: Match.anyValue(),
        }),
      });
      dev.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda' });
      dev.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'dev.ljungby.se' });
    });
  });
});
