import { otherLanguage } from '../messages/language';
import type { QuestionResult, ResultsBody } from '../aggregation/present';
import type { PublicDecision } from '../aggregation/results';
import type { PublicDefinition } from '../dialogue/public-view';
import { catalogues, groupName } from '../messages/catalogue';
import { resultsCatalogues } from '../messages/results';
import { decisionBox } from './decision-box';
import { conditions } from './form';
import { type Html, type Language, html, longDate, plain, text } from './html';
import { bars, figureTable, row } from './figure-parts';
import { htmlDocument } from './pages';

type Question = PublicDefinition['questions'][number];

/** The label of each value a question's counts are keyed by. */
function valueLabel(question: Question, value: string, lang: Language): Html {
  const r = resultsCatalogues[lang];
  if (question.type === 'yesno') return html`${value === 'true' ? r.yes : r.no}`;
  if (question.type === 'rating') {
    const { min, max, minLabel, maxLabel } = question.scale;
    const n = Number(value);
    return n === min
      ? html`${value} – ${text(minLabel, lang)}`
      : n === max
        ? html`${value} – ${text(maxLabel, lang)}`
        : html`${value}`;
  }
  const option = 'options' in question ? question.options?.find((o) => o.id === value) : undefined;
  return option ? text(option.label, lang) : html`${value}`;
}

function countsTable(question: Question, result: QuestionResult, lang: Language, caption: Html): Html {
  const r = resultsCatalogues[lang];
  const entries = Object.entries(result.counts ?? {});
  return html`${bars(
    entries.map(([value, count]) => ({
      label: valueLabel(question, value, lang),
      percent: result.percentages?.[value] ?? 0,
      count,
    })),
    lang,
  )}
  ${figureTable(
    plain(question.label, lang),
    caption,
    [r.option, r.count, r.percent],
    entries.map(([value, count]) =>
      row(valueLabel(question, value, lang), [r.number(count), r.percentage(result.percentages?.[value] ?? 0)]),
    ),
  )}
  ${result.mean !== undefined ? html`<p>${r.mean(result.mean)}. ${result.median !== undefined ? r.median(result.median) : ''}.</p>` : ''}`;
}

function rankingTable(question: Question, result: QuestionResult, lang: Language, caption: Html): Html {
  const r = resultsCatalogues[lang];
  const ids = Object.keys(result.borda ?? {}).sort((a, b) => (result.borda?.[b] ?? 0) - (result.borda?.[a] ?? 0));
  return html`${figureTable(
    plain(question.label, lang),
    caption,
    [r.alternative, r.firstChoices, r.meanRank, r.borda],
    ids.map((id) =>
      row(valueLabel(question, id, lang), [
        r.number(result.firstChoices?.[id] ?? 0),
        r.number(result.meanRank?.[id] ?? 0),
        r.number(result.borda?.[id] ?? 0),
      ]),
    ),
  )}
    <p class="md-help">${r.rankingNote}</p>`;
}

function breakdown(question: Question, result: QuestionResult, lang: Language): Html {
  const r = resultsCatalogues[lang];
  const groups = Object.entries(result.byGroup ?? {});
  if (groups.length === 0) return html``;
  const values = Object.keys(result.counts ?? {});
  const dimensions = ['relation', 'ageBand', 'locality'] as const;
  return html`<details>
    <summary>${r.breakdownSummary}</summary>
    ${dimensions.map((dimension) => {
      const rows = groups.filter(([g]) => g.startsWith(`${dimension}:`));
      if (rows.length === 0) return '';
      return figureTable(
        `${plain(question.label, lang)} – ${r.groups[dimension]}`,
        html`${text(question.label, lang)} – ${r.groups[dimension]}`,
        [r.group, r.respondents, ...values.map((v) => valueLabel(question, v, lang))],
        rows.map(([group, cell]) =>
          'suppressed' in cell
            ? html`<tr><th scope="row">${groupName(group, lang)}</th><td colspan="${values.length + 1}">${'fewerThan' in cell ? r.suppressed(cell.fewerThan) : r.complementary}</td></tr>`
            : row(groupName(group, lang), [
                r.number(cell.respondents),
                ...values.map((v) => r.number(cell.counts[v] ?? 0)),
              ]),
        ),
      );
    })}
  </details>`;
}

function questionSection(question: Question, result: QuestionResult | undefined, lang: Language): Html {
  const r = resultsCatalogues[lang];
  if (!result) return html``;
  const caption = text(question.label, lang);
  const body =
    question.type === 'text'
      ? html`<p>${r.textCount(result.answered)}</p>`
      : question.type === 'ranking'
        ? rankingTable(question, result, lang, caption)
        : html`${countsTable(question, result, lang, caption)}${breakdown(question, result, lang)}`;
  return html`<section class="md-question">
    <h3>${text(question.label, lang)}</h3>
    <p class="md-help">${r.answered(result.answered, result.skipped)}</p>
    ${body}
  </section>`;
}

/** P10: the responses by how they came in, and the total. */
function methodsTable(results: ResultsBody, lang: Language): Html {
  const r = resultsCatalogues[lang];
  const { web, paper, meeting } = results.byMethod;
  return html`<h2>${r.methodsHeading}</h2>
    ${figureTable(
      r.methodsHeading,
      r.methodsHeading,
      [r.method, r.count],
      [
        row(r.methods.web, [r.number(web)]),
        row(r.methods.paper, [r.number(paper)]),
        row(r.methods.meeting, [r.number(meeting)]),
        row(html`<strong>${r.methods.total}</strong>`, [html`<strong>${r.number(results.responseCount)}</strong>`]),
      ],
    )}`;
}

/**
 * The figures of visible results: each chart with its table, the breakdowns, reach and participation, by method and
 * per day. The public page and the officials' console (live results, the committee's report) show the same.
 */
export function resultsFigures(definition: PublicDefinition, results: ResultsBody, lang: Language): Html {
  const r = resultsCatalogues[lang];
  const threshold = Object.values(results.questions)
    .flatMap((q) => Object.values(q.byGroup ?? {}))
    .find((c) => 'fewerThan' in c);
  const alternatives = definition.format.kind === 'alternatives' ? definition.format.alternatives : [];
  const figure = (n: number | undefined) => (n === undefined ? '–' : r.number(n));
  return html`${
    alternatives.length && results.alternatives.length
      ? html`<h2>${r.alternativesHeading}</h2>
                    ${figureTable(
                      r.alternativesHeading,
                      r.alternativesHeading,
                      [r.alternative, r.votes, r.firstChoices, r.borda, r.ratingMean],
                      results.alternatives.map((a) =>
                        row(text(alternatives.find((x) => x.id === a.id)?.title, lang), [
                          figure(a.votes),
                          figure(a.firstChoices),
                          figure(a.borda),
                          figure(a.ratingMean),
                        ]),
                      ),
                    )}`
      : ''
  }
            <h2>${catalogues[lang].form.questionsHeading}</h2>
            ${definition.questions.map((q) => questionSection(q, results.questions[q.id], lang))}
            ${threshold && 'fewerThan' in threshold ? html`<p class="md-note">${r.suppressionNote(threshold.fewerThan)}</p>` : ''}
            ${
              results.reach
                ? html`<h2>${r.reachHeading}</h2>
                    <p>
                      ${r.reach(results.reach.sharePercent, results.reach.inside, results.reach.outside, results.reach.unknown)}
                    </p>`
                : ''
            }
            ${
              results.participationPerDay.length
                ? html`<h2>${r.participationHeading}</h2>
                    ${figureTable(
                      r.participationHeading,
                      r.participationHeading,
                      [r.date, r.count],
                      results.participationPerDay.map((d) => row(longDate(d.date, lang), [r.number(d.responses)])),
                    )}`
                : ''
            }${methodsTable(results, lang)}`;
}

export interface ResultsPageLinks {
  readonly switchLanguageHref: string;
}

/** `GET /results/{id}`: the numbers for everyone, with the conditions and the decision (P2, P3, P12). */
export function resultsPage(
  definition: PublicDefinition,
  results: ResultsBody & { decision?: PublicDecision },
  lang: Language,
  links: ResultsPageLinks,
): string {
  const r = resultsCatalogues[lang];
  const body = html`<p class="md-lang">
      <a href="${links.switchLanguageHref}" lang="${otherLanguage(lang)}">${r.languageSwitch}</a>
    </p>
    <h1>${r.heading}: ${text(definition.title, lang)}</h1>
    <p>
      ${r.status[results.status]} ${r.responses(results.responseCount)}
      ${results.updatedAt ? r.updated(longDate(results.updatedAt, lang)) : r.notYetUpdated}
    </p>
    ${results.decision ? decisionBox(definition, results.decision, lang, 2) : ''}
    ${
      results.visibility === 'hidden'
        ? html`<p><strong>${r.hidden(results.visibleFrom ? longDate(results.visibleFrom, lang) : '')}</strong></p>`
        : resultsFigures(definition, results, lang)
    }
    ${conditions(definition, lang, 2)}`;
  return htmlDocument(lang, `${r.heading}: ${plain(definition.title, lang)}`, body);
}
