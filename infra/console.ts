import * as path from 'node:path';
import { Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { consoleSecurityHeaders } from '../console/security-headers';
import type { ConsoleConfig } from '../console/src/auth';
import { projectRoot } from './function';
import type { DeployStage } from './stage';

export interface ConsoleSiteProps {
  readonly stage: DeployStage;
  readonly api: HttpApi;
  readonly userPool: cognito.UserPool;
  readonly signInDomain: cognito.UserPoolDomain;
}

/** `/console` and `/console/` are the app's page; S3 has it as `console/index.html`. */
const INDEX_REWRITE = `function handler(event) {
  var request = event.request;
  if (request.uri === '/console' || request.uri === '/console/') request.uri = '/console/index.html';
  return request;
}`;

/**
 * The officials' console in AWS: its files in a private bucket behind CloudFront (origin access control), on the
 * same origin as the API, which CloudFront also fronts, so the console calls it without CORS. Cognito's app client
 * for it (authorization code + PKCE, no secret) comes back only to this console.
 */
export class ConsoleSite extends Construct {
  readonly client: cognito.UserPoolClient;
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
    const distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Medborgardialog ${stage.name}: the API, its pages and the officials' console`,
      defaultBehavior: {
        origin: new origins.HttpOrigin(apiHost),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        // The API sets its own caching and headers; CloudFront passes everything on, Authorization included.
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
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
    this.url = `https://${distribution.distributionDomainName}/console/`;
    // Also where the stage's public base URL points, once operators give the distribution that domain.
    const consoleUrls = [this.url, `${stage.publicBaseUrl}/console/`];

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
    new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: bucket,
      destinationKeyPrefix: 'console/',
      sources: [
        s3deploy.Source.asset(path.join(projectRoot, 'console/dist')),
        s3deploy.Source.jsonData('config.json', config),
      ],
      distribution,
      distributionPaths: ['/console*'],
    });
  }
}
