import type { ResultsBody } from '../aggregation/present';
import type { PublicDecision } from '../aggregation/results';
import type { PublicDefinition } from '../dialogue/public-view';
import { type Dialogue, isDecided } from '../dialogue/schema';
import { briefCatalogues } from '../messages/brief';
import { catalogues } from '../messages/catalogue';
import type { Language } from '../messages/language';
import { decisionBox } from './decision-box';
import { type Html, heading, html, longDate } from './html';
import type { Notice } from './pages';
import { resultsBrief } from './results-brief';

/** Why a dialogue shows no form, said once: it has ended (the notice leads to its results), it opens later, or it is not there. */
export interface NoForm extends Notice {
  readonly reason: 'ended' | 'not-open' | 'not-found';
}

/** What an ended dialogue has come to, as the public may see it. */
export interface Outcome {
  readonly definition: PublicDefinition;
  readonly results: ResultsBody & { readonly decision?: PublicDecision };
}

export function noForm(
  dialogue: Pick<Dialogue, 'status' | 'opensAt'> | undefined,
  now: Date,
  lang: Language,
  resultsHref: string,
): NoForm {
  const t = catalogues[lang].form;
  if (!dialogue || dialogue.status === 'draft')
    return { reason: 'not-found', title: t.notFoundHeading, message: t.notFound };
  if (dialogue.status === 'open' && dialogue.opensAt && Date.parse(dialogue.opensAt) > now.getTime())
    return { reason: 'not-open', title: t.notOpenHeading, message: t.opens(longDate(dialogue.opensAt, lang)) };
  // Closed, decided, or past its closing time: people come back to the municipality's page for the result (P12).
  const decided = isDecided(dialogue.status);
  return {
    reason: 'ended',
    title: decided ? t.decidedHeading : t.closedHeading,
    message: t.closedMessage,
    link: { href: resultsHref, label: decided ? t.decidedResultsLink : t.closedResultsLink },
  };
}

/** An ended dialogue's notice with what came of it, for the pages that show it (the form's page and fragment). */
export const withOutcome = (ended: NoForm, outcome: Outcome, lang: Language): NoForm => ({
  ...ended,
  details: (level: number) => outcomeDetails(outcome, lang, level),
});

/** The decision where there is one, else when it is expected; then the result in brief, once it may be shown. */
function outcomeDetails({ definition, results }: Outcome, lang: Language, level: number): Html {
  const plan = definition.conditions.decision;
  const brief = briefCatalogues[lang];
  return html`${
    results.decision
      ? decisionBox(definition, results.decision, lang, level)
      : plan
        ? html`<p>${catalogues[lang].form.receiptNext(plan.committeeName, longDate(plan.expectedDate, lang))}</p>`
        : ''
  }
  ${
    results.visibility === 'hidden'
      ? ''
      : html`<section class="md-brief" aria-labelledby="md-brief-heading">
          ${heading(level, brief.heading, 'md-brief-heading')}
          ${resultsBrief(definition, results, lang).map((line) => html`<p>${line}</p>`)}
        </section>`
  }`;
}
