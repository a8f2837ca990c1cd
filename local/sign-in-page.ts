import type { Language } from '../shared/messages/language';
import type { Committee } from '../shared/municipality';
import { html, raw } from '../shared/presentation/html';
import { htmlDocument } from '../shared/presentation/pages';
import type { AuthorizeRequest } from './oidc';
import { signInCatalogues } from './sign-in-messages';

/** The local sign-in page: the app's request rides along in hidden fields, so the POST can finish it. */
export function signInPage(
  lang: Language,
  asked: AuthorizeRequest,
  committees: readonly Committee[],
  state: { noneChosen?: boolean } = {},
): string {
  const t = signInCatalogues[lang];
  const hidden = Object.entries(asked).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
  );
  const described = state.noneChosen ? raw(' aria-describedby="md-none-chosen"') : raw('');
  return htmlDocument(
    lang,
    t.title,
    html`<h1>${t.heading}</h1>
      <p>${t.lead}</p>
      <form method="post">
        ${hidden}
        <fieldset class="md-question"${described}>
          <legend>${t.committees}</legend>
          ${state.noneChosen ? html`<p class="md-error" id="md-none-chosen" role="alert">${t.noneChosen}</p>` : ''}
          ${committees.map(
            (c) =>
              html`<div class="md-choice">
                <input type="checkbox" id="md-committee-${c.id}" name="committee" value="${c.id}" /><label
                  for="md-committee-${c.id}"
                  >${c.name}</label
                >
              </div>`,
          )}
          <div class="md-choice">
            <input type="checkbox" id="md-admin" name="admin" /><label for="md-admin">${t.admin}</label>
          </div>
        </fieldset>
        <div class="md-question">
          <label class="md-label" for="md-email">${t.email}</label>
          <input type="email" id="md-email" name="email" autocomplete="email" />
        </div>
        <p>
          <button type="submit" class="md-submit">${t.signIn}</button>
          <button type="submit" name="cancel" value="1" class="md-secondary">${t.cancel}</button>
        </p>
      </form>`,
  );
}

export function signInRefusedPage(lang: Language, fields: readonly string[]): string {
  const t = signInCatalogues[lang];
  return htmlDocument(lang, t.refusedTitle, html`<h1>${t.refusedTitle}</h1><p>${t.refused(fields.join(', '))}</p>`);
}

export function signedOutPage(lang: Language): string {
  const t = signInCatalogues[lang];
  return htmlDocument(lang, t.signedOutTitle, html`<h1>${t.signedOutTitle}</h1><p>${t.signedOut}</p>`);
}
