import * as z from 'zod/mini';
import { type Issue, issue } from './errors';
import { inputErrors } from './messages/input';

/** Body paths read as in the contract (`answers.q2`); path and query keep their prefix; unknown keys name themselves. */
function joinPath(where: string, zodIssue: z.core.$ZodIssue): string {
  const keys = zodIssue.code === 'unrecognized_keys' ? [...zodIssue.path, zodIssue.keys.join(',')] : zodIssue.path;
  const segments = [...(where === 'body' ? [] : [where]), ...keys.map(String)];
  return segments.join('.') || where;
}

/**
 * The failures of `schema` on `value`, in Swedish and English from our own catalogue (shared/messages/input.ts),
 * never zod's defaults. `where` is `body`, `path` or `query`. A valid value has none, at the cost of one parse.
 */
export function schemaIssues(schema: z.ZodMiniType, value: unknown, where: string): Issue[] {
  const sv = schema.safeParse(value, { error: inputErrors.sv });
  if (sv.success) return [];
  const en = schema.safeParse(value, { error: inputErrors.en });
  const svIssues = sv.error.issues;
  const enIssues = en.success ? [] : en.error.issues;
  // The same parse twice yields the same issues in the same order; only the words differ.
  return svIssues.map((s, i) => issue(joinPath(where, s), { sv: s.message, en: enIssues[i]?.message ?? s.message }));
}

/**
 * One list from several checks of the same input: one issue per path, the first list's first. Put the check that
 * knows more first (the dialogue's own rules before the body's shape), so a citizen reads the more useful words.
 */
export function mergeIssues(...lists: ReadonlyArray<readonly Issue[]>): Issue[] {
  const seen = new Set<string>();
  const merged: Issue[] = [];
  for (const found of lists.flat()) {
    if (seen.has(found.path)) continue;
    seen.add(found.path);
    merged.push(found);
  }
  return merged;
}

/**
 * `schema`'s output for `value`; otherwise an Error whose message is `explain` of the issues in English, one per
 * line. For operators' configuration (environment, stage settings), read in logs and terminals.
 */
export function parseOrThrow<T extends z.core.$ZodType>(
  schema: T,
  value: unknown,
  explain: (issues: string) => string,
): z.output<T> {
  const parsed = z.safeParse(schema, value, { error: inputErrors.en });
  if (!parsed.success) throw new Error(explain(z.prettifyError(parsed.error)));
  return parsed.data;
}
