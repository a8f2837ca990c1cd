import type { RegisterEntry, RegisterFilter } from '../dialogue/register';
import { catalogues } from '../messages/catalogue';
import { otherLanguage } from '../messages/language';
import { registerCatalogues } from '../messages/register';
import { type Html, type Language, html, longDate, raw, text } from './html';
import { htmlDocument } from './pages';

export interface RegisterPageInput {
  readonly entries: ReadonlyArray<RegisterEntry & { readonly resultsUrl: string }>;
  readonly filter: RegisterFilter;
  readonly committees: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly years: readonly number[];
  readonly switchLanguageHref: string;
}

const option = (value: string, label: string, chosen: boolean): Html =>
  html`<option value="${value}"${raw(chosen ? ' selected' : '')}>${label}</option>`;

function select(name: string, label: string, all: string, options: ReadonlyArray<[string, string]>, chosen?: string) {
  return html`<div class="md-question">
    <label class="md-label" for="md-filter-${name}">${label}</label>
    <select id="md-filter-${name}" name="${name}">
      ${option('', all, !chosen)} ${options.map(([value, name]) => option(value, name, value === chosen))}
    </select>
  </div>`;
}

/** `GET /dialoger`: the register as a page, filtered by a plain GET form (no script). */
export function registerPage(input: RegisterPageInput, lang: Language): string {
  const r = registerCatalogues[lang];
  const levels = catalogues[lang].influenceLevels;
  const date = (iso: string | undefined) => (iso ? longDate(iso, lang) : r.notYet);
  const statuses = Object.entries(r.statuses) as Array<[string, string]>;
  const body = html`<p class="md-lang">
      <a href="${input.switchLanguageHref}" lang="${otherLanguage(lang)}">${r.languageSwitch}</a>
    </p>
    <h1>${r.title}</h1>
    <p>${r.lead}</p>
    <form method="get" class="md-register-filter" aria-label="${r.filterHeading}">
      <input type="hidden" name="lang" value="${lang}" />
      ${select(
        'committee',
        r.committee,
        r.all,
        input.committees.map((c) => [c.id, c.name]),
        input.filter.committee,
      )}
      ${select('status', r.status, r.all, statuses, input.filter.status)}
      ${select(
        'year',
        r.year,
        r.all,
        input.years.map((y) => [String(y), String(y)]),
        input.filter.year ? String(input.filter.year) : undefined,
      )}
      <button type="submit" class="md-submit">${r.show}</button>
    </form>
    ${
      input.entries.length === 0
        ? html`<p role="status">${r.none}</p>`
        : html`<div class="md-table" role="region" tabindex="0" aria-label="${r.title}">
            <table>
              <caption>
                <span class="md-caption">${r.caption(input.entries.length)}</span>
              </caption>
              <thead>
                <tr>
                  ${Object.values(r.columns).map((c) => html`<th scope="col">${c}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${input.entries.map(
                  (e) =>
                    html`<tr data-dialogue="${e.id}" data-feedback="${e.feedback.state}">
                      <th scope="row"><a href="${e.resultsUrl}">${text(e.title, lang)}</a></th>
                      <td>${r.statuses[e.status]}</td>
                      <td>${e.leadCommittee.name}</td>
                      <td>${e.influenceLevel ? levels[e.influenceLevel] : r.notYet}</td>
                      <td>${date(e.openedAt)}</td>
                      <td>${date(e.closedAt ?? e.closesAt)}</td>
                      <td>${date(e.decidedAt)}</td>
                      <td>
                        <strong>${r.feedback[e.feedback.state]}</strong>${e.feedback.promisedBy ? html`, ${r.promised(longDate(e.feedback.promisedBy, lang))}` : ''}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }`;
  return htmlDocument(lang, r.title, body);
}
