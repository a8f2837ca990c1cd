import { Stack } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { routeList } from '../shared/routes';
import { ServiceFunction } from './function';
import type { Exports } from './exports';
import type { Mail } from './mail';
import type { DeployStage } from './stage';

export interface ApiRoutesProps {
  readonly table: dynamodb.ITable;
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  readonly mail: Mail;
  readonly exports: Exports;
}

/** The HTTP API; its routes come only from the manifest, so AWS and the local gateway serve the same set. */
export class Api extends Construct {
  readonly url: string;
  readonly httpApi: HttpApi;
  private readonly stage: DeployStage;

  constructor(scope: Construct, id: string, stage: DeployStage) {
    super(scope, id);
    this.stage = stage;

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
      // Created below instead, because the default stage cannot be given throttling here.
      createDefaultStage: false,
    });
    const defaultStage = httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: stage.throttle.ratePerSecond, burstLimit: stage.throttle.burst },
    });
    this.url = defaultStage.url;
    this.httpApi = httpApi;
  }

  /** Every route of the manifest; officials' routes behind Cognito's JWT authorizer for the console's app client. */
  addRoutes(props: ApiRoutesProps): void {
    const { stage, httpApi } = this;
    const region = Stack.of(this).region;
    const officials: IHttpRouteAuthorizer = new HttpJwtAuthorizer(
      'Officials',
      `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`,
      { jwtAudience: [props.userPoolClient.userPoolClientId], identitySource: ['$request.header.Authorization'] },
    );

    for (const route of routeList) {
      const fn = new ServiceFunction(this, route.name, {
        stage,
        handler: route.handler,
        kind: route.bulk ? 'bulk' : 'http',
        table: props.table,
      });
      props.mail.bind(fn, route.needs);
      props.exports.bind(fn, route.needs);
      httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${route.name}Integration`, fn),
        ...(route.access === 'official' ? { authorizer: officials } : {}),
      });
    }
  }
}
