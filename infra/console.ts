import * as path from 'node:path';
import { Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { consoleSecurityHeaders } from '../console/security-headers';
import type { ConsoleConfig } from '../console/src/auth';
import { projectRoot } from './function';
import { acknowledge } from './nag';
import type { DeployStage } from './stage';

export interface ConsoleSiteProps {
  readonly stage: DeployStage & { readonly domain: string };
  readonly api: HttpApi;
  readonly userPool: cognito.IUserPool;
  readonly signInDomain: cognito.UserPoolDomain;
  /** From the edge stack in us-east-1, where CloudFront's web ACL and certificates must be. */
  readonly webAclArn: string;
  readonly certificate: acm.ICertificate;
}

/** `/console` and `/console/` are the app's page; S3 has it as `console/index.html`. */
const INDEX_REWRITE = `function handler(event) {
  var request = event.request;
  if (request.uri === '/console' || request.uri === '/console/') request.uri = '/console/index.html';
  return request;
}`;

/**
 * The officials' console in AWS: its files in a private bucket behind CloudFront (origin access control), on the
 * same origin as the API, which CloudFront also fronts, so the console calls it without CORS and WAF screens both.
 * Cognito's app client for it (authorization code + PKCE, no secret) comes back only to this console.
 */
export class ConsoleSite extends Construct {
  readonly client: cognito.UserPoolClient;
  readonly distribution: cloudfront.Distribution;
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);
    const { stage, userPool, signInDomain } = props;
    const region = Stack.of(this).region;

    const bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // The files are a build: nothing here outlives the stack, in any stage.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    acknowledge(
      bucket,
      'AwsSolutions-S1',
      'Only CloudFront reads it (origin access control), and only the deployment writes it: an access log would show nothing else.',
    );

    const authority = `https://cognito-idp.${region}.amazonaws.com/${userPool.userPoolId}`;
    const loginOrigin = `https://${stage.signIn.domainPrefix}.auth.${region}.amazoncognito.com`;
    const security = consoleSecurityHeaders([`https://cognito-idp.${region}.amazonaws.com`, loginOrigin]);
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: security.contentSecurityPolicy, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      },
    });

    // The API's host, from its endpoint `https://<id>.execute-api.<region>.amazonaws.com`.
    const apiHost = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    // The API sends each surface's own headers (CSP, framing for the embed); HSTS belongs to the TLS edge.
    const apiHeaders = new cloudfront.ResponseHeadersPolicy(this, 'ApiHeaders', {
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: false },
      },
    });
    const distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Medborgardialog ${stage.name}: the API, its pages and the officials' console`,
      domainNames: [stage.domain],
      certificate: props.certificate,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      webAclId: props.webAclArn,
      defaultBehavior: {
        origin: new origins.HttpOrigin(apiHost, { originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2] }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        // The API sets its own caching and headers; CloudFront passes everything on, Authorization included.
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: apiHeaders,
      },
      additionalBehaviors: {
        '/console*': {
          origin: origins.S3BucketOrigin.withOriginAccessControl(bucket),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          responseHeadersPolicy: headers,
          functionAssociations: [
            {
              eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
              function: new cloudfront.Function(this, 'IndexRewrite', {
                code: cloudfront.FunctionCode.fromInline(INDEX_REWRITE),
                runtime: cloudfront.FunctionRuntime.JS_2_0,
              }),
            },
          ],
        },
      },
    });
    acknowledge(
      distribution,
      'AwsSolutions-CFR1',
      'No geo restriction: residents abroad (and summer-house owners) take part in dialogues; WAF’s per-address limits hold off abuse instead.',
    );
    acknowledge(
      distribution,
      'AwsSolutions-CFR3',
      'No standard logs: they record every visitor’s IP address with the page they opened (which dialogue a citizen answered). The API’s access log (no addresses) and WAF’s metrics show how the service behaves.',
    );
    this.distribution = distribution;
    this.url = `${stage.publicBaseUrl}/console/`;
    const consoleUrls = [this.url];

    this.client = userPool.addClient('OfficialsConsole', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
        callbackUrls: consoleUrls,
        logoutUrls: consoleUrls,
      },
      // Sessions expire: the console asks to sign in again after this (it does not use refresh tokens).
      idTokenValidity: Duration.minutes(stage.signIn.sessionMinutes),
      accessTokenValidity: Duration.minutes(stage.signIn.sessionMinutes),
      refreshTokenValidity: Duration.minutes(Math.max(60, stage.signIn.sessionMinutes)),
    });
    // Managed login's pages need a style; Cognito's own is accessible and localised.
    new cognito.CfnManagedLoginBranding(this, 'LoginBranding', {
      userPoolId: userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    const config: ConsoleConfig = {
      authority,
      clientId: this.client.userPoolClientId,
      signOutUrl: `${signInDomain.baseUrl()}/logout`,
      publicBase: stage.publicBaseUrl,
    };
    const deployment = new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: bucket,
      destinationKeyPrefix: 'console/',
      sources: [
        s3deploy.Source.asset(path.join(projectRoot, 'console/dist')),
        s3deploy.Source.jsonData('config.json', config),
      ],
      distribution,
      distributionPaths: ['/console*'],
    });
    acknowledgeDeploymentHandler(deployment, bucket);
  }
}

/**
 * The findings on CDK's own BucketDeployment handler (one per stack, outside this construct), which copies the built
 * console from CDK's asset bucket at deploy time: its runtime, role and grants are CDK's and it never runs otherwise.
 */
function acknowledgeDeploymentHandler(deployment: s3deploy.BucketDeployment, bucket: s3.Bucket): void {
  const handler = Stack.of(deployment).node.children.find(({ node }) =>
    node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  if (!handler) throw new Error('CDK’s BucketDeployment handler was not found: its findings cannot be acknowledged');
  const region = Stack.of(deployment).region;
  const findings = [
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    ...['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*'].map(
      (action) => `AwsSolutions-IAM5[Action::${action}]`,
    ),
    'AwsSolutions-IAM5[Resource::*]',
    `AwsSolutions-IAM5[Resource::<${Stack.of(deployment).getLogicalId(bucket.node.defaultChild as s3.CfnBucket)}.Arn>/*]`,
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${region}/*]`,
    'AwsSolutions-L1',
    'Serverless-LambdaDLQ',
    'Serverless-LambdaLatestVersion',
    'Serverless-LambdaTracing',
  ];
  for (const finding of findings)
    acknowledge(
      handler,
      finding,
      'CDK’s BucketDeployment handler, run by CloudFormation only during a deploy to copy the console’s files into its bucket and invalidate CloudFront; its runtime and grants are CDK’s.',
    );
}
