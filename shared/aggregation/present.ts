import { type EntryMethod, type ResponseMethod, entryMethods } from '../responses/methods';
import { type Question } from '../dialogue/questions';
import { ageBands, relations } from '../dialogue/profile';
import type { Dialogue } from '../dialogue/schema';
import { rankedIds } from '../responses/validate';
import type { AggregateState, QuestionState, Tally } from './state';

export type Audience =
  { readonly kind: 'public'; readonly disclosureThreshold: number } | { readonly kind: 'officials' };

/** A hidden cell: too few respondents, or hidden beside one that is (so it cannot be worked out by subtraction). */
export type Suppressed = { suppressed: true; fewerThan: number } | { suppressed: true; complementary: true };
type Cell = { respondents: number; counts: Tally } | Suppressed;

export interface QuestionResult {
  readonly type: Question['type'];
  readonly answered: number;
  readonly skipped: number;
  readonly counts?: Tally;
  /** Share of those who answered, 0–100, one decimal. */
  readonly percentages?: Tally;
  readonly mean?: number;
  readonly median?: number;
  readonly firstChoices?: Tally;
  readonly meanRank?: Tally;
  readonly borda?: Tally;
  readonly byGroup?: Record<string, Cell>;
}

export interface AlternativeResult {
  readonly id: string;
  readonly votes?: number;
  readonly firstChoices?: number;
  readonly borda?: number;
  readonly meanRank?: number;
  readonly ratingMean?: number;
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** The values a question's counts are keyed by, zeros included, in display order. */
export function valueKeys(question: Question, dialogue: Pick<Dialogue, 'format'>): string[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.options.map((o) => o.id);
    case 'yesno':
      return ['true', 'false'];
    case 'rating':
      return Array.from({ length: question.scale.max - question.scale.min + 1 }, (_, i) =>
        String(question.scale.min + i),
      );
    case 'ranking':
      return rankedIds(question, dialogue);
    case 'text':
      return [];
  }
}

const withZeros = (keys: readonly string[], tally: Tally | undefined): Tally =>
  Object.fromEntries(keys.map((k) => [k, tally?.[k] ?? 0]));

function median(histogram: Tally, n: number): number | undefined {
  if (n === 0) return undefined;
  const values = Object.entries(histogram)
    .map(([v, c]) => [Number(v), c] as const)
    .sort((a, b) => a[0] - b[0]);
  const at = (position: number): number => {
    let seen = 0;
    for (const [value, count] of values) {
      seen += count;
      if (seen >= position) return value;
    }
    return values.at(-1)?.[0] ?? 0;
  };
  return n % 2 === 1 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2;
}

/** Groups in a fixed order (relations and age bands as listed, localities alphabetically), never in arrival order. */
const GROUP_ORDER = [...relations.map((r) => `relation:${r}`), ...ageBands.map((a) => `ageBand:${a}`)];
function byGroupOrder([a]: [string, unknown], [b]: [string, unknown]): number {
  const ia = GROUP_ORDER.indexOf(a);
  const ib = GROUP_ORDER.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
  return a.localeCompare(b, 'sv');
}

/**
 * The groups to hide from the public: every group under the threshold, and, where a dimension (relation, age band,
 * locality) would hide just one, the next smallest as well, so the hidden one cannot be worked out by subtraction.
 */
export function hiddenGroups(
  respondents: ReadonlyArray<readonly [string, number]>,
  audience: Audience,
): Map<string, Suppressed> {
  const hidden = new Map<string, Suppressed>();
  if (audience.kind !== 'public') return hidden;
  const dimensions = new Map<string, Array<readonly [string, number]>>();
  for (const entry of respondents) {
    const dimension = entry[0].split(':')[0] as string;
    dimensions.set(dimension, [...(dimensions.get(dimension) ?? []), entry]);
  }
  for (const groups of dimensions.values()) {
    const small = groups.filter(([, n]) => n < audience.disclosureThreshold);
    for (const [group] of small) hidden.set(group, { suppressed: true, fewerThan: audience.disclosureThreshold });
    if (small.length === 1) {
      const nextSmallest = groups.filter(([, n]) => n >= audience.disclosureThreshold).sort((a, b) => a[1] - b[1])[0];
      if (nextSmallest) hidden.set(nextSmallest[0], { suppressed: true, complementary: true });
    }
  }
  return hidden;
}

function cells(byGroup: QuestionState['byGroup'], keys: readonly string[], audience: Audience): Record<string, Cell> {
  const entries = Object.entries(byGroup ?? {});
  const hidden = hiddenGroups(
    entries.map(([group, cell]) => [group, cell.respondents] as const),
    audience,
  );
  return Object.fromEntries(
    entries
      .sort(byGroupOrder)
      .map(([group, cell]) => [
        group,
        hidden.get(group) ?? { respondents: cell.respondents, counts: withZeros(keys, cell.counts) },
      ]),
  );
}

function questionResult(
  question: Question,
  state: QuestionState | undefined,
  total: number,
  dialogue: Pick<Dialogue, 'format'>,
  audience: Audience,
): QuestionResult {
  const answered = state?.answered ?? 0;
  const base = { type: question.type, answered, skipped: total - answered };
  if (question.type === 'text') return base;
  const keys = valueKeys(question, dialogue);
  if (question.type === 'ranking') {
    return {
      ...base,
      firstChoices: withZeros(keys, state?.firstChoices),
      borda: withZeros(keys, state?.borda),
      meanRank: Object.fromEntries(
        keys.map((k) => [k, answered ? round((state?.rankSums?.[k] ?? 0) / answered, 2) : 0]),
      ),
    };
  }
  const counts = withZeros(keys, state?.counts);
  const result: QuestionResult = {
    ...base,
    counts,
    percentages: Object.fromEntries(keys.map((k) => [k, answered ? round((100 * (counts[k] ?? 0)) / answered) : 0])),
    byGroup: cells(state?.byGroup, keys, audience),
  };
  if (question.type !== 'rating') return result;
  const sum = keys.reduce((acc, k) => acc + Number(k) * (counts[k] ?? 0), 0);
  return { ...result, ...(answered ? { mean: round(sum / answered, 2), median: median(counts, answered) } : {}) };
}

/** P9: each alternative proposal across the questions that concern it. */
function alternatives(
  dialogue: Pick<Dialogue, 'format' | 'questions'>,
  questions: Record<string, QuestionResult>,
): AlternativeResult[] {
  if (dialogue.format.kind !== 'alternatives') return [];
  const ids = dialogue.format.alternatives.map((a) => a.id);
  return ids.map((id) => {
    const result: { -readonly [K in keyof AlternativeResult]: AlternativeResult[K] } = { id };
    for (const question of dialogue.questions) {
      const r = questions[question.id];
      if (!r) continue;
      if (question.type === 'single' && question.options.every((o) => ids.includes(o.id)))
        result.votes = (result.votes ?? 0) + (r.counts?.[id] ?? 0);
      if (question.type === 'ranking' && question.rankOf === 'alternatives') {
        result.firstChoices = (result.firstChoices ?? 0) + (r.firstChoices?.[id] ?? 0);
        result.borda = (result.borda ?? 0) + (r.borda?.[id] ?? 0);
        result.meanRank = r.meanRank?.[id];
      }
      if (question.type === 'rating' && question.concerns === id && r.mean !== undefined) result.ratingMean = r.mean;
    }
    return result;
  });
}

export interface ResultsBody {
  readonly dialogueId: string;
  readonly status: Dialogue['status'];
  readonly responseCount: number;
  /** P10: the responses by how they came in; they add up to `responseCount`. */
  readonly byMethod: Record<ResponseMethod, number>;
  readonly updatedAt: string | null;
  /** `hidden`: the dialogue shows its results after it closes; until then only the count. */
  readonly visibility: 'full' | 'hidden';
  readonly visibleFrom?: string;
  readonly questions: Record<string, QuestionResult>;
  readonly alternatives: AlternativeResult[];
  readonly participationPerDay: Array<{ date: string; responses: number }>;
  readonly respondentsByGroup: Record<string, number | Suppressed>;
  readonly reach?: { inside: number; outside: number; unknown: number; sharePercent: number | null };
}

function byMethod(state: AggregateState): Record<ResponseMethod, number> {
  const entered = Object.fromEntries(entryMethods.map((m) => [m, state.methods?.[m] ?? 0])) as Record<
    EntryMethod,
    number
  >;
  const other = Object.values(entered).reduce((a, b) => a + b, 0);
  return { web: state.responseCount - other, ...entered };
}

/** Results as the audience may see them: public ones follow the dialogue's visibility and suppress small groups. */
export function presentResults(
  dialogue: Pick<Dialogue, 'id' | 'status' | 'format' | 'questions' | 'targetGroup' | 'resultsVisibility' | 'closesAt'>,
  state: AggregateState,
  updatedAt: string | null,
  audience: Audience,
): ResultsBody {
  const base = {
    dialogueId: dialogue.id,
    status: dialogue.status,
    responseCount: state.responseCount,
    byMethod: byMethod(state),
    updatedAt,
  };
  if (audience.kind === 'public' && dialogue.resultsVisibility === 'after-close' && dialogue.status === 'open') {
    return {
      ...base,
      visibility: 'hidden',
      ...(dialogue.closesAt ? { visibleFrom: dialogue.closesAt } : {}),
      questions: {},
      alternatives: [],
      participationPerDay: [],
      respondentsByGroup: {},
    };
  }
  const questions = Object.fromEntries(
    dialogue.questions.map((q) => [
      q.id,
      questionResult(q, state.questions[q.id], state.responseCount, dialogue, audience),
    ]),
  );
  const { inside, outside, unknown } = state.reach;
  return {
    ...base,
    visibility: 'full',
    questions,
    alternatives: alternatives(dialogue, questions),
    participationPerDay: Object.entries(state.perDay)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, responses]) => ({ date, responses })),
    respondentsByGroup: ((hidden) =>
      Object.fromEntries(
        Object.entries(state.groups)
          .sort(byGroupOrder)
          .map(([group, n]) => [group, hidden.get(group) ?? n]),
      ))(hiddenGroups(Object.entries(state.groups), audience)),
    ...(dialogue.targetGroup?.criteria
      ? {
          reach: {
            inside,
            outside,
            unknown,
            sharePercent: inside + outside ? round((100 * inside) / (inside + outside)) : null,
          },
        }
      : {}),
  };
}
