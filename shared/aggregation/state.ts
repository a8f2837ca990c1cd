import type { Question } from '../dialogue/questions';
import type { Dialogue } from '../dialogue/schema';
import { rankedIds } from '../responses/validate';
import type { EntryMethod } from '../responses/methods';
import type { AnswerValue, Profile } from '../responses/schema';

/**
 * The aggregate as stored: only sums and counts, so folding is addition. Folding responses one run at a time
 * therefore gives exactly what folding them all at once gives (the property test checks it).
 */
export interface Tally {
  [key: string]: number;
}

export interface QuestionState {
  answered: number;
  /** Per option id, `true`/`false` for yes/no, the value for ratings. */
  counts: Tally;
  /** Ranking: how often each item came first, the sum of its ranks (1 = first) and its Borda points. */
  firstChoices?: Tally;
  rankSums?: Tally;
  borda?: Tally;
  /** Closed questions: counts per group of respondents, e.g. `relation:lives`, `ageBand:30-44`, `locality:Lagan`. */
  byGroup?: Record<string, { respondents: number; counts: Tally }>;
}

export interface AggregateState {
  responseCount: number;
  questions: Record<string, QuestionState>;
  /** Responses per day (Europe/Stockholm), `YYYY-MM-DD`. */
  perDay: Tally;
  /** Respondents per group, for the breakdowns' denominators and the profile summary. */
  groups: Tally;
  /** Reach of the target group: inside the declared criteria, outside, or not stated. */
  reach: { inside: number; outside: number; unknown: number };
  /** Responses entered from other methods, per method (P10); the rest came through the web form. Absent in older states. */
  methods?: Tally;
  /** Respondents who answered none of the profile questions (P14's reach). Absent in older states. */
  noProfile?: number;
}

export interface StoredResponse {
  readonly receivedAt: string;
  readonly answers: Readonly<Record<string, AnswerValue>>;
  readonly profile: Profile;
  readonly method?: EntryMethod;
}

export type AggregatedDialogue = Pick<Dialogue, 'questions' | 'format' | 'targetGroup'>;

export const emptyState = (): AggregateState => ({
  responseCount: 0,
  questions: {},
  perDay: {},
  groups: {},
  reach: { inside: 0, outside: 0, unknown: 0 },
});

const add = (tally: Tally, key: string, by = 1): void => {
  tally[key] = (tally[key] ?? 0) + by;
};

const CLOSED = new Set(['single', 'multiple', 'yesno', 'rating']);

/** The groups a respondent belongs to: every relation they gave, their age band and locality. */
export function groupsOf(profile: Profile): string[] {
  return [
    ...(profile.relation ?? []).map((r) => `relation:${r}`),
    ...(profile.ageBand ? [`ageBand:${profile.ageBand}`] : []),
    ...(profile.locality ? [`locality:${profile.locality}`] : []),
  ];
}

const swedishDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });
const dayByHour = new Map<string, string>();

/** The Swedish calendar day of a UTC timestamp; Sweden's offset is whole hours, so the UTC hour decides it. */
export function dayOf(iso: string): string {
  const hour = iso.slice(0, 13);
  let day = dayByHour.get(hour);
  if (day === undefined) {
    day = swedishDate.format(new Date(`${hour}:00:00Z`));
    dayByHour.set(hour, day);
  }
  return day;
}

/** Inside the target group when every declared criterion matches; unknown when a criterion's answer is missing. */
function reachOf(profile: Profile, dialogue: AggregatedDialogue): keyof AggregateState['reach'] | undefined {
  const criteria = dialogue.targetGroup?.criteria;
  if (!criteria) return undefined;
  const checks: Array<boolean | undefined> = [
    criteria.relations
      ? profile.relation?.length
        ? profile.relation.some((r) => criteria.relations?.includes(r as never))
        : undefined
      : true,
    criteria.ageBands ? (profile.ageBand ? criteria.ageBands.includes(profile.ageBand as never) : undefined) : true,
    criteria.localities ? (profile.locality ? criteria.localities.includes(profile.locality) : undefined) : true,
  ];
  if (checks.includes(false)) return 'outside';
  return checks.includes(undefined) ? 'unknown' : 'inside';
}

const valuesOf = (value: AnswerValue): string[] => (Array.isArray(value) ? value : [String(value)]);

function foldQuestion(
  state: QuestionState,
  question: Question,
  value: AnswerValue,
  groups: readonly string[],
  dialogue: AggregatedDialogue,
): void {
  state.answered += 1;
  if (question.type === 'text') return;
  if (question.type === 'ranking') {
    const order = value as string[];
    const n = rankedIds(question, dialogue).length;
    state.firstChoices ??= {};
    state.rankSums ??= {};
    state.borda ??= {};
    if (order[0] !== undefined) add(state.firstChoices, order[0]);
    order.forEach((id, i) => {
      add(state.rankSums as Tally, id, i + 1);
      add(state.borda as Tally, id, n - 1 - i);
    });
    return;
  }
  const values = valuesOf(value);
  for (const v of values) add(state.counts, v);
  if (!CLOSED.has(question.type)) return;
  state.byGroup ??= {};
  for (const group of groups) {
    const cell = (state.byGroup[group] ??= { respondents: 0, counts: {} });
    cell.respondents += 1;
    for (const v of values) add(cell.counts, v);
  }
}

/** Adds responses to a state (mutating it, for speed on large runs) and returns it. */
export function fold(
  state: AggregateState,
  responses: Iterable<StoredResponse>,
  dialogue: AggregatedDialogue,
): AggregateState {
  for (const response of responses) {
    state.responseCount += 1;
    if (response.method) add((state.methods ??= {}), response.method);
    add(state.perDay, dayOf(response.receivedAt));
    const groups = groupsOf(response.profile ?? {});
    for (const g of groups) add(state.groups, g);
    if (groups.length === 0) state.noProfile = (state.noProfile ?? 0) + 1;
    const reach = reachOf(response.profile ?? {}, dialogue);
    if (reach) state.reach[reach] += 1;
    for (const question of dialogue.questions) {
      const value = response.answers[question.id];
      if (value === undefined) continue;
      foldQuestion((state.questions[question.id] ??= { answered: 0, counts: {} }), question, value, groups, dialogue);
    }
  }
  return state;
}
