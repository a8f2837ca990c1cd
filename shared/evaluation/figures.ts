import type { AggregateState } from '../aggregation/state';
import type { Mailout } from '../decision/mailout';
import { type FeedbackStatus, feedbackStatus } from '../dialogue/feedback';
import { closedAt } from '../dialogue/public-view';
import type { Dialogue } from '../dialogue/schema';
import type { Municipality } from '../municipality';
import type { Rating } from '../rating/rate';
import { type ResponseMethod, entryMethods } from '../responses/methods';
import type { EvaluationRecord } from './schema';

/** A group of respondents set against the municipality's population, where its figures are configured. */
export interface GroupReach {
  /** `relation:lives`, `ageBand:30-44`, `locality:Lagan`. */
  readonly group: string;
  readonly respondents: number;
  /** Of all respondents, in per cent. */
  readonly sharePercent: number;
  readonly population?: number;
  /** Of the municipality's inhabitants, in per cent. */
  readonly populationSharePercent?: number;
}

export const SCORES = [1, 2, 3, 4, 5] as const;

/** P14 for one dialogue: what can be counted, beside what the committee itself judged. */
export interface DialogueFigures {
  readonly id: string;
  readonly title: Dialogue['title'];
  readonly status: Dialogue['status'];
  readonly leadCommittee: string;
  readonly influenceLevel?: NonNullable<Dialogue['influence']>['level'];
  /** The methods the dialogue was planned with. */
  readonly methods: Dialogue['methods'];
  readonly openedAt?: string;
  readonly closedAt?: string;
  readonly decidedAt?: string;
  readonly participation: { readonly total: number; readonly byMethod: Readonly<Record<ResponseMethod, number>> };
  readonly reach: {
    /** Whether the dialogue named criteria for its target group (otherwise there is no inside or outside). */
    readonly criteria: boolean;
    readonly inside: number;
    readonly outside: number;
    readonly unknown: number;
    /** Inside, of those whose answers tell, in per cent. */
    readonly insideSharePercent: number | null;
    readonly noProfile: number;
    readonly groups: GroupReach[];
  };
  /** Whole days, from the close to the committee's meeting, and from it to the last feedback email. */
  readonly days: { readonly closeToDecision?: number; readonly decisionToFeedback?: number };
  readonly feedback: FeedbackStatus;
  readonly emails?: Pick<Mailout, 'recipients' | 'sent' | 'failed' | 'bounced' | 'unsubscribed'>;
  readonly rating: {
    readonly count: number;
    readonly mean: number | null;
    readonly distribution: Readonly<Record<(typeof SCORES)[number], number>>;
    readonly comments: string[];
  };
  readonly evaluation?: EvaluationRecord;
}

export interface FiguresInput {
  readonly dialogue: Dialogue;
  readonly state: AggregateState;
  readonly mailout?: Mailout;
  readonly ratings: Rating[];
}

const percent = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;

/** The Swedish calendar day of a time, or a `YYYY-MM-DD` date as it is. */
const dayOf = (at: string): string =>
  at.length === 10 ? at : new Date(at).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
const daysBetween = (from: string | undefined, to: string | undefined): number | undefined =>
  from && to ? Math.round((Date.parse(dayOf(to)) - Date.parse(dayOf(from))) / 86_400_000) : undefined;

function populationOf(group: string, population: Municipality['population']): number | undefined {
  const [dimension, value] = group.split(':') as [string, string];
  if (dimension === 'ageBand') return population?.ageBands?.[value as keyof NonNullable<typeof population>['ageBands']];
  if (dimension === 'locality') return population?.localities?.[value];
  return undefined;
}

function groupsReach(state: AggregateState, population: Municipality['population']): GroupReach[] {
  const inhabitants = population?.total;
  return Object.entries(state.groups)
    .sort(([a], [b]) => a.localeCompare(b, 'sv'))
    .map(([group, respondents]) => {
      const people = populationOf(group, population);
      const share = percent(people ?? 0, inhabitants ?? 0);
      return {
        group,
        respondents,
        sharePercent: percent(respondents, state.responseCount) ?? 0,
        ...(people !== undefined ? { population: people } : {}),
        ...(people !== undefined && share !== null ? { populationSharePercent: share } : {}),
      };
    });
}

function ratingFigures(ratings: Rating[]): DialogueFigures['rating'] {
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of ratings) distribution[r.score as keyof typeof distribution] += 1;
  const sum = ratings.reduce((total, r) => total + r.score, 0);
  return {
    count: ratings.length,
    mean: ratings.length ? Math.round((100 * sum) / ratings.length) / 100 : null,
    distribution,
    comments: ratings.flatMap((r) => (r.comment ? [r.comment] : [])),
  };
}

/** Everything P14 asks to follow up for one dialogue, from what is stored; pure, so each figure can be checked. */
export function dialogueFigures(
  { dialogue, state, mailout, ratings }: FiguresInput,
  municipality: Pick<Municipality, 'population'>,
  now: Date,
): DialogueFigures {
  const other = Object.fromEntries(entryMethods.map((m) => [m, state.methods?.[m] ?? 0])) as Record<
    (typeof entryMethods)[number],
    number
  >;
  const entered = Object.values(other).reduce((a, b) => a + b, 0);
  const { inside, outside, unknown } = state.reach;
  const closed = closedAt(dialogue);
  const decision = dialogue.decisionRecord;
  // Feedback is given when the last email has gone (or at registration, when nobody left an address).
  const feedbackDone = mailout?.completedAt ?? (mailout ? undefined : decision?.registeredAt);
  return {
    id: dialogue.id,
    title: dialogue.title,
    status: dialogue.status,
    leadCommittee: dialogue.leadCommittee,
    ...(dialogue.influence ? { influenceLevel: dialogue.influence.level } : {}),
    methods: dialogue.methods,
    ...(dialogue.openedAt ? { openedAt: dialogue.openedAt } : {}),
    ...(closed ? { closedAt: closed } : {}),
    ...(decision ? { decidedAt: decision.decidedAt } : {}),
    participation: { total: state.responseCount, byMethod: { web: state.responseCount - entered, ...other } },
    reach: {
      criteria: dialogue.targetGroup?.criteria !== undefined,
      inside,
      outside,
      unknown,
      insideSharePercent: percent(inside, inside + outside),
      noProfile: state.noProfile ?? 0,
      groups: groupsReach(state, municipality.population),
    },
    days: {
      ...(closed && decision ? { closeToDecision: daysBetween(closed, decision.decidedAt) } : {}),
      ...(decision && feedbackDone ? { decisionToFeedback: daysBetween(decision.decidedAt, feedbackDone) } : {}),
    },
    feedback: feedbackStatus(dialogue, now),
    ...(mailout
      ? {
          emails: {
            recipients: mailout.recipients,
            sent: mailout.sent,
            failed: mailout.failed,
            bounced: mailout.bounced,
            unsubscribed: mailout.unsubscribed,
          },
        }
      : {}),
    rating: ratingFigures(ratings),
    ...(dialogue.evaluationRecord ? { evaluation: dialogue.evaluationRecord } : {}),
  };
}
