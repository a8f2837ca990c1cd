import {
  ConflictError,
  type Issue,
  ForbiddenError,
  IncompleteError,
  NotFoundError,
  PayloadTooLargeError,
  type RefusalError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../shared/errors';
import type * as z from 'zod/mini';
import {
  MAX_LISTED_ISSUES,
  type incompleteBody,
  type internalErrorBody,
  type refusalBody,
  type refusalCodes,
  type validationErrorBody,
} from '../../shared/http-bodies';
import { internal } from '../../shared/messages/refusals';

/** Each body fits the schema the OpenAPI document gives it (shared/http-bodies.ts). */
export type ErrorAnswer =
  | { readonly statusCode: 400; readonly body: z.output<typeof validationErrorBody> }
  | { readonly statusCode: 401 | 403 | 404 | 409 | 413 | 415; readonly body: z.output<typeof refusalBody> }
  | { readonly statusCode: 422; readonly body: z.output<typeof incompleteBody> }
  | { readonly statusCode: 500; readonly body: z.output<typeof internalErrorBody> };

/** A refusal's body: its code, and its words in Swedish (`message`) and English (`messageEn`), as an issue has them. */
const refusal = (
  statusCode: 401 | 403 | 404 | 409 | 413 | 415,
  error: (typeof refusalCodes)[number],
  refused: RefusalError,
): ErrorAnswer => ({
  statusCode,
  body: { error, message: refused.text.sv, messageEn: refused.text.en },
});

/** The first issues and how many there are in all: thousands of unknown keys in a small request answer in a few KB. */
const validation = (issues: readonly Issue[]): ErrorAnswer => ({
  statusCode: 400,
  body: { error: 'validation', issues: issues.slice(0, MAX_LISTED_ISSUES), issueCount: issues.length },
});

/** The one mapping from domain errors to HTTP; anything unknown is a 500 that reveals nothing. */
export function errorAnswer(error: unknown, correlationId: string): ErrorAnswer {
  if (error instanceof ValidationError) return validation(error.issues);
  if (error instanceof UnauthorizedError) return refusal(401, 'unauthorized', error);
  if (error instanceof ForbiddenError) return refusal(403, 'forbidden', error);
  if (error instanceof NotFoundError) return refusal(404, 'not_found', error);
  if (error instanceof ConflictError) return refusal(409, 'conflict', error);
  if (error instanceof PayloadTooLargeError) return refusal(413, 'too_large', error);
  if (error instanceof UnsupportedMediaTypeError) return refusal(415, 'unsupported_media_type', error);
  if (error instanceof IncompleteError)
    return { statusCode: 422, body: { error: 'incomplete', missing: [...error.missing] } };
  const { sv, en } = internal();
  return { statusCode: 500, body: { error: 'internal', message: sv, messageEn: en, correlationId } };
}
