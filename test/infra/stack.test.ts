import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { consoleSecurityHeaders } from '../../console/security-headers';
import { addStageStacks } from '../../infra/stack';
import { createTableInput } from '../../local/dynamodb';
import { EXPORT_KEPT_DAYS } from '../../shared/export/ports';
import { metricDimensions, metricNames, metricNamespace } from '../../shared/metrics';
import { eventHandlers, jobList, officialPathPrefixes, routeList, routes } from '../../shared/routes';
import { checkedStage, getStageConfig } from '../../shared/stages';
import { keyPatterns } from '../../shared/keys';
import { table } from '../../shared/table';

type Resources = Record<string, { Properties: Record<string, unknown>; DeletionPolicy?: string }>;

interface Templates {
  readonly data: Template;
  readonly edge: Template;
  readonly service: Template;
}

/** Synthesizes one stage's stacks with bundling skipped: the templates are what we assert on, not the bundles. */
function synth(stage: string): Templates {
  const app = new App({ context: { stage, 'aws:cdk:bundling-stacks': [] } });
  const { data, edge, service } = addStageStacks(app);
  return { data: Template.fromStack(data), edge: Template.fromStack(edge), service: Template.fromStack(service) };
}

/** A value the service stack reads from the data stack (a CloudFormation export). */
const imported = { 'Fn::ImportValue': Match.stringLikeRegexp('^Medborgardialog-[a-z]+-data:') };

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

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** The statements of the IAM policies whose logical ids start with the prefix (a function's role policy). */
const statementsIn = (template: Template, logicalIdPrefix: string): Statement[] =>
  Object.entries(template.findResources('AWS::IAM::Policy') as Resources)
    .filter(([id]) => id.startsWith(logicalIdPrefix))
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);

const actionsIn = (statements: Statement[], service: string): string[] =>
  statements.flatMap((st) => asArray(st.Action)).filter((action) => action.startsWith(`${service}:`));

describe('Medborgardialog stacks', () => {
  let devStacks: Templates;
  let prodStacks: Templates;
  /** The service stack of dev and prod, where most of what is asserted lives. */
  let dev: Template;
  let prod: Template;
  beforeAll(() => {
    devStacks = synth('dev');
    prodStacks = synth('prod');
    dev = devStacks.service;
    prod = prodStacks.service;
  });

  test('an unknown stage throws the clear error before anything is synthesized', () => {
    expect(() => synth('staging')).toThrow(
      'Unknown stage "staging": use one of local, dev, test, prod (-c stage=<name>)',
    );
  });

  test('there is exactly one Lambda function per route, per job and per event handler in the manifest', () => {
    expect(Object.keys(serviceFunctions(dev))).toHaveLength(
      routeList.length + jobList.length + Object.keys(eventHandlers).length,
    );
  });

  test('every function runs Node.js 24 (Lambda’s newest) on arm64', () => {
    for (const fn of Object.values(serviceFunctions(dev))) {
      const version = /^nodejs(\d+)\.x$/.exec(String(fn.Properties.Runtime))?.[1];
      expect(Number(version)).toBeGreaterThanOrEqual(24);
      expect(fn.Properties.Architectures).toEqual(['arm64']);
    }
  });

  test('every function gets the handler environment bound to the table and logs JSON to its own log group', () => {
    for (const fn of Object.values(serviceFunctions(dev))) {
      expect(fn.Properties).toMatchObject({
        Environment: {
          Variables: {
            STAGE: 'dev',
            TABLE_NAME: { 'Fn::ImportValue': expect.stringMatching(/^Medborgardialog-dev-data:/) },
            NODE_OPTIONS: '--enable-source-maps',
            POWERTOOLS_SERVICE_NAME: 'medborgardialog',
          },
        },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } },
      });
    }
  });

  test('a function gets the mail, reminder and retention settings only if its manifest entry names them', () => {
    const functions = serviceFunctions(dev);
    const variablesOf = (prefix: string) => {
      const found = Object.entries(functions).filter(([id]) => new RegExp(`^${prefix}[A-F0-9]{8}$`).test(id));
      expect(found).toHaveLength(1);
      return Object.keys((found[0]?.[1].Properties.Environment as { Variables: object }).Variables);
    };
    const entries = [
      ...routeList.map((route) => ({ prefix: `Api${route.name}`, entry: route })),
      ...[...jobList, ...Object.values(eventHandlers)].map((entry) => ({
        prefix: `Schedules${entry.name.replace(/\W/g, '')}`,
        entry,
      })),
    ];
    for (const { prefix, entry } of entries) {
      const variables = variablesOf(prefix);
      const settings: readonly string[] = entry.settings ?? [];
      expect([entry.name, variables.includes('MAIL_FROM')]).toEqual([entry.name, settings.includes('mail')]);
      expect([entry.name, variables.includes('REMINDERS')]).toEqual([entry.name, settings.includes('reminders')]);
      expect([entry.name, variables.some((v) => v.startsWith('RETENTION_'))]).toEqual([
        entry.name,
        settings.includes('retention'),
      ]);
    }
    expect(routeList.some((route) => route.settings)).toBe(false);
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
    dev.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    dev.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [imported],
        Issuer: {
          'Fn::Join': ['', [Match.stringLikeRegexp('^https://cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com/$'), imported]],
        },
      },
    });
  });

  test('the user pool lets no one sign themselves up, signs in by email with an authenticator app besides, and blocks risky sign-ins; its client has no secret', () => {
    for (const stacks of [devStacks, prodStacks])
      stacks.data.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameAttributes: ['email'],
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
      });
    devStacks.data.hasResourceProperties('AWS::Cognito::UserPoolClient', { GenerateSecret: false });
    devStacks.data.resourceCountIs('AWS::Cognito::UserPoolGroup', 0);
  });

  test('CORS preflight comes from the stage, and every route is throttled on its own, officials’ routes apart', () => {
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
        ThrottlingRateLimit: stage.throttle.public.ratePerSecond,
        ThrottlingBurstLimit: stage.throttle.public.burst,
      },
      RouteSettings: Object.fromEntries(
        routeList.map((route) => [
          `${route.method} ${route.path}`,
          {
            ThrottlingRateLimit: stage.throttle[route.access].ratePerSecond,
            ThrottlingBurstLimit: stage.throttle[route.access].burst,
          },
        ]),
      ),
    });
    expect(stage.throttle.official.ratePerSecond).not.toBe(stage.throttle.public.ratePerSecond);
  });

  test('the table is the one npm start creates in DynamoDB Local: same keys, indexes and TTL, on demand with point-in-time recovery, encrypted by the stage’s own key', () => {
    // Both are built from shared/table.ts; comparing them proves AWS and the local stack cannot drift apart.
    const local = createTableInput(table, 'any');
    const keyId = onlyLogicalId(devStacks.data.findResources('AWS::KMS::Key') as Resources);
    devStacks.data.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: Match.absent(),
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
      KeySchema: local.KeySchema,
      AttributeDefinitions: Match.arrayWith(local.AttributeDefinitions ?? []),
      GlobalSecondaryIndexes: local.GlobalSecondaryIndexes,
      TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
      BillingMode: local.BillingMode,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  test('each job’s function knows its own interval (SCHEDULE_SECONDS), which the mailout hands over at', () => {
    const stage = getStageConfig('dev');
    for (const job of jobList)
      dev.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'index.handler',
        Environment: { Variables: Match.objectLike({ SCHEDULE_SECONDS: String(job.rateMinutes(stage) * 60) }) },
        LoggingConfig: {
          LogFormat: 'JSON',
          LogGroup: { Ref: Match.stringLikeRegexp(`^Schedules${job.name.replace(/\W/g, '')}Logs`) },
        },
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
            DeadLetterConfig: {
              Arn: {
                'Fn::GetAtt': [Match.stringLikeRegexp(`^Schedules${job.name.replace(/\W/g, '')}DeadLetters`), 'Arn'],
              },
            },
          }),
        ],
      });
    }
  });

  test.each([
    ['dev', 30],
    ['prod', 365],
  ])(
    'every function of %s, and the API’s access log, logs to a group kept for %i days and encrypted',
    (stageName, days) => {
      const template = stageName === 'prod' ? prod : dev;
      template.resourceCountIs(
        'AWS::Logs::LogGroup',
        routeList.length + jobList.length + Object.keys(eventHandlers).length + 1,
      );
      template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: days, KmsKeyId: imported });
    },
  );

  test('prod retains the table, user pool, key and unsubscribe key on delete, and protects the first two; dev deletes them', () => {
    for (const type of [
      'AWS::DynamoDB::Table',
      'AWS::Cognito::UserPool',
      'AWS::KMS::Key',
      'AWS::SecretsManager::Secret',
    ]) {
      prodStacks.data.hasResource(type, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      devStacks.data.hasResource(type, { DeletionPolicy: 'Delete' });
    }
    prodStacks.data.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
    prodStacks.data.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
  });

  describe('least privilege: each function is granted exactly its manifest entry’s table access', () => {
    const read = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
    const write = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
    const entries = [
      ...routeList.map((route) => ({ prefix: `Api${route.name}Role`, name: route.name, access: route.table })),
      ...[...jobList, ...Object.values(eventHandlers)].map((job) => ({
        prefix: `Schedules${job.name.replace(/\W/g, '')}Role`,
        name: job.name,
        access: job.table,
      })),
    ];

    test.each(entries)('$name: $access', ({ prefix, access }) => {
      const statements = statementsIn(dev, prefix);
      expect(statements.length).toBeGreaterThan(0); // its role's policy was found at all (it writes its logs)
      const dynamodb = statements.filter((st) => actionsIn([st], 'dynamodb').length > 0);
      if (access === 'none') return expect(dynamodb).toEqual([]);
      expect(asArray(dynamodb[0]?.Action)).toEqual(read);
      // The table and each index by name: no `index/*`.
      expect(JSON.stringify(dynamodb[0]?.Resource)).not.toContain('*');
      expect(JSON.stringify(dynamodb[0]?.Resource).match(/\/index\//g)).toHaveLength(table.indexes.length);
      if (access === 'read') return expect(dynamodb).toHaveLength(1);
      expect(dynamodb).toHaveLength(2);
      expect(asArray(dynamodb[1]?.Action)).toEqual(write);
      expect(dynamodb[1]?.Condition).toEqual(
        access.write === 'any'
          ? undefined
          : { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': access.write.map((name) => keyPatterns[name]) } },
      );
    });

    test('the health check, the API document and the embed script cannot touch the table; public reads cannot write', () => {
      for (const route of [routes.health, routes.openApi, routes.embedScript])
        expect(actionsIn(statementsIn(dev, `Api${route.name}Role`), 'dynamodb')).toEqual([]);
      for (const route of [routes.getDialogue, routes.getResults, routes.resultsPage, routes.formPage, routes.register])
        expect(
          actionsIn(statementsIn(dev, `Api${route.name}Role`), 'dynamodb').filter((a) => write.includes(a)),
        ).toEqual([]);
      expect(routes.rate.table).toEqual({ write: ['raters', 'ratings'] });
    });

    test('no statement of a function names every resource, or a wildcard one but the export prefix; no managed policy', () => {
      const ours = Object.entries(dev.findResources('AWS::IAM::Policy') as Resources).filter(
        ([id]) => !id.startsWith('Custom'),
      );
      expect(ours.length).toBeGreaterThanOrEqual(routeList.length + jobList.length + 1);
      for (const [id, policy] of ours)
        for (const statement of (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement) {
          const resources = JSON.stringify(statement.Resource).replace(/\/exports\/\*"/, '"');
          expect([id, resources.includes('*')]).toEqual([id, false]);
          expect([id, asArray(statement.Action).some((action) => action.includes('*'))]).toEqual([id, false]);
        }
      for (const [id, role] of Object.entries(dev.findResources('AWS::IAM::Role') as Resources))
        if (!id.startsWith('Custom')) expect([id, role.Properties.ManagedPolicyArns]).toEqual([id, undefined]);
    });
  });

  describe('feedback email', () => {
    const policiesOf = (logicalIdPrefix: string) =>
      statementsIn(dev, logicalIdPrefix).flatMap((st) => asArray(st.Action));

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
      devStacks.data.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        EventDestination: Match.objectLike({
          MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
          SnsDestination: Match.anyValue(),
        }),
      });
      dev.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'lambda',
        TopicArn: imported,
        RedrivePolicy: {
          deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SchedulessesfeedbackDeadLetters'), 'Arn'] },
        },
      });
    });

    test('the sender is the domain, signed by Easy DKIM, with its own MAIL FROM (SPF aligned for DMARC)', () => {
      const { data } = devStacks;
      data.hasResourceProperties('AWS::SES::EmailIdentity', {
        EmailIdentity: 'dev.ljungby.se',
        DkimAttributes: { SigningEnabled: true },
        MailFromAttributes: { MailFromDomain: 'mail.dev.ljungby.se', BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
      });
    });

    test('a function that sends may send raw email only, as the sender and through the configuration set, nothing else', () => {
      const sending = statementsIn(dev, 'Schedulesmailout').filter((st) =>
        asArray(st.Action).some((action) => action.startsWith('ses:')),
      );
      expect(sending).toHaveLength(1);
      expect(sending[0]?.Action).toBe('ses:SendRawEmail');
      const resources = JSON.stringify(sending[0]?.Resource);
      expect(resources).toContain('identity/');
      expect(resources).toContain('configuration-set/');
      expect(resources).not.toContain('*');
    });
  });
  describe('the export of every response: a private bucket, written and signed for only by the exporting function', () => {
    const resources = () =>
      dev.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
    const exportBucketId = () =>
      Object.keys(resources()).find(
        (id) => id.startsWith('ExportsFiles') && resources()[id]?.Type === 'AWS::S3::Bucket',
      ) as string;
    const statementsOf = (logicalIdPrefix: string) => statementsIn(dev, logicalIdPrefix);
    const s3Actions = (statements: Statement[]) => actionsIn(statements, 's3');

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
      devStacks.data.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
        Domain: stage.signIn.domainPrefix,
        ManagedLoginVersion: 2,
      });
      dev.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
    });

    test('the console’s client: authorization code only, openid and email, back only to the console, sessions of the stage’s length', () => {
      const urls = [`${stage.publicBaseUrl}/console/`];
      devStacks.data.hasResourceProperties('AWS::Cognito::UserPoolClient', {
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
            '<<marker:0xbaba:0>>': imported,
            '<<marker:0xbaba:1>>': imported,
            '<<marker:0xbaba:2>>': imported,
          },
        ],
      });
    });
  });

  describe('stacks that can grow: stateful apart from stateless, the edge in us-east-1, no fixed names', () => {
    test('each stage is three stacks: data and service in its region, the edge where CloudFront reads WAF and certificates', () => {
      const app = new App({ context: { stage: 'test', 'aws:cdk:bundling-stacks': [] } });
      const { data, edge, service } = addStageStacks(app);
      expect([data.stackName, edge.stackName, service.stackName]).toEqual([
        'Medborgardialog-test-data',
        'Medborgardialog-test-edge',
        'Medborgardialog-test-service',
      ]);
      expect([data.region, edge.region, service.region]).toEqual(['eu-north-1', 'us-east-1', 'eu-north-1']);
      // Everything that holds data is in the data stack; the service stack holds none of it.
      for (const type of [
        'AWS::DynamoDB::Table',
        'AWS::Cognito::UserPool',
        'AWS::KMS::Key',
        'AWS::SecretsManager::Secret',
        'AWS::SES::EmailIdentity',
      ])
        expect([type, Object.keys(Template.fromStack(service).findResources(type))]).toEqual([type, []]);
    });

    test('no resource of ours has a fixed physical name, so stages and restores never collide', () => {
      const names = [
        'TableName',
        'FunctionName',
        'BucketName',
        'QueueName',
        'TopicName',
        'RoleName',
        'LogGroupName',
        'UserPoolName',
      ];
      for (const template of [...Object.values(devStacks), ...Object.values(prodStacks)])
        for (const [id, resource] of Object.entries(template.toJSON().Resources as Resources)) {
          const fixed = names.filter((name) => typeof resource.Properties?.[name] === 'string');
          expect([id, fixed]).toEqual([id, []]);
        }
    });

    test('a stage without a domain, or whose links would name another host, is refused before synthesis', () => {
      expect(() => getStageConfig('local')).not.toThrow();
      expect(() => synth('local')).toThrow('The "local" stage is for npm start');
      const { name: _, ...prod } = getStageConfig('prod');
      expect(() => checkedStage('prod', { ...prod, publicBaseUrl: 'https://elsewhere.se' })).toThrow(
        'Stage "prod" is misconfigured: publicBaseUrl must be https://dialog.ljungby.se (its domain)',
      );
      expect(() => checkedStage('prod', { ...prod, waf: { ...prod.waf, publicRequestsPerIpPer5Min: 5 } })).toThrow(
        'Stage "prod" is misconfigured',
      );
    });
  });

  describe('encryption: one customer-managed key per stage, rotated', () => {
    test('the key rotates, and encrypts the table, the topics, the unsubscribe key and every log group', () => {
      const { data } = devStacks;
      const keyId = onlyLogicalId(data.findResources('AWS::KMS::Key') as Resources);
      data.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
      const key = { 'Fn::GetAtt': [keyId, 'Arn'] };
      data.resourceCountIs('AWS::SNS::Topic', 2);
      data.allResourcesProperties('AWS::SNS::Topic', { KmsMasterKeyId: key });
      data.hasResourceProperties('AWS::SecretsManager::Secret', { KmsKeyId: key });
      dev.allResourcesProperties('AWS::Logs::LogGroup', { KmsKeyId: imported });
      // CloudWatch Logs may use it only for this account's log groups.
      data.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Principal: { Service: 'logs.eu-north-1.amazonaws.com' },
              Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
            }),
          ]),
        },
      });
    });
  });

  describe('abuse held off: WAF on CloudFront, in front of the API and the console', () => {
    test('the web ACL limits each IP address, citizens’ and officials’ paths apart, with the stage’s limits, and refuses with 429', () => {
      const stage = getStageConfig('dev');
      const { edge } = devStacks;
      edge.hasResourceProperties('AWS::WAFv2::WebACL', {
        Scope: 'CLOUDFRONT',
        DefaultAction: { Allow: {} },
        Rules: Match.arrayWith([
          Match.objectLike({ Name: 'AWSManagedRulesAmazonIpReputationList' }),
          Match.objectLike({
            Name: 'CitizensPerIp',
            Action: { Block: { CustomResponse: { ResponseCode: 429 } } },
            Statement: {
              RateBasedStatement: Match.objectLike({
                AggregateKeyType: 'IP',
                Limit: stage.waf.publicRequestsPerIpPer5Min,
                ScopeDownStatement: { NotStatement: Match.anyValue() },
              }),
            },
          }),
          Match.objectLike({
            Name: 'OfficialsPerIp',
            Statement: {
              RateBasedStatement: Match.objectLike({ Limit: stage.waf.officialRequestsPerIpPer5Min }),
            },
          }),
          Match.objectLike({ Name: 'AWSManagedRulesKnownBadInputsRuleSet' }),
        ]),
      });
      expect(
        routeList.filter((r) => r.access === 'official').every((r) => r.path.startsWith(officialPathPrefixes[0])),
      ).toBe(true);
      expect(
        routeList
          .filter((r) => r.access === 'public')
          .some((r) => officialPathPrefixes.some((p) => r.path.startsWith(p))),
      ).toBe(false);
    });

    test('the distribution carries the web ACL and the stage’s domain with its certificate, TLS 1.2 at least, and sends HSTS', () => {
      const config = (Object.values(dev.findResources('AWS::CloudFront::Distribution') as Resources)[0]?.Properties
        .DistributionConfig ?? {}) as Record<string, unknown>;
      const fromEdge = {
        'Fn::GetAtt': [Match.stringLikeRegexp('^ExportsReader'), Match.stringLikeRegexp('edgeuseast1')],
      };
      dev.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          Aliases: ['dialog-dev.ljungby.se'],
          WebACLId: fromEdge,
          ViewerCertificate: {
            AcmCertificateArn: fromEdge,
            MinimumProtocolVersion: 'TLSv1.2_2021',
            SslSupportMethod: 'sni-only',
          },
        }),
      });
      expect(JSON.stringify(config.DefaultCacheBehavior)).toContain('ResponseHeadersPolicyId');
      dev.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
        ResponseHeadersPolicyConfig: Match.objectLike({
          SecurityHeadersConfig: {
            StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31_536_000, Override: true }),
            ContentTypeOptions: { Override: false },
          },
        }),
      });
      devStacks.edge.hasResourceProperties('AWS::CertificateManager::Certificate', {
        DomainName: 'dialog-dev.ljungby.se',
        ValidationMethod: 'DNS',
      });
    });
  });

  describe('failures seen: dead letters for every asynchronous path, access logs, alarms to operators, a dashboard', () => {
    const queueOf = (name: string) => Match.stringLikeRegexp(`^Schedules${name.replace(/\W/g, '')}DeadLetters`);

    test('a job or bounce invocation that fails after Lambda’s retries lands in its own encrypted queue, kept 14 days', () => {
      for (const name of [...jobList.map((j) => j.name), eventHandlers.sesFeedback.name])
        dev.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
          DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueOf(name), 'Arn'] } } },
        });
      dev.resourceCountIs('AWS::SQS::Queue', jobList.length + 1);
      dev.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
    });

    test('the access log names the route, never the path, query string, address or agent', () => {
      const stageResource = Object.values(dev.findResources('AWS::ApiGatewayV2::Stage') as Resources)[0];
      const format = (stageResource?.Properties.AccessLogSettings as { Format: string }).Format;
      expect(JSON.parse(format)).toMatchObject({ routeKey: '$context.routeKey', status: '$context.status' });
      for (const leak of ['sourceIp', 'userAgent', '$context.path', 'querystring', 'identity', 'claims'])
        expect([leak, format.includes(leak)]).toEqual([leak, false]);
    });

    test('alarms for every function’s errors, throttles, each dead-letter queue, stopped aggregation, mailout failures and overdue feedback, all to the operators’ topic', () => {
      const alarms = Object.values(dev.findResources('AWS::CloudWatch::Alarm') as Resources).map((a) => a.Properties);
      const functions = routeList.length + jobList.length + 1;
      expect(alarms).toHaveLength(functions + 2 + (jobList.length + 1) + 4);
      const topic = { 'Fn::ImportValue': expect.stringMatching(/:ExportsOutputRefAlarms/) };
      for (const alarm of alarms) expect([alarm.AlarmActions, alarm.OKActions]).toEqual([[topic], [topic]]);
      expect(alarms.filter((a) => a.MetricName === 'Errors')).toHaveLength(functions);
      expect(alarms.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(
        jobList.length + 1,
      );
      const stage = getStageConfig('dev');
      const dimensions = Object.entries(metricDimensions('dev')).map(([Name, Value]) => ({ Name, Value }));
      expect(alarms).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ Namespace: 'AWS/Lambda', MetricName: 'Throttles' }),
          expect.objectContaining({ Namespace: 'AWS/ApiGateway', MetricName: '5xx' }),
          expect.objectContaining({
            Namespace: metricNamespace,
            MetricName: metricNames.aggregationLagSeconds,
            Threshold: 3 * stage.everyMinutes.aggregate * 60 + stage.aggregationLagSeconds,
          }),
          expect.objectContaining({
            Namespace: metricNamespace,
            MetricName: metricNames.aggregationRuns,
            Dimensions: dimensions,
            Period: 3 * stage.everyMinutes.aggregate * 60,
            ComparisonOperator: 'LessThanThreshold',
            TreatMissingData: 'breaching',
          }),
          expect.objectContaining({
            Namespace: metricNamespace,
            MetricName: metricNames.emailsFailed,
            Dimensions: dimensions,
          }),
          expect.objectContaining({
            Namespace: metricNamespace,
            MetricName: metricNames.feedbackOverdue,
            Dimensions: dimensions,
          }),
        ]),
      );
      devStacks.data.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: stage.alarmEmail });
    });

    test('one dashboard shows the API, the product’s metrics, errors and dead letters', () => {
      dev.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
      const body = JSON.stringify(
        Object.values(dev.findResources('AWS::CloudWatch::Dashboard') as Resources)[0]?.Properties.DashboardBody,
      );
      for (const name of Object.values(metricNames)) expect([name, body.includes(name)]).toEqual([name, true]);
      expect(body).toContain('ApproximateNumberOfMessagesVisible');
    });
  });
});
