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
  const groups: string[] = [];
  for (const relation of profile.relation ?? []) groups.push(`relation:${relation}`);
  if (profile.ageBand) groups.push(`ageBand:${profile.ageBand}`);
  if (profile.locality) groups.push(`locality:${profile.locality}`);
  return groups;
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

type Criteria = NonNullable<NonNullable<AggregatedDialogue['targetGroup']>['criteria']>;

/** One criterion against the profile's answer: met by any of its values, not met, or unknown (unanswered). */
function meets(wanted: readonly string[] | undefined, given: string | readonly string[] | undefined) {
  if (wanted === undefined) return true;
  if (given === undefined || given.length === 0) return undefined;
  return typeof given === 'string' ? wanted.includes(given) : given.some((value) => wanted.includes(value));
}

/** Inside the target group when every declared criterion matches; unknown when a criterion's answer is missing. */
function reachOf(profile: Profile, criteria: Criteria): keyof AggregateState['reach'] {
  const checks = [
    meets(criteria.relations, profile.relation),
    meets(criteria.ageBands, profile.ageBand),
    meets(criteria.localities, profile.locality),
  ];
  if (checks.includes(false)) return 'outside';
  return checks.includes(undefined) ? 'unknown' : 'inside';
}

/** What folding needs of a dialogue's questions, worked out once per fold rather than once per response. */
interface FoldedQuestion {
  readonly question: Question;
  readonly closed: boolean;
  /** Ranking: how many items can be ranked (Borda points count down from it). */
  readonly ranked: number;
}

const foldedQuestions = (dialogue: AggregatedDialogue): FoldedQuestion[] =>
  dialogue.questions.map((question) => ({
    question,
    closed: CLOSED.has(question.type),
    ranked: rankedIds(question, dialogue).length,
  }));

function foldRanking(state: QuestionState, order: readonly string[], ranked: number): void {
  const firstChoices = (state.firstChoices ??= {});
  const rankSums = (state.rankSums ??= {});
  const borda = (state.borda ??= {});
  if (order[0] !== undefined) add(firstChoices, order[0]);
  for (let i = 0; i < order.length; i++) {
    const id = order[i] as string;
    add(rankSums, id, i + 1);
    add(borda, id, ranked - 1 - i);
  }
}

function foldQuestion(
  state: QuestionState,
  { question, closed, ranked }: FoldedQuestion,
  value: AnswerValue,
  groups: readonly string[],
): void {
  state.answered += 1;
  if (question.type === 'text') return;
  if (question.type === 'ranking') return foldRanking(state, value as string[], ranked);
  // Several options, or one value (an option id, `true`/`false`, a rating) counted by its text.
  const values = Array.isArray(value) ? value : [String(value)];
  for (const v of values) add(state.counts, v);
  if (!closed) return;
  const byGroup = (state.byGroup ??= {});
  for (const group of groups) {
    const cell = (byGroup[group] ??= { respondents: 0, counts: {} });
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
  const questions = foldedQuestions(dialogue);
  const criteria = dialogue.targetGroup?.criteria;
  for (const response of responses) {
    const profile = response.profile ?? {};
    state.responseCount += 1;
    if (response.method) add((state.methods ??= {}), response.method);
    add(state.perDay, dayOf(response.receivedAt));
    const groups = groupsOf(profile);
    for (const g of groups) add(state.groups, g);
    if (groups.length === 0) state.noProfile = (state.noProfile ?? 0) + 1;
    if (criteria) state.reach[reachOf(profile, criteria)] += 1;
    for (const folded of questions) {
      const value = response.answers[folded.question.id];
      if (value === undefined) continue;
      foldQuestion((state.questions[folded.question.id] ??= { answered: 0, counts: {} }), folded, value, groups);
    }
  }
  return state;
}
