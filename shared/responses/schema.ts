import * as z from 'zod';
import { ageBands, relations } from '../dialogue/profile';

/** One answer's value; its fit to the question is checked against the dialogue (validate.ts). */
const answerValue = z.union([z.string().max(20_000), z.number(), z.boolean(), z.array(z.string().max(64)).max(50), z.null()]);

export const contactSchema = z.strictObject({
  email: z.email().max(254),
  consent: z.boolean(),
  language: z.enum(['sv', 'en']).default('sv'),
});

/** The name of the honeypot field: the form renders it invisibly, so only bots fill it in. */
export const HONEYPOT_FIELD = 'homepage';

export const responseBodySchema = z.strictObject({
  answers: z.record(z.string().max(64), answerValue),
  profile: z
    .strictObject({
      relation: z.array(z.enum(relations)).max(relations.length).optional(),
      ageBand: z.enum(ageBands).optional(),
      locality: z.string().max(100).optional(),
    })
    .optional(),
  contact: contactSchema.optional(),
  /** Chosen by the client once per filled-in form; a retry with the same id stores nothing new. */
  submissionId: z.uuid(),
  [HONEYPOT_FIELD]: z.string().max(2000).optional(),
});
export type ResponseBody = z.infer<typeof responseBodySchema>;
export type Contact = z.infer<typeof contactSchema>;

export type AnswerValue = string | number | boolean | string[];
export interface Profile {
  readonly relation?: readonly string[];
  readonly ageBand?: string;
  readonly locality?: string;
}
