import type { Bilingual, Language } from '../messages/language';
import { unsubscribeCatalogues } from '../messages/unsubscribe';
import { type Html, heading, html } from './html';
import { htmlDocument } from './pages';

type Texts = (typeof unsubscribeCatalogues)['sv'];

/** Both languages on one page, Swedish first with the h1, English marked as such below. */
function bilingual(title: (t: Texts) => string, part: (t: Texts, lang: Language, level: 1 | 2) => Html): string {
  return htmlDocument(
    'sv',
    title(unsubscribeCatalogues.sv),
    html`${part(unsubscribeCatalogues.sv, 'sv', 1)}
      <div lang="en">${part(unsubscribeCatalogues.en, 'en', 2)}</div>`,
  );
}

/** Where the result and the decision are, in the reader's language. */
const resultsLink = (t: Texts, href: string): Html =>
  html`<p>${t.resultsWhere}</p>
    <p><a href="${href}">${t.resultsLink}</a></p>`;

/** Asks before deleting (RFC 8058: the GET changes nothing); the POST goes to the same signed URL. */
export function unsubscribeConfirmPage(action: string, resultsHref: Bilingual): string {
  return bilingual(
    (t) => t.confirmTitle,
    (t, lang, level) =>
      html`${heading(level, t.confirmHeading)}
        <p>${t.confirmMessage}</p>
        <form method="post" action="${action}">
          <button type="submit" class="md-submit">${t.confirmButton}</button>
        </form>
        ${resultsLink(t, resultsHref[lang])}`,
  );
}

/** After the removal, or when the address was gone already (a used link, or deleted after the feedback). */
export function unsubscribedPage(resultsHref: Bilingual, already: boolean): string {
  return bilingual(
    (t) => (already ? t.alreadyTitle : t.removedTitle),
    (t, lang, level) =>
      html`${heading(level, already ? t.alreadyHeading : t.removedHeading)}
        <p>${already ? t.alreadyMessage : t.removedMessage}</p>
        ${resultsLink(t, resultsHref[lang])}`,
  );
}

export function badUnsubscribeLinkPage(): string {
  return bilingual(
    (t) => t.badTitle,
    (t, _lang, level) =>
      html`${heading(level, t.badHeading)}
        <p>${t.badMessage}</p>`,
  );
}
