import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { RouteDefinition } from '../shared/routes';
import { type Verification, claimsAsApiGatewayPassesThem } from './identity';
import { invoke } from './invoke';
import { lambdaContext } from './lambda-context';
import { routeTable } from './route-table';

export type LambdaHttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

export interface GatewayOptions {
  readonly routes: readonly RouteDefinition[];
  readonly loadHandler: (route: RouteDefinition) => Promise<LambdaHttpHandler>;
  readonly verifyToken: (authorization: string | undefined) => Promise<Verification>;
  readonly allowedOrigins: readonly string[];
  /** Local-only routes (jobs, pages); answers true when it handled the request. */
  readonly localRoutes?: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;
  readonly log?: (line: Record<string, unknown>) => void;
}

const TEXTUAL = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript)|multipart\/form-data)/i;
const CORS_ALLOWED_HEADERS = 'content-type,authorization,x-correlation-id';

class BodyTooLargeError extends Error {}

function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Headers as API Gateway passes them: lower-cased names, repeated values joined by commas, cookies apart. */
function eventHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

function queryParameters(url: URL): Record<string, string> | undefined {
  const query: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(',');
  return Object.keys(query).length > 0 ? query : undefined;
}

export function buildEvent(
  request: IncomingMessage,
  url: URL,
  route: RouteDefinition,
  pathParameters: Record<string, string>,
  body: Buffer,
  requestId: string,
  claims: Record<string, string> | undefined,
): APIGatewayProxyEventV2 {
  const headers = eventHeaders(request);
  const now = new Date();
  const routeKey = `${route.method} ${route.path}`;
  const binary = body.length > 0 && !TEXTUAL.test(headers['content-type'] ?? '');
  const cookies = request.headers.cookie?.split(/;\s*/).filter(Boolean);
  const queryStringParameters = queryParameters(url);
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    ...(cookies?.length ? { cookies } : {}),
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    } as APIGatewayProxyEventV2['requestContext'],
    ...(body.length > 0 ? { body: binary ? body.toString('base64') : body.toString('utf8') } : {}),
    isBase64Encoded: binary,
  };
}

interface StructuredResult {
  statusCode: number;
  headers?: Record<string, string | number | boolean>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}

/** Payload v2 lets a handler return a bare value; API Gateway then answers 200 with it as JSON. */
function normaliseResult(result: unknown): StructuredResult {
  if (result && typeof result === 'object' && 'statusCode' in result) return result as StructuredResult;
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: typeof result === 'string' ? result : JSON.stringify(result ?? null),
  };
}

type HeaderValue = string | number | boolean | string[];

function send(
  response: ServerResponse,
  statusCode: number,
  headers: Record<string, HeaderValue>,
  body: Buffer | string,
): void {
  if (response.headersSent) return;
  response.writeHead(
    statusCode,
    Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)])),
  );
  response.end(body);
}

const sendJson = (
  response: ServerResponse,
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => send(response, statusCode, { 'content-type': 'application/json', ...headers }, JSON.stringify(body));

/** A local API Gateway (HTTP API, payload v2) in front of the same handler modules Lambda runs. */
export function createGateway(options: GatewayOptions): RequestListener {
  const match = routeTable(options.routes);
  const log = options.log ?? (() => undefined);
  const allowed = new Set(options.allowedOrigins);
  const handlers = new Map<RouteDefinition, Promise<LambdaHttpHandler>>();
  const handlerFor = (route: RouteDefinition): Promise<LambdaHttpHandler> => {
    let loaded = handlers.get(route);
    if (!loaded) {
      loaded = options.loadHandler(route);
      handlers.set(route, loaded);
    }
    return loaded;
  };

  return (request, response) => {
    const started = Date.now();
    const requestId = randomUUID();
    const origin = request.headers.origin;
    const corsHeaders: Record<string, string> =
      origin && allowed.has(origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
    response.on('finish', () =>
      // The path only: query strings can carry tokens (unsubscribe links), which do not belong in logs.
      log({
        method: request.method,
        path: (request.url ?? '/').split('?')[0],
        status: response.statusCode,
        ms: Date.now() - started,
        requestId,
      }),
    );

    const serve = async (): Promise<void> => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const method = (request.method ?? 'GET').toUpperCase();
      if (method === 'OPTIONS' && request.headers['access-control-request-method']) {
        const preflight =
          Object.keys(corsHeaders).length > 0
            ? {
                ...corsHeaders,
                'access-control-allow-methods': 'GET,POST,PUT,DELETE',
                'access-control-allow-headers': CORS_ALLOWED_HEADERS,
                'access-control-max-age': '600',
              }
            : {};
        send(response, 204, preflight, '');
        return;
      }
      if (options.localRoutes && (await options.localRoutes(request, response, url))) return;

      const found = match(method, url.pathname);
      if (found.kind === 'not-found') return sendJson(response, 404, { message: 'Not Found' }, corsHeaders);
      if (found.kind === 'wrong-method') {
        return sendJson(
          response,
          405,
          { message: 'Method Not Allowed' },
          { ...corsHeaders, allow: found.allowed.join(', ') },
        );
      }
      const { route, pathParameters } = found;

      let body: Buffer;
      try {
        body = await readBody(request, route.bodyLimitBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          return sendJson(
            response,
            413,
            { message: 'Request Entity Too Large' },
            { ...corsHeaders, connection: 'close' },
          );
        }
        throw error;
      }

      let claims: Record<string, string> | undefined;
      if (route.access === 'official') {
        const verified = await options.verifyToken(request.headers.authorization);
        if ('refused' in verified) {
          // Why, for whoever runs the stack; the caller gets API Gateway's answer, and the token is never logged.
          log({ level: 'WARN', message: 'token refused', reason: verified.refused, route: route.name, requestId });
          return sendJson(response, 401, { message: 'Unauthorized' }, { ...corsHeaders, 'www-authenticate': 'Bearer' });
        }
        claims = claimsAsApiGatewayPassesThem(verified.claims);
      }

      const event = buildEvent(request, url, route, pathParameters, body, requestId, claims);
      const result = normaliseResult(
        await invoke(await handlerFor(route), event, lambdaContext(route.name), route.table),
      );
      const headers: Record<string, HeaderValue> = { ...result.headers, ...corsHeaders };
      // One Set-Cookie header per cookie, as API Gateway sends them (a cookie's Expires holds a comma).
      if (result.cookies?.length) headers['set-cookie'] = result.cookies;
      send(
        response,
        result.statusCode,
        headers,
        result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''),
      );
    };

    serve().catch((error: unknown) => {
      if (error instanceof URIError) return sendJson(response, 400, { message: 'Bad Request' }, corsHeaders);
      // What API Gateway answers when the integration fails; the request id ties it to the log line.
      log({
        level: 'ERROR',
        message: 'handler failed',
        requestId,
        error: error instanceof Error ? error.stack : String(error),
      });
      sendJson(response, 500, { message: 'Internal Server Error', correlationId: requestId }, corsHeaders);
    });
  };
}
