import * as z from 'zod/mini';
import { ageBands, relations } from '../dialogue/profile';
import { isoDate, isoDateTime } from '../dialogue/text';
import { publicDecisionBody, publicDefinitionBody } from '../http-bodies';
import { responseMethods } from '../responses/methods';

/**
 * One response as the archive keeps it: its answers by question id and its profile answers as stored, how it came in,
 * the Swedish date it came in and whether the results count it. Nothing that could tie it to a person or a moment.
 */
export const exportedResponseSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    method: z.enum(responseMethods),
    receivedOn: isoDate,
    counted: z.boolean(),
    answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
    profile: z.strictObject({
      relation: z.optional(z.array(z.enum(relations))),
      ageBand: z.optional(z.enum(ageBands)),
      locality: z.optional(z.string()),
    }),
  }))();
export type ExportedResponse = z.infer<typeof exportedResponseSchema>;

/** The JSON export: the dialogue as citizens saw it, its decision once registered, then every response. */
export const exportFileSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    exportedAt: isoDateTime,
    about: z.strictObject({ sv: z.string(), en: z.string() }),
    dialogue: publicDefinitionBody,
    decision: z.optional(publicDecisionBody),
    responses: z.array(exportedResponseSchema),
    /** Last, since the file is written as the responses are read. */
    responseCount: z.int(),
  }))();
