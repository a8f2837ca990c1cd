import {
  ConflictError,
  ForbiddenError,
  IncompleteError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../shared/errors';

export interface ErrorAnswer {
  readonly statusCode: number;
  readonly body: Record<string, unknown>;
}

/** The one mapping from domain errors to HTTP; anything unknown is a 500 that reveals nothing. */
export function errorAnswer(error: unknown, correlationId: string): ErrorAnswer {
  if (error instanceof ValidationError) return { statusCode: 400, body: { error: 'validation', issues: error.issues } };
  if (error instanceof UnauthorizedError)
    return { statusCode: 401, body: { error: 'unauthorized', message: error.message } };
  if (error instanceof ForbiddenError) return { statusCode: 403, body: { error: 'forbidden', message: error.message } };
  if (error instanceof NotFoundError) return { statusCode: 404, body: { error: 'not_found', message: error.message } };
  if (error instanceof ConflictError) return { statusCode: 409, body: { error: 'conflict', message: error.message } };
  if (error instanceof PayloadTooLargeError)
    return { statusCode: 413, body: { error: 'too_large', message: error.message } };
  if (error instanceof UnsupportedMediaTypeError) {
    return { statusCode: 415, body: { error: 'unsupported_media_type', message: error.message } };
  }
  if (error instanceof IncompleteError)
    return { statusCode: 422, body: { error: 'incomplete', missing: error.missing } };
  return {
    statusCode: 500,
    body: { error: 'internal', message: 'Something went wrong on our side. Please try again later.', correlationId },
  };
}
