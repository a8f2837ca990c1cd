import * as z from 'zod';
import { localized, slugId } from './text';

export const questionTypes = ['single', 'multiple', 'rating', 'ranking', 'text', 'yesno'] as const;
export type QuestionType = (typeof questionTypes)[number];

export const MAX_TEXT_LENGTH = 5000;

const option = z.strictObject({ id: slugId, label: localized(300) });
export type Option = z.infer<typeof option>;
const options = z.array(option).min(2).max(50);

const base = {
  id: slugId,
  required: z.boolean().default(false),
  label: localized(500),
  help: localized(1000).optional(),
  /** In the alternatives format: the alternative this question is about, so results can compare alternatives. */
  concerns: slugId.optional(),
};

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('single'), options }),
  z.strictObject({ ...base, type: z.literal('multiple'), options, maxChoices: z.int().min(1).max(50) }),
  z.strictObject({
    ...base,
    type: z.literal('rating'),
    scale: z.strictObject({ min: z.int().min(0).max(10), max: z.int().min(1).max(10), minLabel: localized(100), maxLabel: localized(100) }),
  }),
  z.strictObject({
    ...base,
    type: z.literal('ranking'),
    /** Rank the question's own options, or the dialogue's alternative proposals. */
    rankOf: z.enum(['options', 'alternatives']),
    options: options.optional(),
  }),
  z.strictObject({ ...base, type: z.literal('text'), maxLength: z.int().min(1).max(MAX_TEXT_LENGTH) }),
  z.strictObject({ ...base, type: z.literal('yesno') }),
]);
export type Question = z.infer<typeof questionSchema>;

/** Which of the optional profile questions (P1) a dialogue asks. */
export const profileQuestionsSchema = z.strictObject({
  relation: z.boolean().default(true),
  ageBand: z.boolean().default(true),
  locality: z.boolean().default(true),
});
export type ProfileQuestions = z.infer<typeof profileQuestionsSchema>;
