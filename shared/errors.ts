/** Domain errors; one mapper (functions/lib/http-errors.ts) turns them into HTTP answers. */

export interface Issue {
  /** Dotted path into the request body, e.g. `answers.q2`. */
  readonly path: string;
  /** Swedish. */
  readonly message: string;
  readonly messageEn: string;
}

export class ValidationError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(`validation failed: ${issues.map((i) => `${i.path}: ${i.messageEn}`).join('; ')}`);
  }
}

export class NotFoundError extends Error {}

export class ConflictError extends Error {}

export class ForbiddenError extends Error {}

export class UnauthorizedError extends Error {}

/** A dialogue cannot open: the policy fields in `missing` are not filled in. */
export class IncompleteError extends Error {
  constructor(readonly missing: readonly Issue[]) {
    super(`incomplete: ${missing.map((m) => m.path).join(', ')}`);
  }
}

export class PayloadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`request body is larger than ${limitBytes} bytes`);
  }
}

export class UnsupportedMediaTypeError extends Error {}
