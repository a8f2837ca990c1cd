import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { consoleSecurityHeaders } from '../../console/security-headers';
import { addStageStack } from '../../infra/stack';
import { createTableInput } from '../../local/dynamodb';
import { EXPORT_KEPT_DAYS } from '../../shared/export/ports';
import { eventHandlers, jobList, routeList, routes } from '../../shared/routes';
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

/**
 * The product's own functions: all but the ones CDK adds to deploy the console's files and empty its bucket
 * (their logical ids start with `Custom`, as CDK names singleton custom-resource handlers).
 */
const serviceFunctions = (template: Template): Resources =>
  Object.fromEntries(
    Object.entries(template.findResources('AWS::Lambda::Function') as Resources).filter(
      ([id]) => !id.startsWith('Custom'),
    ),
  );

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
    expect(Object.keys(serviceFunctions(dev))).toHaveLength(
      routeList.length + jobList.length + Object.keys(eventHandlers).length,
    );
  });

  test('every function runs Node.js 22 or newer on arm64', () => {
    for (const fn of Object.values(serviceFunctions(dev))) {
      const version = /^nodejs(\d+)\.x$/.exec(String(fn.Properties.Runtime))?.[1];
      expect(Number(version)).toBeGreaterThanOrEqual(22);
      expect(fn.Properties.Architectures).toEqual(['arm64']);
    }
  });

  test('every function gets the handler environment bound to the table and logs JSON to its own log group', () => {
    const tableId = onlyLogicalId(dev.findResources('AWS::DynamoDB::Table') as Resources);
    for (const fn of Object.values(serviceFunctions(dev))) {
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

    test('a job may send email only if its manifest entry needs it (mailout, reminders); the unsubscribe key likewise', () => {
      expect(policiesOf('Schedulesmailout')).toEqual(
        expect.arrayContaining(['ses:SendRawEmail', 'secretsmanager:GetSecretValue']),
      );
      for (const job of jobList) {
        const actions = policiesOf(`Schedules${job.name.replace(/\W/g, '')}`);
        expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query'])); // the job's policy was found at all
        const needs: readonly string[] = job.needs ?? [];
        expect([job.name, actions.includes('ses:SendRawEmail')]).toEqual([job.name, needs.includes('email')]);
        expect([job.name, actions.includes('secretsmanager:GetSecretValue')]).toEqual([
          job.name,
          needs.includes('unsubscribeSecret'),
        ]);
      }
      expect(policiesOf('Schedulesfeedbackreminders')).toEqual(expect.arrayContaining(['ses:SendRawEmail']));
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
  describe('the export of every response: a private bucket, written and signed for only by the exporting function', () => {
    const resources = () =>
      dev.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
    const exportBucketId = () =>
      Object.keys(resources()).find(
        (id) => id.startsWith('ExportsFiles') && resources()[id]?.Type === 'AWS::S3::Bucket',
      ) as string;
    type Statement = { Action: string | string[]; Resource: unknown };
    const statementsOf = (logicalIdPrefix: string): Statement[] =>
      Object.entries(resources())
        .filter(([id, r]) => r.Type === 'AWS::IAM::Policy' && id.startsWith(logicalIdPrefix))
        .flatMap(([, r]) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    const s3Actions = (statements: Statement[]) =>
      statements.flatMap((st) => asArray(st.Action)).filter((action) => action.startsWith('s3:'));

    test('the bucket is private, encrypted, TLS only, and deletes exports and unfinished uploads after a day', () => {
      expect(exportBucketId()).toBeDefined();
      expect(resources()[exportBucketId()]?.Properties).toMatchObject({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LifecycleConfiguration: {
          Rules: [
            {
              ExpirationInDays: EXPORT_KEPT_DAYS,
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: EXPORT_KEPT_DAYS },
              Status: 'Enabled',
            },
          ],
        },
      });
      dev.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: exportBucketId() },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });

    test('only the export function may write exports and read one (to sign its link), and never list them', () => {
      const route = routes.exportResponses;
      const exporting = statementsOf(`Api${route.name}`);
      expect(s3Actions(exporting)).toEqual(['s3:PutObject', 's3:AbortMultipartUpload', 's3:GetObject']);
      for (const st of exporting.filter((x) => s3Actions([x]).length > 0))
        expect(JSON.stringify(st.Resource)).toContain(exportBucketId());
      // Every other policy of ours (CDK's own deployment helpers, `Custom…`, put the console's files in place).
      const others = Object.keys(resources()).filter(
        (id) =>
          resources()[id]?.Type === 'AWS::IAM::Policy' &&
          !id.startsWith(`Api${route.name}`) &&
          !id.startsWith('Custom'),
      );
      expect(others.length).toBeGreaterThan(routeList.length);
      for (const id of others) expect([id, s3Actions(statementsOf(id))]).toEqual([id, []]);
    });

    test('the export function gets the bucket by name, API Gateway’s longest wait and a whole vCPU; other routes 10 s', () => {
      const functions = Object.entries(serviceFunctions(dev));
      const [, exporting] = functions.find(([id]) => id.startsWith(`Api${routes.exportResponses.name}`)) ?? [];
      expect(exporting?.Properties).toMatchObject({
        Timeout: 28,
        MemorySize: 1769,
        Environment: { Variables: { EXPORT_BUCKET: { Ref: exportBucketId() } } },
      });
      const [, results] = functions.find(([id]) => id.startsWith(`Api${routes.getOfficialResults.name}`)) ?? [];
      expect(results?.Properties).toMatchObject({ Timeout: 10, MemorySize: 512 });
      expect(JSON.stringify(results?.Properties.Environment)).not.toContain('EXPORT_BUCKET');
    });
  });
  describe('the officials’ console in AWS: managed login, and its files behind CloudFront with the API', () => {
    const stage = getStageConfig('dev');
    const region = stage.region;
    const distributionId = () => onlyLogicalId(dev.findResources('AWS::CloudFront::Distribution') as Resources);
    const distribution = () =>
      (dev.findResources('AWS::CloudFront::Distribution') as Resources)[distributionId()]?.Properties
        .DistributionConfig as {
        DefaultCacheBehavior: Record<string, unknown>;
        CacheBehaviors: Array<Record<string, unknown>>;
        Origins: Array<{
          Id: string;
          S3OriginConfig?: unknown;
          CustomOriginConfig?: unknown;
          OriginAccessControlId?: unknown;
        }>;
      };

    test('the user pool signs in on a managed-login domain of the stage’s prefix', () => {
      dev.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
        Domain: stage.signIn.domainPrefix,
        ManagedLoginVersion: 2,
      });
      dev.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
    });

    test('the console’s client: authorization code only, openid and email, back only to the console, sessions of the stage’s length', () => {
      const consoleUrl = {
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId(), 'DomainName'] }, '/console/']],
      };
      const urls = [consoleUrl, `${stage.publicBaseUrl}/console/`];
      dev.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: urls,
        LogoutURLs: urls,
        SupportedIdentityProviders: ['COGNITO'],
        IdTokenValidity: stage.signIn.sessionMinutes,
        AccessTokenValidity: stage.signIn.sessionMinutes,
        TokenValidityUnits: Match.objectLike({ IdToken: 'minutes', AccessToken: 'minutes' }),
      });
    });

    test('CloudFront sends /console* to the private bucket (origin access control) and the rest to the API, uncached', () => {
      const config = distribution();
      const s3Origin = config.Origins.find((o) => o.S3OriginConfig);
      const apiOrigin = config.Origins.find((o) => o.CustomOriginConfig);
      expect(s3Origin?.OriginAccessControlId).toBeDefined();
      const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
      const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
      expect(config.DefaultCacheBehavior).toMatchObject({
        TargetOriginId: apiOrigin?.Id,
        ViewerProtocolPolicy: 'redirect-to-https',
        CachePolicyId: CACHING_DISABLED,
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
        AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS']),
      });
      expect(config.CacheBehaviors).toEqual([
        expect.objectContaining({
          PathPattern: '/console*',
          TargetOriginId: s3Origin?.Id,
          ViewerProtocolPolicy: 'redirect-to-https',
          Compress: true,
        }),
      ]);
      dev.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      });
      dev.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'cloudfront.amazonaws.com' },
              Action: 's3:GetObject',
            }),
          ]),
        },
      });
    });

    test('the console is served under the same CSP as locally, which lets it reach Cognito and nothing else', () => {
      const csp = consoleSecurityHeaders([
        `https://cognito-idp.${region}.amazonaws.com`,
        `https://${stage.signIn.domainPrefix}.auth.${region}.amazoncognito.com`,
      ]).contentSecurityPolicy;
      expect(csp).toContain("script-src 'self';");
      dev.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
        ResponseHeadersPolicyConfig: Match.objectLike({
          SecurityHeadersConfig: Match.objectLike({
            ContentSecurityPolicy: { ContentSecurityPolicy: csp, Override: true },
            FrameOptions: { FrameOption: 'DENY', Override: true },
          }),
        }),
      });
    });

    test('the built console and its config.json are deployed under console/, and CloudFront is told to refetch them', () => {
      dev.hasResourceProperties('Custom::CDKBucketDeployment', {
        DestinationBucketKeyPrefix: 'console/',
        DistributionPaths: ['/console*'],
        // config.json's deploy-time values: the user pool (authority), its console client and the sign-in domain.
        SourceMarkers: [
          {},
          {
            '<<marker:0xbaba:0>>': { Ref: onlyLogicalId(dev.findResources('AWS::Cognito::UserPool') as Resources) },
            '<<marker:0xbaba:1>>': {
              Ref: onlyLogicalId(dev.findResources('AWS::Cognito::UserPoolClient') as Resources),
            },
            '<<marker:0xbaba:2>>': {
              Ref: onlyLogicalId(dev.findResources('AWS::Cognito::UserPoolDomain') as Resources),
            },
          },
        ],
      });
    });
  });
});
