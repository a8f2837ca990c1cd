import { canonical } from '../canonical';
import type { Dialogue } from './schema';

export const auditActions = [
  'created',
  'edited',
  'opened',
  'closed',
  'decision-registered',
  'decision-corrected',
  'evaluation-recorded',
  'evaluation-corrected',
  'response-entered',
  'free-text-published',
  'free-text-hidden',
  'responses-culled',
  'contacts-culled',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** A field's value before and after a change; a side is absent where the field was not set. */
export interface FieldChange {
  readonly before?: unknown;
  readonly after?: unknown;
}

/** One change to a dialogue, stored append-only beside it, in the same transaction as the change itself. */
export interface AuditEntry {
  readonly dialogueId: string;
  /** The dialogue's version this change produced: unique per dialogue, so an entry is never written twice. */
  readonly version: number;
  readonly at: string;
  /** An official's `sub`, or the job that made the change. */
  readonly by: string;
  readonly action: AuditAction;
  /** Every field the change altered (bookkeeping aside), with its value before and after. */
  readonly changes: Readonly<Record<string, FieldChange>>;
}

/** Bumped or stamped on every write: that they changed says nothing. */
const BOOKKEEPING = new Set<string>(['version', 'updatedAt', 'updatedBy']);

const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** The fields that differ between two copies of a dialogue (`before` undefined: a new dialogue). */
export function fieldChanges(before: Dialogue | undefined, after: Dialogue): Record<string, FieldChange> {
  const was = (before ?? {}) as Record<string, unknown>;
  const is = after as unknown as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(was), ...Object.keys(is)])].filter((f) => !BOOKKEEPING.has(f)).sort();
  return Object.fromEntries(
    fields
      .filter((f) => !same(was[f], is[f]))
      .map((f) => [f, { ...(f in was ? { before: was[f] } : {}), ...(f in is ? { after: is[f] } : {}) }]),
  );
}
