import type { ModerationState } from '../dialogue/moderation';
import type { Question } from '../dialogue/questions';
import type { Dialogue } from '../dialogue/schema';
import { groupName } from '../messages/catalogue';
import { csvDateTime } from '../messages/format';
import { type CsvValue, spreadsheetCsv } from '../spreadsheet-csv';
import type { ResultsBody } from './present';
import type { FreeTexts } from './results';

type Value = CsvValue;

export type CsvDialogue = Pick<Dialogue, 'id' | 'title' | 'caseNumber' | 'questions' | 'format'>;

/** The Swedish label of a value a question's results are keyed by: an option, an alternative, yes/no, a scale end. */
export function valueLabel(dialogue: CsvDialogue, question: Question | undefined, value: string): string {
  if (!question) return '';
  switch (question.type) {
    case 'yesno':
      return value === 'true' ? 'ja' : value === 'false' ? 'nej' : '';
    case 'rating':
      return Number(value) === question.scale.min
        ? question.scale.minLabel.sv
        : Number(value) === question.scale.max
          ? question.scale.maxLabel.sv
          : '';
    case 'ranking':
      return question.rankOf === 'alternatives'
        ? alternativeTitle(dialogue, value)
        : (question.options?.find((o) => o.id === value)?.label.sv ?? '');
    case 'single':
    case 'multiple':
      return question.options.find((o) => o.id === value)?.label.sv ?? '';
    case 'text':
      return '';
  }
}

const alternativeTitle = (dialogue: CsvDialogue, id: string): string =>
  dialogue.format.kind === 'alternatives'
    ? (dialogue.format.alternatives.find((a) => a.id === id)?.title.sv ?? '')
    : '';

/**
 * The results for the committee's case file: semicolon-separated, UTF-8 with BOM, decimal commas and times in
 * Swedish time, as Swedish spreadsheet programs expect. Every id (question, group, option, proposal) has its
 * Swedish label in the column beside it, so the file reads without the dialogue's definition.
 */
const moderationNames: Record<ModerationState, string> = { hidden: 'dold', publishable: 'får publiceras' };

export function resultsCsv(dialogue: CsvDialogue, results: ResultsBody & { freeTexts?: FreeTexts }): string {
  const rows: Value[][] = [
    ['dialog', dialogue.id, dialogue.title.sv, dialogue.caseNumber ?? ''],
    ['svar totalt', results.responseCount, 'uppdaterat', results.updatedAt ? csvDateTime(results.updatedAt) : ''],
    [],
    [
      'avsnitt',
      'fråga',
      'frågans text',
      'grupp',
      'gruppens namn',
      'värde',
      'värdets namn',
      'antal',
      'andel %',
      'medel',
      'median',
    ],
  ];
  for (const [questionId, q] of Object.entries(results.questions)) {
    const question = dialogue.questions.find((x) => x.id === questionId);
    const label = (value: string) => valueLabel(dialogue, question, value);
    const about = [questionId, question?.label.sv ?? ''];
    const all = [...about, 'alla', ''];
    rows.push(['fråga', ...all, 'besvarad', '', q.answered]);
    rows.push(['fråga', ...all, 'hoppade över', '', q.skipped]);
    for (const [value, count] of Object.entries(q.counts ?? {}))
      rows.push(['fråga', ...all, value, label(value), count, q.percentages?.[value], q.mean, q.median]);
    for (const [value, count] of Object.entries(q.firstChoices ?? {}))
      rows.push(['rangordning förstaval', ...all, value, label(value), count]);
    for (const [value, points] of Object.entries(q.borda ?? {}))
      rows.push(['rangordning bordapoäng', ...all, value, label(value), points]);
    for (const [value, rank] of Object.entries(q.meanRank ?? {}))
      rows.push(['rangordning medelplats', ...all, value, label(value), '', '', rank]);
    for (const [group, c] of Object.entries(q.byGroup ?? {})) {
      const inGroup = [...about, group, groupName(group, 'sv')];
      if ('suppressed' in c)
        rows.push([
          'uppdelning',
          ...inGroup,
          'fewerThan' in c ? `färre än ${c.fewerThan}` : 'dold (skyddar en mindre grupp)',
        ]);
      else
        for (const [value, count] of Object.entries(c.counts))
          rows.push(['uppdelning', ...inGroup, value, label(value), count]);
    }
  }
  for (const a of results.alternatives) {
    const alternative = ['', '', '', '', a.id, alternativeTitle(dialogue, a.id)];
    const counts: Array<[string, number | undefined]> = [
      ['röster', a.votes],
      ['förstaval', a.firstChoices],
      ['bordapoäng', a.borda],
    ];
    const means: Array<[string, number | undefined]> = [
      ['medelplats', a.meanRank],
      ['medelbetyg', a.ratingMean],
    ];
    for (const [measure, value] of counts)
      if (value !== undefined) rows.push([`förslag ${measure}`, ...alternative, value]);
    for (const [measure, value] of means)
      if (value !== undefined) rows.push([`förslag ${measure}`, ...alternative, '', '', value]);
  }
  for (const day of results.participationPerDay)
    rows.push(['deltagande per dag', '', '', '', '', day.date, '', day.responses]);
  if (results.reach)
    rows.push([
      'målgrupp nådd',
      '',
      '',
      '',
      '',
      'inom/utanför/okänt',
      '',
      `${results.reach.inside}/${results.reach.outside}/${results.reach.unknown}`,
      results.reach.sharePercent,
    ]);
  for (const [questionId, t] of Object.entries(results.freeTexts ?? {})) {
    const question = dialogue.questions.find((x) => x.id === questionId);
    for (const { text, state } of t.texts)
      rows.push(['fritext', questionId, question?.label.sv ?? '', '', '', text, moderationNames[state]]);
  }
  return spreadsheetCsv(rows);
}
