import type { DecisionBody } from '../../shared/decision/schema';
import type { StoredDialogue } from './api';

/** The decision form as typed: one string per field, Swedish text (English, where written, is kept). */
export interface DecisionForm {
  summary: string;
  motivation: string;
  inputUse: string;
  decidedAt: string;
  meeting: string;
  paragraph: string;
  caseNumber: string;
  link: string;
  chosenAlternative: string;
}

type RegisteredDecision = NonNullable<StoredDialogue['decisionRecord']>;

export const decisionFormOf = (record: RegisteredDecision | undefined, caseNumber?: string): DecisionForm => ({
  summary: record?.summary.sv ?? '',
  motivation: record?.motivation.sv ?? '',
  inputUse: record?.inputUse?.sv ?? '',
  decidedAt: record?.decidedAt ?? '',
  meeting: record?.minutes?.meeting ?? '',
  paragraph: record?.minutes?.paragraph ?? '',
  caseNumber: record?.caseNumber ?? caseNumber ?? '',
  link: record?.link ?? '',
  chosenAlternative: record?.chosenAlternative ?? '',
});

const text = (typed: string, before?: { sv: string; en?: string }) =>
  typed.trim() ? { ...before, sv: typed.trim() } : undefined;
const optional = (typed: string) => typed.trim() || undefined;

/**
 * The body to send. Required fields go as typed, even empty, so the API names each missing one; the minutes go
 * when either of their fields is filled, so a meeting without its § is refused, not dropped.
 */
export function decisionBodyOf(form: DecisionForm, before: RegisteredDecision | undefined): DecisionBody {
  const minutes = form.meeting.trim() || form.paragraph.trim();
  return {
    summary: text(form.summary, before?.summary) ?? { sv: '' },
    motivation: text(form.motivation, before?.motivation) ?? { sv: '' },
    inputUse: text(form.inputUse, before?.inputUse),
    decidedAt: form.decidedAt,
    minutes: minutes ? { meeting: form.meeting.trim(), paragraph: form.paragraph.trim() } : undefined,
    caseNumber: optional(form.caseNumber),
    link: optional(form.link),
    chosenAlternative: optional(form.chosenAlternative),
  };
}
