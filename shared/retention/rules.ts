import type { Dialogue } from '../dialogue/schema';

/** The stage's `retention` (days; a setting left out keeps). */
export interface RetentionSettings {
  readonly responsesAfterDecisionDays?: number;
  readonly undecidedContactsDays?: number;
}

export type Culling = 'responses' | 'contacts';

const DAY_MS = 86_400_000;
const olderThan = (at: string | undefined, days: number | undefined, now: Date): days is number =>
  at !== undefined && days !== undefined && now.getTime() - Date.parse(at) > days * DAY_MS;

/**
 * The cullings the retention settings call for at `now` that the dialogue does not yet record, each with its setting
 * (days): its responses, once the decision was registered more than `responsesAfterDecisionDays` ago; the contacts of
 * a dialogue closed more than `undecidedContactsDays` ago with no decision (a decided one's go by TTL after the
 * feedback). Each is recorded once.
 */
export function cullingsDue(
  dialogue: Pick<Dialogue, 'status' | 'closedAt' | 'decisionRecord' | 'responsesCulled' | 'contactsCulled'>,
  now: Date,
  settings: RetentionSettings,
): Array<{ culling: Culling; days: number }> {
  const due: Array<{ culling: Culling; days: number }> = [];
  const afterDecision = settings.responsesAfterDecisionDays;
  if (!dialogue.responsesCulled && olderThan(dialogue.decisionRecord?.registeredAt, afterDecision, now))
    due.push({ culling: 'responses', days: afterDecision });
  const undecided = settings.undecidedContactsDays;
  if (dialogue.status === 'closed' && !dialogue.contactsCulled && olderThan(dialogue.closedAt, undecided, now))
    due.push({ culling: 'contacts', days: undecided });
  return due;
}

/**
 * The cullings a dialogue records: what the sweep deletes (again) on every run. Deleting what is gone already costs
 * one empty read, and so a run stopped mid-way, or one that died after the record, is finished by the next.
 */
export function cullingsRecorded(dialogue: Pick<Dialogue, 'responsesCulled' | 'contactsCulled'>): Culling[] {
  return [
    ...(dialogue.responsesCulled ? (['responses'] as const) : []),
    ...(dialogue.contactsCulled ? (['contacts'] as const) : []),
  ];
}
