import { ValidationError, issue } from '../../shared/errors';
import * as says from '../../shared/messages/issues';

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
