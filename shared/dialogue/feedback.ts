import type { Dialogue } from './schema';

/**
 * P12 and P14: whether the feedback promised to participants came, and on time. Feedback is given when the
 * committee's decision is registered: the results page shows it from then on, and the mailout starts.
 */
export const feedbackStates = ['not-promised', 'pending', 'overdue', 'on-time', 'late'] as const;
export type FeedbackState = (typeof feedbackStates)[number];

export interface FeedbackStatus {
  readonly state: FeedbackState;
  /** The promised date (`YYYY-MM-DD`), when there is one. */
  readonly promisedBy?: string;
  /** When it was given: the decision's registration. */
  readonly givenAt?: string;
}

/** The calendar day in Sweden (`YYYY-MM-DD`): a promise for 15 March is kept by a decision that evening. */
export const swedishDay = (at: Date): string => at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

export function feedbackStatus(
  dialogue: Pick<Dialogue, 'feedbackPromise' | 'decisionRecord'>,
  now: Date,
): FeedbackStatus {
  const promisedBy = dialogue.feedbackPromise?.byDate;
  const givenAt = dialogue.decisionRecord?.registeredAt;
  if (!promisedBy) return { state: 'not-promised', ...(givenAt ? { givenAt } : {}) };
  if (givenAt) return { state: swedishDay(new Date(givenAt)) <= promisedBy ? 'on-time' : 'late', promisedBy, givenAt };
  return { state: swedishDay(now) > promisedBy ? 'overdue' : 'pending', promisedBy };
}

/** Whole days from `now` until the dialogue closes (0 on its last day), or undefined when it has no closing time. */
export function daysToClose(dialogue: Pick<Dialogue, 'closesAt'>, now: Date): number | undefined {
  if (!dialogue.closesAt) return undefined;
  return Math.max(0, Math.floor((Date.parse(dialogue.closesAt) - now.getTime()) / 86_400_000));
}
