import * as z from 'zod/mini';
import english from 'zod/v4/locales/en.js';
import swedish from 'zod/v4/locales/sv.js';

/**
 * zod's own messages in the two languages we speak (`z.locales` would bundle all forty). zod/mini sets no locale
 * of its own, so every parse whose messages anyone reads passes one of these.
 */
export const englishErrors = english().localeError;
export const swedishErrors = swedish().localeError;

/** `schema`'s output for `value`; otherwise an Error whose message is `explain` of zod's English issues, one per line. */
export function parseOrThrow<T extends z.core.$ZodType>(
  schema: T,
  value: unknown,
  explain: (issues: string) => string,
): z.output<T> {
  const parsed = z.safeParse(schema, value, { error: englishErrors });
  if (!parsed.success) throw new Error(explain(z.prettifyError(parsed.error)));
  return parsed.data;
}
