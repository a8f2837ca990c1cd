import QRCode from 'qrcode';
import type { PublicDefinition } from '../dialogue/public-view';
import { catalogues } from '../messages/catalogue';
import { invitationCatalogues } from '../messages/invitation';
import type { Language } from '../messages/language';
import { type Html, html, longDate, plain, raw, text } from './html';

/** Where the invitation leads: the form's own page, in the invitation's language. */
export interface InvitationTarget {
  readonly formUrl: string;
  readonly municipality: string;
}

/** The QR code as SVG (node-qrcode), with a quiet zone; error correction M survives a scuffed printout. */
const qrSvg = (url: string): Promise<string> =>
  QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });

/** The conditions in brief, as lines: the degree of influence, who decides and when, and the feedback promise. */
function briefConditions(definition: PublicDefinition, lang: Language): string[] {
  const t = invitationCatalogues[lang];
  const form = catalogues[lang].form;
  const { influence, decision, feedbackPromise } = definition.conditions;
  return [
    influence && t.influence(influence.levelName[lang]),
    influence && t.canChange(plain(influence.canChange, lang)),
    decision && form.decidesOn(decision.committeeName, longDate(decision.expectedDate, lang)),
    feedbackPromise && t.feedback(longDate(feedbackPromise.byDate, lang)),
  ].filter((line): line is string => Boolean(line));
}

/**
 * A poster for libraries and notice boards, one A4 page: the question, the conditions in brief, the closing date
 * and a QR code to the form. Its top heading is h2: it sits under the console's page heading.
 */
export async function poster(definition: PublicDefinition, lang: Language, target: InvitationTarget): Promise<Html> {
  const t = invitationCatalogues[lang];
  return html`<article class="md-poster" lang="${lang}" aria-labelledby="md-poster-title">
    <p class="md-poster-kicker">${t.posterKicker(target.municipality)}</p>
    <h2 id="md-poster-title">${text(definition.title, lang)}</h2>
    <p class="md-poster-question">${text(definition.conditions.question, lang)}</p>
    ${definition.summary ? html`<p>${text(definition.summary, lang)}</p>` : ''}
    <ul class="md-poster-conditions">
      ${briefConditions(definition, lang).map((line) => html`<li>${line}</li>`)}
    </ul>
    ${definition.closesAt ? html`<p class="md-poster-closes">${t.closesBy(longDate(definition.closesAt, lang))}</p>` : ''}
    <div class="md-poster-answer">
      <div class="md-poster-qr" role="img" aria-label="${t.qrLabel(target.formUrl)}">
        ${raw(await qrSvg(target.formUrl))}
      </div>
      <p>${t.howToAnswer} <span class="md-poster-url">${target.formUrl}</span></p>
    </div>
    <p>${t.anonymous}</p>
  </article>`;
}

/** A short invitation for the municipality's own channels (web news, social media, newsletters): plain text. */
export function invitationText(definition: PublicDefinition, lang: Language, target: InvitationTarget): string {
  const t = invitationCatalogues[lang];
  const closes = definition.closesAt ? longDate(definition.closesAt, lang) : undefined;
  return [
    t.textOpening(plain(definition.title, lang)),
    [plain(definition.conditions.question, lang), plain(definition.summary, lang)].filter(Boolean).join(' '),
    briefConditions(definition, lang).join(' '),
    closes ? t.textAnswer(target.formUrl, closes) : target.formUrl,
    t.anonymous,
  ]
    .filter(Boolean)
    .join('\n\n');
}
