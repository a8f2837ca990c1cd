import type { Localized } from '../dialogue/text';
import type { Issue } from '../errors';
import { catalogues } from '../messages/catalogue';
import { otherLanguage } from '../messages/language';
import { ratingCatalogues } from '../messages/rating';
import { ratingSurvey } from '../rating/survey';
import type { FormFields } from './form-body';
import { questionsForm } from './form';
import { type Language, html, plain } from './html';
import { htmlDocument } from './pages';

export interface RatingPageInput {
  readonly dialogueTitle: Localized;
  /** Where the form posts: the link itself, so the token is never in a body or a log of fields. */
  readonly action: string;
  readonly switchLanguageHref: string;
  /** A post that came back with problems: what was entered, and every problem. */
  readonly fields?: FormFields;
  readonly issues?: readonly Issue[];
}

const languageSwitch = (href: string, lang: Language) =>
  html`<p class="md-lang">
    <a href="${href}" lang="${otherLanguage(lang)}">${ratingCatalogues[lang].languageSwitch}</a>
  </p>`;

/** `GET /rating`: one question, 1–5, and a comment, posted without JavaScript (P14, the participants' own rating). */
export function ratingPage(input: RatingPageInput, lang: Language): string {
  const t = ratingCatalogues[lang];
  return htmlDocument(
    lang,
    // A post that came back with problems says so in its title, as the citizen's form does (WCAG 3.3.1).
    input.issues?.length ? `${catalogues[lang].form.errorPrefix} ${t.title}` : t.title,
    html`${languageSwitch(input.switchLanguageHref, lang)}
      <h1>${t.title}</h1>
      <p>${t.lead(plain(input.dialogueTitle, lang))}</p>
      ${questionsForm(ratingSurvey, {
        lang,
        fields: input.fields,
        issues: input.issues,
        topHeading: 1,
        action: input.action,
        submit: t.submit,
      })}`,
  );
}

/** After a rating, or for a link used before: said in a sentence, with the way to the result. */
export function ratedPage(lang: Language, already: boolean, resultsHref: string): string {
  const t = ratingCatalogues[lang];
  return htmlDocument(
    lang,
    already ? t.alreadyTitle : t.thanksTitle,
    html`<h1>${already ? t.alreadyTitle : t.thanksTitle}</h1>
      <p>${already ? t.already : t.thanks}</p>
      <p><a href="${resultsHref}">${t.resultsLink}</a></p>`,
  );
}

export function badRatingLinkPage(lang: Language): string {
  const t = ratingCatalogues[lang];
  return htmlDocument(lang, t.badTitle, html`<h1>${t.badTitle}</h1><p>${t.bad}</p>`);
}
