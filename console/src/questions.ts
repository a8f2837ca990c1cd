import type { Question, QuestionType } from '../../shared/dialogue/questions';
import type { ConsoleCatalogue } from '../../shared/messages/console';

/** A fresh id not yet used among `taken` (`q3`, `o2`): ids only need to be unique and slug-shaped. */
const freshId = (prefix: string, taken: readonly { id: string }[]) => {
  let n = taken.length + 1;
  while (taken.some((x) => x.id === `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
};

const twoOptions = () => [
  { id: 'o1', label: { sv: '' } },
  { id: 'o2', label: { sv: '' } },
];

/** A new question of `type`, with what its type needs filled in so that only its texts remain to write. */
export function newQuestion(type: QuestionType, existing: readonly Question[], t: ConsoleCatalogue): Question {
  const base = { id: freshId('q', existing), label: { sv: '' }, required: false };
  switch (type) {
    case 'single':
      return { ...base, type, options: twoOptions() };
    case 'multiple':
      return { ...base, type, options: twoOptions(), maxChoices: 2 };
    case 'ranking':
      return { ...base, type, rankOf: 'options', options: twoOptions() };
    case 'rating':
      return { ...base, type, scale: { min: 1, max: 5, minLabel: { sv: t.scaleLow }, maxLabel: { sv: t.scaleHigh } } };
    case 'text':
      return { ...base, type, maxLength: 2000 };
    case 'yesno':
      return { ...base, type };
  }
}

/** The list with item `i` moved by `by` places (nothing moves past either end). */
export function moved<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return [...list];
  const next = [...list];
  [next[i], next[j]] = [next[j] as T, next[i] as T];
  return next;
}

export const without = <T>(list: readonly T[], i: number): T[] => list.filter((_, k) => k !== i);

type WithOptions = Extract<Question, { options?: unknown }>;
export const hasOptions = (q: Question): q is WithOptions & { options: NonNullable<WithOptions['options']> } =>
  'options' in q && Array.isArray(q.options);

/** Adds an option; a multiple-choice question may then allow as many choices as it has options. */
export function withOption(q: Question): Question {
  if (!hasOptions(q)) return q;
  const options = [...q.options, { id: freshId('o', q.options), label: { sv: '' } }];
  return q.type === 'multiple'
    ? { ...q, options, maxChoices: Math.min(q.maxChoices, options.length) }
    : { ...q, options };
}

export function withOptions(q: Question, options: NonNullable<WithOptions['options']>): Question {
  if (!hasOptions(q)) return q;
  return q.type === 'multiple'
    ? { ...q, options, maxChoices: Math.min(q.maxChoices, options.length) }
    : { ...q, options };
}
