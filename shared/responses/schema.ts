import * as z from 'zod/mini';
import { ageBands, relations } from '../dialogue/profile';
import { languages } from '../messages/language';
import { entryMethods } from './methods';

/*
 * The schemas are marked pure (esbuild cannot see through zod/mini's re-exports that its constructors are), so the
 * browser script, which checks answers without them (validate.ts), bundles no zod at all.
 */

/**
 * What the server and the browser both take for an email address: zod's own default pattern for `z.email()`
 * (a test keeps them in step), named here so the browser can check an address before sending without bundling zod.
 */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** One answer's value; its fit to the question is checked against the dialogue (validate.ts). */
const answerValue = /* @__PURE__ */ (() =>
  z.union([
    z.string().check(z.maxLength(20_000)),
    z.number(),
    z.boolean(),
    z.array(z.string().check(z.maxLength(64))).check(z.maxLength(50)),
    z.null(),
  ]))();

export const contactSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    email: z.email({ pattern: EMAIL_PATTERN }).check(z.maxLength(254)),
    consent: z.boolean(),
    language: z._default(z.enum(languages), 'sv'),
  }))();

/** The name of the honeypot field: the form renders it invisibly, so only bots fill it in. */
export const HONEYPOT_FIELD = 'homepage';

export const responseBodySchema = /* @__PURE__ */ (() =>
  z.strictObject({
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
  }))();
/** P10: a response an official enters from a paper form or a meeting; a contact only where consent was given on paper. */
export const enteredResponseSchema = /* @__PURE__ */ (() =>
  z.extend(z.omit(responseBodySchema, { [HONEYPOT_FIELD]: true }), { method: z.enum(entryMethods) }))();

export type ResponseBody = z.infer<typeof responseBodySchema>;
export type Contact = z.infer<typeof contactSchema>;

export type AnswerValue = string | number | boolean | string[];
export interface Profile {
  readonly relation?: readonly string[];
  readonly ageBand?: string;
  readonly locality?: string;
}
