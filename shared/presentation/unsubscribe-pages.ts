import type { Bilingual } from '../messages/language';
import { type Html, html } from './html';
import { htmlDocument } from './pages';

/** Both languages on one page: the link carries no language, and the reader may not read Swedish. */
const bilingual = (sv: Html, en: Html): Html =>
  html`${sv}
    <div lang="en">${en}</div>`;

export function unsubscribeConfirmPage(action: string): string {
  return htmlDocument(
    'sv',
    'Ta bort e-postadress',
    bilingual(
      html`<h1>Ta bort din e-postadress?</h1>
        <p>
          Vi använder adressen bara för att berätta resultatet och beslutet i dialogen. Tar du bort den får du inget
          mejl från oss om den.
        </p>
        <form method="post" action="${action}">
          <button type="submit" class="md-submit">Ta bort min e-postadress</button>
        </form>`,
      html`<h2>Remove your email address?</h2>
        <p>
          We use the address only to tell you the result and the decision of the dialogue. If you remove it, you will
          get no email from us about it.
        </p>
        <form method="post" action="${action}">
          <button type="submit" class="md-submit">Remove my email address</button>
        </form>`,
    ),
  );
}

/** After the removal: the dialogue's results page, in each language, is where the result and decision are found. */
export function unsubscribedPage(resultsHref: Bilingual): string {
  return htmlDocument(
    'sv',
    'E-postadressen är borttagen',
    bilingual(
      html`<h1>Din e-postadress är borttagen</h1>
        <p>Du får inga fler mejl om den här dialogen. Resultatet och beslutet finns på kommunens resultatsida.</p>
        <p><a href="${resultsHref.sv}">Till resultatsidan</a></p>`,
      html`<h2>Your email address is removed</h2>
        <p>
          You will get no more email about this dialogue. The result and the decision are on the municipality’s results
          page.
        </p>
        <p><a href="${resultsHref.en}">Go to the results page</a></p>`,
    ),
  );
}

export function badUnsubscribeLinkPage(): string {
  return htmlDocument(
    'sv',
    'Ogiltig länk',
    bilingual(
      html`<h1>Länken fungerar inte</h1>
        <p>
          Kontrollera att hela länken från mejlet kom med, eller kontakta kommunen så tar vi bort adressen åt dig.
        </p>`,
      html`<h2>The link does not work</h2>
        <p>
          Check that the whole link from the email was used, or contact the municipality and we will remove the address
          for you.
        </p>`,
    ),
  );
}
