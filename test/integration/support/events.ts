import { scheduledEvent as localScheduledEvent } from '../../../local/scheduler';
import { lambdaContext } from '../../../local/lambda-context';
import { enforceTableAccess, withTableAccess } from '../../../local/table-access';
import { jobs, routeList } from '../../../shared/routes';
import { randomUUID } from 'node:crypto';
import type { Context, ScheduledEvent } from 'aws-lambda';
import type { HttpEvent, HttpResult } from '../../../functions/lib/http';
import type { RouteDefinition } from '../../../shared/routes';
import { contentTypeIn, expectConforms } from '../../support/openapi-conformance';

/** An official as the Cognito JWT authorizer describes them. */
export interface Official {
  readonly sub: string;
  readonly email?: string;
  readonly committees?: readonly string[];
  readonly admin?: boolean;
}

export const officialOf = (committee: string, sub = `official-${committee}`): Official => ({
  sub,
  email: `${sub}@ljungby.se`,
  committees: [committee],
});
export const administrator: Official = {
  sub: 'official-admin',
  email: 'admin@ljungby.se',
  committees: [],
  admin: true,
};

/**
 * Claims as API Gateway's JWT authorizer hands them to Lambda: every value a string,
 * the array claim `cognito:groups` as `"[a b]"`.
 */
export function claimsOf(official: Official): Record<string, string> {
  const groups = [...(official.committees ?? []).map((c) => `committee:${c}`), ...(official.admin ? ['admin'] : [])];
  return {
    sub: official.sub,
    ...(official.email ? { email: official.email } : {}),
    'cognito:groups': `[${groups.join(' ')}]`,
    token_use: 'id',
  };
}

export interface RequestOptions {
  readonly pathParameters?: Record<string, string>;
  /** A value to send as JSON; a string is sent as is. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Sent instead of the default `application/json`; `null` sends no content type at all. */
  readonly contentType?: string | null;
  readonly isBase64Encoded?: boolean;
  readonly official?: Official;
  readonly query?: Record<string, string>;
}

const fillPath = (path: string, parameters: Record<string, string>): string =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(parameters[name] ?? ''));

/** An API Gateway HTTP API (payload v2) event for `route`, the way the gateway builds it. */
export function httpEvent(route: RouteDefinition, options: RequestOptions = {}): HttpEvent {
  const pathParameters = options.pathParameters ?? {};
  const rawPath = fillPath(route.path, pathParameters);
  const routeKey = `${route.method} ${route.path}`;
  const now = new Date();
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  const headers: Record<string, string> = {
    host: 'api.test.local',
    'user-agent': 'jest-integration',
    ...(contentType !== null ? { 'content-type': contentType } : {}),
    ...Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers,
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'api.test.local',
      domainPrefix: 'api',
      http: {
        method: route.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '192.0.2.10',
        userAgent: 'jest-integration',
      },
      requestId,
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(options.official ? { authorizer: { jwt: { claims: claimsOf(options.official), scopes: null } } } : {}),
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: options.isBase64Encoded ?? false,
  } as HttpEvent;
}

/** The same Lambda context and EventBridge event the local stack hands to handlers. */
export { lambdaContext } from '../../../local/lambda-context';
export const scheduledEvent = (): ScheduledEvent => localScheduledEvent(jobs.closeDialogues);

export type HttpHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

export interface Answer<T = unknown> {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  /** The parsed JSON body (undefined when there is none). */
  readonly json: T;
  readonly raw: HttpResult;
}

export interface RawAnswer {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly raw: HttpResult;
}

/**
 * Calls a handler the way Lambda does, with only the table access its manifest entry grants; the answer must fit
 * the OpenAPI document (test/support/openapi-conformance.ts).
 */
export async function invokeRaw(handler: HttpHandler, event: HttpEvent): Promise<RawAnswer> {
  const route = routeList.find(({ method, path }) => `${method} ${path}` === event.routeKey);
  if (!route) throw new Error(`No route ${event.routeKey} in the manifest`);
  enforceTableAccess();
  const raw = await withTableAccess(route.table, () => handler(event, lambdaContext(event.routeKey)));
  const headers = Object.fromEntries(Object.entries(raw.headers ?? {}).map(([k, v]) => [k, String(v)]));
  const answer = { statusCode: raw.statusCode ?? 200, headers, body: String(raw.body ?? ''), raw };
  const [method, path] = event.routeKey.split(' ') as [string, string];
  expectConforms({ method, path, status: answer.statusCode, contentType: contentTypeIn(headers), body: answer.body });
  return answer;
}

/** The same, building the event for `route`: for answers that are not JSON (pages, CSV). */
export const callRaw = (handler: HttpHandler, route: RouteDefinition, options: RequestOptions = {}) =>
  invokeRaw(handler, httpEvent(route, options));

/** Calls a handler the way Lambda does and parses its JSON answer. */
export async function invoke<T = unknown>(handler: HttpHandler, event: HttpEvent): Promise<Answer<T>> {
  const { statusCode, headers, body, raw } = await invokeRaw(handler, event);
  const json = (body !== '' ? JSON.parse(body) : undefined) as T;
  return { statusCode, headers, json, raw };
}
