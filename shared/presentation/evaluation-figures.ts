import type { DialogueFigures } from '../evaluation/figures';
import { SCORES } from '../evaluation/figures';
import type { CommitteeYear, YearEvaluation } from '../evaluation/year';
import { influenceLevels, methods } from '../dialogue/schema';
import { catalogues, groupName } from '../messages/catalogue';
import { evaluationCatalogues } from '../messages/evaluation';
import { formatNumber, formatPercent } from '../messages/format';
import { registerCatalogues } from '../messages/register';
import { bars, figureTable, row } from './figure-parts';
import { type Html, type Language, heading, html, longDate, text } from './html';

/*
 * P14's figures as markup, for the console's evaluation views and the printable yearly report: every chart beside
 * its table, Swedish number formats, headings from the level the caller gives.
 */

const num = (n: number, lang: Language) => formatNumber(n, lang);
const pct = (p: number | null | undefined, lang: Language, none: string) =>
  p === null || p === undefined ? none : formatPercent(p, lang);
const section = (level: number, id: string, title: string, body: Html) =>
  html`<section class="md-eval-section" aria-labelledby="${id}">${heading(level, title, id)}${body}</section>`;

function participation(f: DialogueFigures, lang: Language, level: number): Html {
  const p = evaluationCatalogues[lang].page;
  const channels = (['web', 'paper', 'meeting'] as const).map((c) => ({ c, n: f.participation.byMethod[c] }));
  const total = f.participation.total;
  return section(
    level,
    'md-eval-participation',
    p.participation,
    html`${bars(
      channels.map(({ c, n }) => ({ label: html`${p.channels[c]}`, percent: total ? (100 * n) / total : 0, count: n })),
      lang,
    )}${figureTable(
      p.participation,
      p.participation,
      [p.channel, p.responses],
      [...channels.map(({ c, n }) => row(p.channels[c], [num(n, lang)])), row(p.channels.total, [num(total, lang)])],
    )}`,
  );
}

function reach(f: DialogueFigures, lang: Language, level: number): Html {
  const p = evaluationCatalogues[lang].page;
  const r = f.reach;
  const withPopulation = r.groups.some((g) => g.populationSharePercent !== undefined);
  return section(
    level,
    'md-eval-reach',
    p.reach,
    html`${
      r.criteria
        ? html`<p>${p.insideShare(pct(r.insideSharePercent, lang, p.none))}</p>${figureTable(
            p.reach,
            p.reach,
            [p.groups, p.respondents],
            (['inside', 'outside', 'unknown'] as const).map((k) => row(p.reachRows[k], [num(r[k], lang)])),
          )}`
        : html`<p>${p.noCriteria}</p>`
    }<p>${p.noProfile(num(r.noProfile, lang))}</p>${
      r.groups.length > 0 &&
      figureTable(
        p.groups,
        p.groups,
        [p.groups, p.respondents, p.share, ...(withPopulation ? [p.populationShare] : [])],
        r.groups.map((g) =>
          row(groupName(g.group, lang), [
            num(g.respondents, lang),
            pct(g.sharePercent, lang, p.none),
            ...(withPopulation ? [pct(g.populationSharePercent, lang, p.none)] : []),
          ]),
        ),
      )
    }`,
  );
}

function timeAndPromise(f: DialogueFigures, lang: Language, level: number): Html {
  const p = evaluationCatalogues[lang].page;
  const days = (n: number | undefined, say: (n: number, d: string) => string) =>
    html`<p>${n === undefined ? `${say(0, p.none)} ${p.notYet}` : say(n, num(n, lang))}</p>`;
  return html`${section(
    level,
    'md-eval-time',
    p.time,
    html`${days(f.days.closeToDecision, p.closeToDecision)}${days(f.days.decisionToFeedback, p.decisionToFeedback)}`,
  )}${section(
    level,
    'md-eval-promise',
    p.promise,
    html`<p data-feedback="${f.feedback.state}"><strong>${registerCatalogues[lang].feedback[f.feedback.state]}</strong></p>${
      f.feedback.promisedBy && html`<p>${p.promised(longDate(f.feedback.promisedBy, lang))}</p>`
    }${f.feedback.givenAt && html`<p>${p.given(longDate(f.feedback.givenAt, lang))}</p>`}`,
  )}`;
}

function emails(f: DialogueFigures, lang: Language, level: number): Html {
  const p = evaluationCatalogues[lang].page;
  const e = f.emails;
  return section(
    level,
    'md-eval-emails',
    p.emails,
    e
      ? figureTable(
          p.emails,
          p.emails,
          ['', p.count],
          (['recipients', 'sent', 'failed', 'bounced', 'unsubscribed'] as const).map((k) =>
            row(p.emailRows[k], [num(e[k], lang)]),
          ),
        )
      : html`<p>${p.noMailout}</p>`,
  );
}

function rating(f: DialogueFigures, lang: Language, level: number): Html {
  const p = evaluationCatalogues[lang].page;
  const r = f.rating;
  if (r.count === 0) return section(level, 'md-eval-rating', p.rating, html`<p>${p.noRatings}</p>`);
  return section(
    level,
    'md-eval-rating',
    p.rating,
    html`<p>${p.ratingMean(formatNumber(r.mean ?? 0, lang), num(r.count, lang))}</p>${bars(
      SCORES.map((s) => ({
        label: html`${s}`,
        percent: (100 * r.distribution[s]) / r.count,
        count: r.distribution[s],
      })),
      lang,
    )}${figureTable(
      p.rating,
      p.rating,
      [p.score, p.count],
      SCORES.map((s) => row(String(s), [num(r.distribution[s], lang)])),
    )}${
      r.comments.length > 0 &&
      html`${heading(level + 1, p.comments)}<ul class="md-report-texts">${r.comments.map((c) => html`<li>${c}</li>`)}</ul>`
    }`,
  );
}

/** One dialogue's figures (P14): participation, reach, time, the promise, the emails, the rating. */
export function dialogueEvaluationFigures(f: DialogueFigures, lang: Language, level = 2): Html {
  return html`${participation(f, lang, level)}${reach(f, lang, level)}${timeAndPromise(f, lang, level)}${emails(
    f,
    lang,
    level,
  )}${rating(f, lang, level)}`;
}

/** The year per committee (P14), for the console's evaluation page and kommunstyrelsen's printed report. */
export function yearEvaluationFigures(year: YearEvaluation, lang: Language, level = 2): Html {
  const t = evaluationCatalogues[lang];
  const p = t.page;
  if (year.dialogues.length === 0) return html`<p>${p.noDialogues(year.year)}</p>`;
  const all = [year.total, ...year.committees];
  const counted = (y: CommitteeYear) => y.feedback['on-time'] + y.feedback.late + y.feedback.overdue;
  const committeeOf = (id: string) => year.committees.find((c) => c.committee.id === id)?.committee.name ?? id;
  return html`${section(
    level,
    'md-eval-summary',
    p.summary,
    figureTable(
      p.summary,
      p.summary,
      [p.committee, p.dialogues, p.medianParticipation, p.onTime, p.meanRating, p.evaluated],
      all.map((y) =>
        row(y.committee.name, [
          num(y.dialogues, lang),
          y.medianParticipation === null ? p.none : num(y.medianParticipation, lang),
          pct(y.feedback.onTimePercent, lang, p.none),
          y.rating.mean === null ? p.none : `${formatNumber(y.rating.mean, lang)} (${num(y.rating.count, lang)})`,
          num(y.evaluated, lang),
        ]),
      ),
    ),
  )}${section(
    level,
    'md-eval-on-time',
    p.onTimeChart,
    bars(
      all
        .filter((y) => counted(y) > 0)
        .map((y) => ({
          label: html`${y.committee.name}`,
          percent: y.feedback.onTimePercent ?? 0,
          count: y.feedback['on-time'],
        })),
      lang,
      (percent, count) => `${formatPercent(percent, lang)} (${p.dialogueCount(count, num(count, lang))})`,
    ),
  )}${section(
    level,
    'md-eval-influence',
    p.byInfluence,
    figureTable(
      p.byInfluence,
      p.byInfluence,
      [p.committee, ...influenceLevels.map((l) => catalogues[lang].influenceLevels[l])],
      all.map((y) =>
        row(
          y.committee.name,
          influenceLevels.map((l) => num(y.byInfluence[l], lang)),
        ),
      ),
    ),
  )}${section(
    level,
    'md-eval-method',
    p.byMethod,
    figureTable(
      p.byMethod,
      p.byMethod,
      [p.committee, ...methods.map((m) => t.methods[m])],
      all.map((y) =>
        row(
          y.committee.name,
          methods.map((m) => num(y.byMethod[m], lang)),
        ),
      ),
    ),
  )}${section(
    level,
    'md-eval-overdue',
    p.overdue,
    year.total.overdue.length
      ? figureTable(
          p.overdue,
          p.overdue,
          [p.dialogue, p.committee, p.promisedBy],
          year.total.overdue.map((o) =>
            row(text(o.title, lang), [
              committeeOf(year.dialogues.find((d) => d.id === o.id)?.leadCommittee ?? ''),
              longDate(o.promisedBy, lang),
            ]),
          ),
        )
      : html`<p>${p.noOverdue}</p>`,
  )}${section(
    level,
    'md-eval-dialogues',
    p.dialogueList,
    figureTable(
      p.dialogueList,
      p.dialogueList,
      [p.dialogue, p.committee, p.status, p.responses, p.feedbackState, p.meanRating],
      year.dialogues.map((d) =>
        row(text(d.title, lang), [
          committeeOf(d.leadCommittee),
          d.status === 'draft' ? '' : registerCatalogues[lang].statuses[d.status],
          num(d.participation.total, lang),
          registerCatalogues[lang].feedback[d.feedback.state],
          d.rating.mean === null ? p.none : formatNumber(d.rating.mean, lang),
        ]),
      ),
    ),
  )}`;
}
