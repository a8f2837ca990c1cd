import * as z from 'zod/mini';
import { plainText } from '../dialogue/text';

/** How well a part of the dialogue went, in the committee's own judgement. */
export const judgements = ['yes', 'partly', 'no'] as const;
export type Judgement = (typeof judgements)[number];

const judged = /* @__PURE__ */ (() =>
  z.strictObject({ answer: z.enum(judgements), comment: z.optional(plainText(3000)) }))();

/**
 * P14: the lead committee's own evaluation after the feedback, on the questions public guidance asks (SKR's
 * "Medborgardialog – demokrati och delaktighet", the guideline's own purpose): did the dialogue reach its purpose,
 * was the method right, was it accessible, and who took part and who did not; then what worked and what to change.
 */
export const evaluationBodySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    purpose: judged,
    method: judged,
    accessibility: judged,
    representation: z.strictObject({ reached: plainText(3000), missed: plainText(3000) }),
    worked: z.optional(plainText(3000)),
    change: z.optional(plainText(3000)),
  }))();
export type EvaluationBody = z.infer<typeof evaluationBodySchema>;

export interface EvaluationRecord extends EvaluationBody {
  readonly evaluatedAt: string;
  readonly evaluatedBy: string;
}
