import type { PublicDecision } from '../aggregation/results';
import type { PublicDefinition } from '../dialogue/public-view';
import type { Localized } from '../dialogue/text';
import { catalogues } from '../messages/catalogue';
import { resultsCatalogues } from '../messages/results';
import { summaryNames, swedishOnly } from './decision-text';
import { type Html, type Language, heading, html, longDate, plain, text } from './html';

/** P3, P12: the committee's decision, first on the results page once it is registered, and in the embed after it. */
export function decisionBox(
  definition: PublicDefinition,
  decision: PublicDecision,
  lang: Language,
  level: number,
): Html {
  const r = resultsCatalogues[lang];
  const alternatives = definition.format.kind === 'alternatives' ? definition.format.alternatives : [];
  const chosen = alternatives.find((a) => a.id === decision.chosenAlternative);
  const committee = definition.conditions.decision?.committeeName;
  // Said once: the chosen proposal gets a line of its own only when the summary does not already name it.
  const sayChosen = chosen && !summaryNames(plain(decision.summary, lang), plain(chosen.title, lang));
  // Where the decision was written only in Swedish, an English reader is told so, besides the lang="sv" marks.
  const inSwedish = (value: Localized | undefined) => (swedishOnly(value, lang) ? html` ${r.inSwedish}` : '');
  return html`<section class="md-decision" aria-labelledby="md-decision-heading">
    ${heading(level, r.decisionHeading, 'md-decision-heading')}
    ${committee ? html`<p>${r.decidedBy(committee, longDate(decision.decidedAt, lang))}</p>` : ''}
    ${swedishOnly(decision.summary, lang) ? html`<p class="md-note">${r.swedishOnly}</p>` : ''}
    <p>${text(decision.summary, lang)}</p>
    ${sayChosen ? html`<p>${r.chosen}: <strong>${text(chosen.title, lang)}</strong></p>` : ''}
    ${heading(level + 1, html`${r.motivation}${inSwedish(decision.motivation)}`)}
    <p>${text(decision.motivation, lang)}</p>
    ${
      decision.inputUse
        ? html`${heading(level + 1, html`${r.inputUse}${inSwedish(decision.inputUse)}`)}
            <p>${text(decision.inputUse, lang)}</p>`
        : ''
    }
    ${decision.minutes ? html`<p>${r.minutes}: ${decision.minutes.meeting}, ${decision.minutes.paragraph}</p>` : ''}
    ${decision.caseNumber ? html`<p>${catalogues[lang].form.caseNumber}: ${decision.caseNumber}</p>` : ''}
    ${decision.link ? html`<p><a href="${decision.link}">${r.decisionLink}</a></p>` : ''}
  </section>`;
}
