import type { DialogueDefinition } from '../../shared/dialogue/schema';
import type { StoredDialogue } from './api';

/** The conditions form as typed: one string per field, Swedish text (English, where written, is kept). */
export interface ConditionsForm {
  summary: string;
  background: string;
  targetGroup: string;
  question: string;
  influenceLevel: string;
  canChange: string;
  cannotChange: string;
  decisionCommittee: string;
  decisionDate: string;
  feedbackHow: string;
  feedbackBy: string;
  closesAt: string;
}

/** A day in Sweden (`YYYY-MM-DD`) for a stored time; a dialogue closes at the end of the day it names. */
const swedishDay = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }) : '';
const endOfSwedishDay = (day: string) => {
  // The offset on that day (+01:00 or +02:00), from how Stockholm writes noon UTC of that day.
  const noon = new Date(`${day}T12:00:00Z`);
  const hour = Number(noon.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit' }));
  return new Date(Date.parse(`${day}T23:59:59Z`) - (hour - 12) * 3_600_000).toISOString();
};

export function formOf(d: StoredDialogue): ConditionsForm {
  return {
    summary: d.summary?.sv ?? '',
    background: d.background?.sv ?? '',
    targetGroup: d.targetGroup?.description.sv ?? '',
    question: d.question?.sv ?? '',
    influenceLevel: d.influence?.level ?? '',
    canChange: d.influence?.canChange.sv ?? '',
    cannotChange: d.influence?.cannotChange.sv ?? '',
    decisionCommittee: d.decision?.committee ?? '',
    decisionDate: d.decision?.expectedDate ?? '',
    feedbackHow: d.feedbackPromise?.how.sv ?? '',
    feedbackBy: d.feedbackPromise?.byDate ?? '',
    closesAt: swedishDay(d.closesAt),
  };
}

const text = (typed: string, before?: { sv: string; en?: string }) =>
  typed.trim() ? { ...before, sv: typed.trim() } : undefined;

/**
 * The definition to save: the stored one with the form's conditions. A part the policy needs whole (influence,
 * decision, feedback promise) is set only once every field of it is filled in; until then the checklist says so.
 */
export function definitionWith(d: StoredDialogue, f: ConditionsForm): DialogueDefinition {
  const canChange = text(f.canChange, d.influence?.canChange);
  const cannotChange = text(f.cannotChange, d.influence?.cannotChange);
  const how = text(f.feedbackHow, d.feedbackPromise?.how);
  const description = text(f.targetGroup, d.targetGroup?.description);
  const level = f.influenceLevel as NonNullable<DialogueDefinition['influence']>['level'];
  return {
    ...d,
    summary: text(f.summary, d.summary),
    background: text(f.background, d.background),
    question: text(f.question, d.question),
    targetGroup: description ? { ...d.targetGroup, description } : undefined,
    influence: level && canChange && cannotChange ? { level, canChange, cannotChange } : undefined,
    decision:
      f.decisionCommittee && f.decisionDate
        ? { committee: f.decisionCommittee, expectedDate: f.decisionDate }
        : undefined,
    feedbackPromise: how && f.feedbackBy ? { how, byDate: f.feedbackBy } : undefined,
    closesAt: f.closesAt ? endOfSwedishDay(f.closesAt) : undefined,
  };
}
