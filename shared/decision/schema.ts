import * as z from 'zod';
import { isoDate, localized, plainText, slugId } from '../dialogue/text';

/** Plain Swedish text, or Swedish and English: the contract's `"summary": "..."` and the bilingual form both work. */
const text = (max: number) => z.union([plainText(max).transform((sv) => ({ sv })), localized(max)]);

/** What the committee decided (P11): registered by an official of the lead committee, shown publicly, mailed to participants. */
export const decisionBodySchema = z.strictObject({
  summary: text(2000),
  motivation: text(5000),
  /** How the citizens' input was used in the decision. */
  inputUse: text(3000).optional(),
  decidedAt: isoDate,
  minutes: z.strictObject({ meeting: plainText(200), paragraph: plainText(40) }).optional(),
  caseNumber: plainText(40).optional(),
  link: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  /** In the alternatives format: the proposal the committee chose. */
  chosenAlternative: slugId.optional(),
});
export type DecisionBody = z.infer<typeof decisionBodySchema>;

export interface DecisionRecord extends DecisionBody {
  readonly registeredAt: string;
  readonly registeredBy: string;
}
