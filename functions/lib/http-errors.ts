import {
  ConflictError,
  ForbiddenError,
  IncompleteError,
  NotFoundError,
  PayloadTooLargeError,
  type RefusalError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../shared/errors';
import { internal } from '../../shared/messages/refusals';

export interface ErrorAnswer {
  readonly statusCode: number;
  readonly body: Record<string, unknown>;
}

/** A refusal's body: its code, and its words in Swedish (`message`) and English (`messageEn`), as an issue has them. */
const refusal = (statusCode: number, error: string, refused: RefusalError): ErrorAnswer => ({
  statusCode,
  body: { error, message: refused.text.sv, messageEn: refused.text.en },
});

/** The one mapping from domain errors to HTTP; anything unknown is a 500 that reveals nothing. */
export function errorAnswer(error: unknown, correlationId: string): ErrorAnswer {
  if (error instanceof ValidationError) return { statusCode: 400, body: { error: 'validation', issues: error.issues } };
  if (error instanceof UnauthorizedError) return refusal(401, 'unauthorized', error);
  if (error instanceof ForbiddenError) return refusal(403, 'forbidden', error);
  if (error instanceof NotFoundError) return refusal(404, 'not_found', error);
  if (error instanceof ConflictError) return refusal(409, 'conflict', error);
  if (error instanceof PayloadTooLargeError) return refusal(413, 'too_large', error);
  if (error instanceof UnsupportedMediaTypeError) return refusal(415, 'unsupported_media_type', error);
  if (error instanceof IncompleteError)
    return { statusCode: 422, body: { error: 'incomplete', missing: error.missing } };
  const { sv, en } = internal();
  return { statusCode: 500, body: { error: 'internal', message: sv, messageEn: en, correlationId } };
}
