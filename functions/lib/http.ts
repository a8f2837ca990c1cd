import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { Caller } from '../../shared/access';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../shared/errors';
import { sendAs } from '../../shared/messages/refusals';
import {
  type Access,
  type ResponseSpec,
  type Responses,
  type RouteDefinition,
  type SuccessStatus,
  bodyMediaTypes,
} from '../../shared/routes';
import { callerFromClaims } from './caller';
import { requireCaller } from './caller-required';
import { errorAnswer } from './http-errors';
import { logger } from './logger';
import { schemaIssues } from '../../shared/validation';
import { parseJsonBody } from './parse';
import { pageSecurityHeaders } from './security-headers';

/** A payload-v2 event; officials' routes also carry the JWT authorizer's claims. */
export type HttpEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & { authorizer?: { jwt?: { claims?: unknown } } };
};
export type HttpResult = Exclude<APIGatewayProxyResultV2, string>;

export interface ParsedRequest<P, Q, B, A extends Access = Access> {
  readonly path: P;
  readonly query: Q;
  readonly body: B;
  /** On an official's route always there (the token was verified); on a public route never relied on. */
  readonly caller: A extends 'official' ? Caller : Caller | undefined;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly correlationId: string;
}

type JsonBody = { readonly json: unknown };
/** `embeddable`: a form page that the stage's municipal pages may show in an iframe. */
type HtmlBody = { readonly html: string; readonly embeddable?: boolean };
type TextBody = { readonly text: string; readonly contentType: string };

/** Any answer, as toResult renders it. */
export type AnyReply = { readonly statusCode?: number; readonly headers?: Record<string, string> } & (
  JsonBody | HtmlBody | TextBody
);

/** The bodies one status of the manifest allows: JSON of its schema's output type, a page, another media type. */
type BodyOf<Spec extends ResponseSpec> =
  | (Spec extends { readonly json: infer Schema extends z.ZodMiniType } ? { readonly json: z.output<Schema> } : never)
  | (Spec extends { readonly html: true } ? HtmlBody : never)
  | (Spec extends { readonly text: string } ? TextBody : never);

/**
 * A handler's answer: one of its route's declared statuses, with a body that status declares (a JSON body that does
 * not fit the status's schema does not compile). Without a statusCode it is the route's successStatus.
 */
export type Reply<R extends Responses, S extends number> = {
  [Status in keyof R & number]: { readonly headers?: Record<string, string> } & (Status extends S
    ? { readonly statusCode?: Status }
    : { readonly statusCode: Status }) &
    BodyOf<R[Status]>;
}[keyof R & number];

const CORRELATION_HEADER = 'x-correlation-id';

function correlationIdOf(event: HttpEvent): string {
  const supplied = event.headers?.[CORRELATION_HEADER];
  return supplied && /^[\w-]{8,64}$/.test(supplied) ? supplied : event.requestContext.requestId;
}

function validate<T>(schema: z.ZodMiniType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(schemaIssues(schema, value, where));
}

function decodeBody(event: HttpEvent, limitBytes: number): string {
  if (event.body === undefined || event.body === null) return '';
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (bytes.length > limitBytes) throw new PayloadTooLargeError(limitBytes);
  return bytes.toString('utf8');
}

function parseBody<B>(
  event: HttpEvent,
  route: Pick<RouteDefinition, 'bodyLimitBytes' | 'bodyFormat'>,
  schema: z.ZodMiniType<B> | undefined,
): B {
  const raw = decodeBody(event, route.bodyLimitBytes);
  if (!schema) return undefined as B;
  const contentType = (event.headers?.['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const expected = bodyMediaTypes[route.bodyFormat];
  if (contentType !== expected) throw new UnsupportedMediaTypeError(sendAs(expected));
  return validate(schema, route.bodyFormat === 'form' ? new URLSearchParams(raw) : parseJsonBody(raw), 'body');
}

export function toResult(reply: AnyReply, correlationId: string, defaultStatus = 200): HttpResult {
  const statusCode = reply.statusCode ?? defaultStatus;
  const base = {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    [CORRELATION_HEADER]: correlationId,
    ...reply.headers,
  };
  if ('json' in reply) {
    return {
      statusCode,
      headers: { 'content-type': 'application/json; charset=utf-8', ...base },
      body: JSON.stringify(reply.json),
    };
  }
  if ('html' in reply) {
    return {
      statusCode,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        ...pageSecurityHeaders(reply.embeddable ?? false),
        ...base,
      },
      body: reply.html,
    };
  }
  return { statusCode, headers: { 'content-type': reply.contentType, ...base }, body: reply.text };
}

/**
 * The one middy chain for HTTP handlers: correlation id and logger context, body limit, content type,
 * zod parsing of path, query and body, and the mapping of domain errors to answers.
 */
export function httpRoute<P, Q, B, R extends Responses, S extends SuccessStatus, A extends Access>(
  route: RouteDefinition<P, Q, B, R, S, A>,
  run: (request: ParsedRequest<P, Q, B, A>) => Promise<Reply<R, S>>,
) {
  const { schemas } = route;
  return middy<HttpEvent, HttpResult, Error, Context>()
    .use({
      before: ({ event, context }) => {
        logger.addContext(context);
        // Temporary keys: one invocation's correlation id never leaks into the next log line of a warm container.
        logger.resetKeys();
        logger.appendKeys({ correlationId: correlationIdOf(event), route: route.name });
      },
      onError: (request) => {
        const correlationId = correlationIdOf(request.event);
        const answer = errorAnswer(request.error, correlationId);
        if (answer.statusCode >= 500) logger.error('unhandled error', { error: request.error as Error });
        request.response = toResult({ statusCode: answer.statusCode, json: answer.body }, correlationId);
      },
    })
    .handler(async (event) => {
      const claimed = callerFromClaims(event.requestContext.authorizer?.jwt?.claims);
      // Narrowed once, here, by the route's access: officials' handlers get a caller and never check again.
      const caller = (route.access === 'official' ? requireCaller(claimed) : claimed) as ParsedRequest<
        P,
        Q,
        B,
        A
      >['caller'];
      const request: ParsedRequest<P, Q, B, A> = {
        path: validate(schemas.path, event.pathParameters ?? {}, 'path'),
        query: validate(schemas.query, event.queryStringParameters ?? {}, 'query'),
        body: parseBody(event, route, schemas.body),
        caller,
        headers: event.headers ?? {},
        correlationId: correlationIdOf(event),
      };
      return toResult(await run(request), request.correlationId, route.successStatus);
    });
}
