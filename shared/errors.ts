/** Domain errors; one mapper (functions/lib/http-errors.ts) turns them into HTTP answers. */
import type { Bilingual } from './messages/language';
import { tooLarge } from './messages/refusals';

export interface Issue {
  /** Dotted path into the request body, e.g. `answers.q2`. */
  readonly path: string;
  /** Swedish. */
  readonly message: string;
  readonly messageEn: string;
}

/** The one way to build an issue: where, and what is wrong in both languages (a catalogue in shared/messages/). */
export const issue = (path: string, text: Bilingual): Issue => ({ path, message: text.sv, messageEn: text.en });

export class ValidationError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(`validation failed: ${issues.map((i) => `${i.path}: ${i.messageEn}`).join('; ')}`);
  }
}

/** A refusal a person reads, in both languages (shared/messages/refusals.ts); `message` is the English, for logs. */
export abstract class RefusalError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

export class NotFoundError extends RefusalError {}

export class ConflictError extends RefusalError {}

export class ForbiddenError extends RefusalError {}

export class UnauthorizedError extends RefusalError {}

export class UnsupportedMediaTypeError extends RefusalError {}

export class PayloadTooLargeError extends RefusalError {
  constructor(readonly limitBytes: number) {
    super(tooLarge(limitBytes));
  }
}

/** A dialogue cannot open: the policy fields in `missing` are not filled in. */
export class IncompleteError extends Error {
  constructor(readonly missing: readonly Issue[]) {
    super(`incomplete: ${missing.map((m) => m.path).join(', ')}`);
  }
}
