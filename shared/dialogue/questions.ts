import * as z from 'zod/mini';
import { localized, slugId } from './text';

export const questionTypes = ['single', 'multiple', 'rating', 'ranking', 'text', 'yesno'] as const;
export type QuestionType = (typeof questionTypes)[number];

export const MAX_TEXT_LENGTH = 5000;

const option = z.strictObject({ id: slugId, label: localized(300) });
export type Option = z.infer<typeof option>;
const options = z.array(option).check(z.minLength(2), z.maxLength(50));

const base = {
  id: slugId,
  required: z._default(z.boolean(), false),
  label: localized(500),
  help: z.optional(localized(1000)),
  /** In the alternatives format: the alternative this question is about, so results can compare alternatives. */
  concerns: z.optional(slugId),
};

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('single'), options }),
  z.strictObject({
    ...base,
    type: z.literal('multiple'),
    options,
    maxChoices: z.int().check(z.minimum(1), z.maximum(50)),
  }),
  z.strictObject({
    ...base,
    type: z.literal('rating'),
    scale: z.strictObject({
      min: z.int().check(z.minimum(0), z.maximum(10)),
      max: z.int().check(z.minimum(1), z.maximum(10)),
      minLabel: localized(100),
      maxLabel: localized(100),
    }),
  }),
  z.strictObject({
    ...base,
    type: z.literal('ranking'),
    /** Rank the question's own options, or the dialogue's alternative proposals. */
    rankOf: z.enum(['options', 'alternatives']),
    options: z.optional(options),
  }),
  z.strictObject({
    ...base,
    type: z.literal('text'),
    maxLength: z.int().check(z.minimum(1), z.maximum(MAX_TEXT_LENGTH)),
  }),
  z.strictObject({ ...base, type: z.literal('yesno') }),
]);
export type Question = z.infer<typeof questionSchema>;

/** Which of the optional profile questions (P1) a dialogue asks. */
export const profileQuestionsSchema = z.strictObject({
  relation: z._default(z.boolean(), true),
  ageBand: z._default(z.boolean(), true),
  locality: z._default(z.boolean(), true),
});
export type ProfileQuestions = z.infer<typeof profileQuestionsSchema>;
