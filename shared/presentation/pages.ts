import type { PublicDefinition } from '../dialogue/public-view';
import { catalogues } from '../messages/catalogue';
import { type FormState, form, receipt } from './form';
import { type Html, type Language, heading, html, plain, raw } from './html';
import { FAVICON_PATH, STYLESHEET_PATH } from './styles';

/** JSON inside a <script> element: `<` escaped so no text can close the element. */
const jsonScript = (id: string, value: unknown): Html =>
  raw(`<script type="application/json" id="${id}">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`);

/** A complete page: language, viewport, the shared styles, the content in a main landmark. */
export function htmlDocument(lang: Language, title: string, body: Html, scriptSrc?: string): string {
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="stylesheet" href="${STYLESHEET_PATH}" />
        <link rel="icon" href="${FAVICON_PATH}" type="image/svg+xml" />
        ${scriptSrc ? html`<script src="${scriptSrc}" defer></script>` : ''}
      </head>
      <body>
        <main class="md-root">${body}</main>
      </body>
    </html>`.value;
}

export interface PageLinks {
  readonly action: string;
  readonly switchLanguageHref: string;
  readonly resultsHref: string;
  readonly scriptSrc: string;
  /** Absolute: the fragment lives on the municipality's page. */
  readonly stylesheetHref: string;
}

/** `GET /form/{id}`: a complete page that works without JavaScript and is the iframe target. */
export function formPage(
  definition: PublicDefinition,
  state: Omit<FormState, 'topHeading' | 'action' | 'switchLanguageHref'>,
  links: PageLinks,
): string {
  const body = html`${form(definition, { ...state, topHeading: 1, action: links.action, switchLanguageHref: links.switchLanguageHref })}
    <template data-receipt-template>${receipt(definition, state.lang, 2, links.resultsHref, 'either')}</template>
    ${jsonScript('md-definition', definition)}`;
  // A re-rendered form with errors says so in its title, the first thing a screen reader reads (WCAG 3.3.1).
  const title = `${state.issues?.length ? `${catalogues[state.lang].form.errorPrefix} ` : ''}${plain(definition.title, state.lang)}`;
  return htmlDocument(state.lang, title, body, links.scriptSrc);
}

/** What embed.js puts in its shadow root: styles, the same form, the receipt to show, the definition. */
export function formFragment(
  definition: PublicDefinition,
  state: Omit<FormState, 'topHeading' | 'action' | 'switchLanguageHref'>,
  links: Omit<PageLinks, 'scriptSrc'>,
): string {
  // Hidden until its stylesheet has loaded (embed.js shows it), so no unstyled form flashes on the host page.
  return html`<link rel="stylesheet" href="${links.stylesheetHref}" />
    <div class="md-root" lang="${state.lang}" hidden>
      ${form(definition, { ...state, topHeading: 2, action: links.action, switchLanguageHref: links.switchLanguageHref })}
      <template data-receipt-template>${receipt(definition, state.lang, 3, links.resultsHref, 'either')}</template>
    </div>
    ${jsonScript('md-definition', definition)}`.value;
}

/** After a no-JavaScript post: the receipt as a page of its own. */
export function receiptPage(
  definition: PublicDefinition,
  lang: Language,
  willReceiveFeedback: boolean,
  resultsHref: string,
): string {
  return htmlDocument(
    lang,
    `${catalogues[lang].form.receiptHeading} – ${plain(definition.title, lang)}`,
    html`${receipt(definition, lang, 1, resultsHref, willReceiveFeedback)}`,
  );
}

export interface NoticeLink {
  readonly href: string;
  readonly label: string;
}

/** A notice: what it is about, in a sentence, and where to go on. */
export interface Notice {
  readonly title: string;
  readonly message: string;
  /** More to say under the message, its headings one level below the notice's own. */
  readonly details?: (level: number) => Html;
  readonly link?: NoticeLink;
}

const notice = (level: 1 | 2, { title, message, details, link }: Notice): Html =>
  html`${heading(level, title)}
    <p>${message}</p>
    ${details?.(level + 1)} ${link ? html`<p><a href="${link.href}">${link.label}</a></p>` : ''}`;

/** A page that says, in a sentence, why there is nothing else here. */
export function messagePage(lang: Language, said: Notice): string {
  return htmlDocument(lang, said.title, notice(1, said));
}

/** The same notice as a fragment for embed.js: no document, no main landmark, headings from h2. */
export function messageFragment(lang: Language, said: Notice, stylesheetHref: string): string {
  return html`<link rel="stylesheet" href="${stylesheetHref}" />
    <div class="md-root" lang="${lang}" hidden>${notice(2, said)}</div>`.value;
}
