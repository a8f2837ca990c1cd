import * as z from 'zod/mini';
import { isoDate, localized, plainText, slugId } from '../dialogue/text';

/** Plain Swedish text, or Swedish and English: the contract's `"summary": "..."` and the bilingual form both work. */
const text = (max: number) =>
  z.union([
    z.pipe(
      plainText(max),
      z.transform((sv: string) => ({ sv })),
    ),
    localized(max),
  ]);

/** What the committee decided (P11): registered by an official of the lead committee, shown publicly, mailed to participants. */
export const decisionBodySchema = z.strictObject({
  summary: text(2000),
  motivation: text(5000),
  /** How the citizens' input was used in the decision. */
  inputUse: z.optional(text(3000)),
  decidedAt: isoDate,
  minutes: z.optional(z.strictObject({ meeting: plainText(200), paragraph: plainText(40) })),
  caseNumber: z.optional(plainText(40)),
  link: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(2000))),
  /** In the alternatives format: the proposal the committee chose. */
  chosenAlternative: z.optional(slugId),
});
export type DecisionBody = z.infer<typeof decisionBodySchema>;

export interface DecisionRecord extends DecisionBody {
  readonly registeredAt: string;
  readonly registeredBy: string;
}
