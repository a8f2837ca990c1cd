import type { PublicDefinition } from '../dialogue/public-view';
import type { AnswerableDialogue } from '../responses/validate';
import { ratingCatalogues as t } from '../messages/rating';

export const HEARD = 'heard';
export const COMMENT = 'comment';

/**
 * The rating as a one-question survey, so its page, its no-JS post and its checks are the citizen's form's own:
 * the same fields, the same error summary, the same words for every problem.
 */
export const ratingSurvey = {
  format: { kind: 'single-question' },
  profileQuestions: { relation: false, ageBand: false, locality: false },
  questions: [
    {
      id: HEARD,
      type: 'rating',
      required: true,
      label: { sv: t.sv.question, en: t.en.question },
      scale: {
        min: 1,
        max: 5,
        minLabel: { sv: t.sv.minLabel, en: t.en.minLabel },
        maxLabel: { sv: t.sv.maxLabel, en: t.en.maxLabel },
      },
    },
    {
      id: COMMENT,
      type: 'text',
      required: false,
      maxLength: 1000,
      label: { sv: t.sv.comment, en: t.en.comment },
      help: { sv: t.sv.commentHelp, en: t.en.commentHelp },
    },
  ],
} as const satisfies AnswerableDialogue & Pick<PublicDefinition, 'questions'>;
