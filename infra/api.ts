import { Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  type HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeList } from '../shared/routes';
import type { Exports } from './exports';
import { ServiceFunction, logRetention } from './function';
import type { Mail } from './mail';
import { acknowledge } from './nag';
import { type DeployStage, removalPolicyFor } from './stage';

export interface ApiProps {
  readonly stage: DeployStage;
  readonly key: kms.IKey;
}

export interface ApiRoutesProps {
  readonly table: dynamodb.ITable;
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  readonly mail: Mail;
  readonly exports: Exports;
}

/**
 * One line per request: which route (its template, never the path with ids nor the query string), the outcome and
 * the time taken. No source IP, user agent or token: the access log says how the API behaves, not who used it.
 */
const ACCESS_LOG = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTimeEpoch',
    routeKey: '$context.routeKey',
    status: '$context.status',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationStatus: '$context.integrationStatus',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
  }),
);

/** The HTTP API; its routes come only from the manifest, so AWS and the local gateway serve the same set. */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions: ServiceFunction[] = [];
  readonly accessLogs: logs.LogGroup;
  readonly defaultStage: HttpStage;
  private readonly props: ApiProps;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.props = props;
    const { stage, key } = props;

    const httpApi = new HttpApi(this, 'HttpApi', {
      corsPreflight: {
        allowOrigins: stage.allowedOrigins,
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PUT,
          CorsHttpMethod.DELETE,
          CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ['content-type', 'authorization', 'x-correlation-id'],
      },
      // Created below instead, because the default stage cannot be given throttling and access logs here.
      createDefaultStage: false,
    });
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logRetention(stage),
      encryptionKey: key,
      removalPolicy: removalPolicyFor(stage),
    });
    this.defaultStage = httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: stage.throttle.public.ratePerSecond, burstLimit: stage.throttle.public.burst },
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: ACCESS_LOG },
    });
    this.httpApi = httpApi;
  }

  /**
   * Every route of the manifest, each throttled on its own: officials' routes behind Cognito's JWT authorizer for the
   * console's app client, with limits of their own so a flood of public requests cannot shut officials out.
   */
  addRoutes(props: ApiRoutesProps): void {
    const { httpApi } = this;
    const { stage, key } = this.props;
    const region = Stack.of(this).region;
    const officials: IHttpRouteAuthorizer = new HttpJwtAuthorizer(
      'Officials',
      `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`,
      { jwtAudience: [props.userPoolClient.userPoolClientId], identitySource: ['$request.header.Authorization'] },
    );

    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of routeList) {
      const fn = new ServiceFunction(this, route.name, {
        stage,
        handler: route.handler,
        kind: route.bulk ? 'bulk' : 'http',
        table: props.table,
        tableAccess: route.table,
        settings: route.settings,
        key,
      });
      this.functions.push(fn);
      props.mail.bind(fn, route.needs);
      props.exports.bind(fn, route.needs);
      const [added] = httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${route.name}Integration`, fn),
        ...(route.access === 'official' ? { authorizer: officials } : {}),
      });
      if (route.access === 'public' && added)
        acknowledge(
          added,
          'AwsSolutions-APIG4',
          'Public by design: citizens read dialogues, answer and see results without an account (the guideline’s open participation); WAF and throttling hold off abuse.',
        );
      const limits = stage.throttle[route.access];
      routeSettings[`${route.method} ${route.path}`] = {
        ThrottlingRateLimit: limits.ratePerSecond,
        ThrottlingBurstLimit: limits.burst,
      };
    }
    (this.defaultStage.node.defaultChild as CfnStage).addPropertyOverride('RouteSettings', routeSettings);
  }
}
