import * as z from 'zod/mini';
import { ageBands, relations } from '../dialogue/profile';
import { languages } from '../messages/language';

/** One answer's value; its fit to the question is checked against the dialogue (validate.ts). */
const answerValue = z.union([
  z.string().check(z.maxLength(20_000)),
  z.number(),
  z.boolean(),
  z.array(z.string().check(z.maxLength(64))).check(z.maxLength(50)),
  z.null(),
]);

export const contactSchema = z.strictObject({
  email: z.email().check(z.maxLength(254)),
  consent: z.boolean(),
  language: z._default(z.enum(languages), 'sv'),
});

/** The name of the honeypot field: the form renders it invisibly, so only bots fill it in. */
export const HONEYPOT_FIELD = 'homepage';

export const responseBodySchema = z.strictObject({
  answers: z.record(z.string().check(z.maxLength(64)), answerValue),
  profile: z.optional(
    z.strictObject({
      relation: z.optional(z.array(z.enum(relations)).check(z.maxLength(relations.length))),
      ageBand: z.optional(z.enum(ageBands)),
      locality: z.optional(z.string().check(z.maxLength(100))),
    }),
  ),
  contact: z.optional(contactSchema),
  /** Chosen by the client once per filled-in form; a retry with the same id stores nothing new. */
  submissionId: z.uuid(),
  [HONEYPOT_FIELD]: z.optional(z.string().check(z.maxLength(2000))),
});
export type ResponseBody = z.infer<typeof responseBodySchema>;
export type Contact = z.infer<typeof contactSchema>;

export type AnswerValue = string | number | boolean | string[];
export interface Profile {
  readonly relation?: readonly string[];
  readonly ageBand?: string;
  readonly locality?: string;
}
