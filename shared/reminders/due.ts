import { feedbackStatus, swedishDay } from '../dialogue/feedback';
import type { Dialogue } from '../dialogue/schema';

/** `upcoming`: the promised feedback date is near; `overdue`: it has passed. Each is sent once per dialogue. */
export const reminderKinds = ['upcoming', 'overdue'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** The calendar day `days` before an ISO date (`YYYY-MM-DD`). */
const daysBeforeDate = (isoDate: string, days: number): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Which reminder a dialogue is due at `now`, if any: only one promising feedback by a date, out of draft and with no
 * decision registered. From `daysBefore` days before the date (Swedish calendar days, as the promise is read) up to
 * the date itself it is `upcoming`; after it, `overdue`, whether the dialogue is closed or, unusually, still open.
 * A dialogue first seen after its date gets only the overdue one: the upcoming one would come too late to help.
 */
export function reminderDue(
  dialogue: Pick<Dialogue, 'status' | 'feedbackPromise' | 'decisionRecord'>,
  now: Date,
  daysBefore: number,
): ReminderKind | undefined {
  if (dialogue.status === 'draft') return undefined;
  const feedback = feedbackStatus(dialogue, now);
  if (feedback.state === 'overdue') return 'overdue';
  if (feedback.state !== 'pending' || !feedback.promisedBy) return undefined;
  return swedishDay(now) >= daysBeforeDate(feedback.promisedBy, daysBefore) ? 'upcoming' : undefined;
}
