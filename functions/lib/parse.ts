import type * as z from 'zod/mini';
import { type Issue, ValidationError, issue } from '../../shared/errors';
import * as says from '../../shared/messages/issues';
import type { responseBodySchema } from '../../shared/responses/schema';
import { type AnswerableDialogue, responseIssues } from '../../shared/responses/validate';
import { schemaIssues } from '../../shared/validation';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A body can only hold a forbidden key if it spells one out, or escapes characters (`\u005f_proto__`). */
const MAY_HOLD_FORBIDDEN_KEY = /__proto__|constructor|prototype|\\u/;

/** JSON.parse that refuses prototype-polluting keys and answers bad JSON with a 400, never a throw. */
export function parseJsonBody(raw: string): unknown {
  if (raw.trim() === '') throw new ValidationError([issue('body', says.bodyEmpty())]);
  let pollutingKey: string | undefined;
  let value: unknown;
  try {
    // The reviver costs a call per value; most bodies cannot need it, and skip it.
    value = MAY_HOLD_FORBIDDEN_KEY.test(raw)
      ? JSON.parse(raw, (key, v: unknown) => {
          if (FORBIDDEN_KEYS.has(key)) pollutingKey = key;
          return v;
        })
      : JSON.parse(raw);
  } catch {
    throw new ValidationError([issue('body', says.bodyNotJson())]);
  }
  if (pollutingKey !== undefined) throw new ValidationError([issue('body', says.fieldNotAllowed(pollutingKey))]);
  return value;
}

/** The dialogue a response answers, as the form has it: its questions and the localities it offers. */
type AnsweredDialogue = AnswerableDialogue & { readonly profileQuestions: { readonly localities: string[] } };

/**
 * The failures of `schema` on `value`, in Swedish and English in our own words (shared/messages/input.ts).
 * For a response body, pass the dialogue it answers: the answers are then checked against it as well
 * (`responseIssues`), so one answer lists every problem at once, of the body's shape and of its answers alike.
 */
export function zodIssues(schema: z.ZodMiniType, value: unknown, where: string): Issue[];
export function zodIssues(
  schema: typeof responseBodySchema,
  value: unknown,
  where: 'body',
  answering: AnsweredDialogue,
): Issue[];
export function zodIssues(schema: z.ZodMiniType, value: unknown, where: string, answering?: AnsweredDialogue) {
  if (!answering) return schemaIssues(schema, value, where);
  return responseIssues(answering, value, { localities: answering.profileQuestions.localities });
}
