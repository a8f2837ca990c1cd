import type { FeedbackState } from '../dialogue/feedback';
import { influenceLevels, methods } from '../dialogue/schema';
import type { Municipality } from '../municipality';
import { type DialogueFigures, SCORES } from './figures';

/** P14 per committee and year: how it used dialogue, and whether it kept its promises. */
export interface CommitteeYear {
  readonly committee: { readonly id: string; readonly name: string };
  readonly dialogues: number;
  readonly byInfluence: Readonly<Record<(typeof influenceLevels)[number], number>>;
  /** Dialogues that used each method (one dialogue may use several). */
  readonly byMethod: Readonly<Record<(typeof methods)[number], number>>;
  readonly medianParticipation: number | null;
  readonly feedback: Readonly<Record<Exclude<FeedbackState, 'not-promised'>, number>> & {
    /** On time, of those whose promised date has come (on time, late or overdue), in per cent. */
    readonly onTimePercent: number | null;
  };
  readonly rating: { readonly count: number; readonly mean: number | null };
  readonly evaluated: number;
  /** Dialogues whose promised feedback date has passed with no decision. */
  readonly overdue: Array<{
    readonly id: string;
    readonly title: DialogueFigures['title'];
    readonly promisedBy: string;
  }>;
}

/**
 * A dialogue in the year's evaluation: figures only. Every official may read it, so no participant's comment and
 * no committee's own texts leave the dialogue's committees; only when the committee evaluated.
 */
export type YearDialogue = Omit<DialogueFigures, 'evaluation' | 'rating'> & {
  readonly rating: Omit<DialogueFigures['rating'], 'comments'>;
  readonly evaluatedAt?: string;
};

export interface YearEvaluation {
  readonly year: number;
  /** The whole municipality first, then each committee that led a dialogue that year. */
  readonly total: CommitteeYear;
  readonly committees: CommitteeYear[];
  readonly dialogues: YearDialogue[];
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function committeeYear(committee: CommitteeYear['committee'], figures: readonly DialogueFigures[]): CommitteeYear {
  const byInfluence = zeroes(influenceLevels);
  const byMethod = zeroes(methods);
  const feedback = { pending: 0, 'on-time': 0, late: 0, overdue: 0 };
  let ratings = 0;
  let points = 0;
  for (const f of figures) {
    if (f.influenceLevel) byInfluence[f.influenceLevel] += 1;
    for (const method of f.methods) byMethod[method] += 1;
    if (f.feedback.state !== 'not-promised') feedback[f.feedback.state] += 1;
    // Every rating counts once, whatever dialogue it is of: the mean of the ratings, not of the dialogues' means.
    for (const score of SCORES) {
      ratings += f.rating.distribution[score];
      points += score * f.rating.distribution[score];
    }
  }
  const due = feedback['on-time'] + feedback.late + feedback.overdue;
  return {
    committee,
    dialogues: figures.length,
    byInfluence,
    byMethod,
    medianParticipation: median(figures.map((f) => f.participation.total)),
    feedback: { ...feedback, onTimePercent: due ? Math.round((1000 * feedback['on-time']) / due) / 10 : null },
    rating: { count: ratings, mean: ratings ? Math.round((100 * points) / ratings) / 100 : null },
    evaluated: figures.filter((f) => f.evaluation !== undefined).length,
    overdue: figures.flatMap((f) =>
      f.feedback.state === 'overdue' && f.feedback.promisedBy
        ? [{ id: f.id, title: f.title, promisedBy: f.feedback.promisedBy }]
        : [],
    ),
  };
}

/** The year's evaluation from the figures of the dialogues that opened in it (the register's year). */
export function yearEvaluation(
  year: number,
  figures: readonly DialogueFigures[],
  municipality: Pick<Municipality, 'name' | 'committees'>,
): YearEvaluation {
  const committees = municipality.committees
    .map((c) =>
      committeeYear(
        c,
        figures.filter((f) => f.leadCommittee === c.id),
      ),
    )
    .filter((c) => c.dialogues > 0);
  return {
    year,
    total: committeeYear({ id: 'municipality', name: municipality.name }, figures),
    committees,
    dialogues: figures.map(({ evaluation, rating: { comments: _comments, ...rating }, ...f }) => ({
      ...f,
      rating,
      ...(evaluation ? { evaluatedAt: evaluation.evaluatedAt } : {}),
    })),
  };
}
