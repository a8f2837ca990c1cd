import type { Dialogue } from '../dialogue/schema';
import type { ResultsBody } from './present';
import type { FreeTexts } from './results';

const cell = (value: string | number | undefined | null): string => {
  const text = value === undefined || value === null ? '' : String(value);
  // Quote always; neutralise spreadsheet formulas (CSV injection) in free text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** The results for the committee's case file: semicolon-separated, UTF-8 with BOM, as Swedish spreadsheet programs expect. */
export function resultsCsv(
  dialogue: Pick<Dialogue, 'id' | 'title' | 'caseNumber'>,
  results: ResultsBody & { freeTexts?: FreeTexts },
): string {
  const rows: Array<Array<string | number | undefined | null>> = [
    ['dialog', dialogue.id, dialogue.title.sv, dialogue.caseNumber ?? ''],
    ['svar totalt', results.responseCount, 'uppdaterat', results.updatedAt],
    [],
    ['avsnitt', 'fråga', 'grupp', 'värde', 'antal', 'andel %', 'medel', 'median'],
  ];
  for (const [questionId, q] of Object.entries(results.questions)) {
    rows.push(['fråga', questionId, 'alla', 'besvarad', q.answered]);
    rows.push(['fråga', questionId, 'alla', 'hoppade över', q.skipped]);
    for (const [value, count] of Object.entries(q.counts ?? {}))
      rows.push(['fråga', questionId, 'alla', value, count, q.percentages?.[value], q.mean, q.median]);
    for (const [value, count] of Object.entries(q.firstChoices ?? {}))
      rows.push(['rangordning förstaval', questionId, 'alla', value, count]);
    for (const [value, points] of Object.entries(q.borda ?? {}))
      rows.push(['rangordning bordapoäng', questionId, 'alla', value, points]);
    for (const [value, rank] of Object.entries(q.meanRank ?? {}))
      rows.push(['rangordning medelplats', questionId, 'alla', value, rank]);
    for (const [group, c] of Object.entries(q.byGroup ?? {})) {
      if ('suppressed' in c)
        rows.push([
          'uppdelning',
          questionId,
          group,
          'fewerThan' in c ? `färre än ${c.fewerThan}` : 'dold (skyddar en mindre grupp)',
        ]);
      else
        for (const [value, count] of Object.entries(c.counts))
          rows.push(['uppdelning', questionId, group, value, count]);
    }
  }
  for (const a of results.alternatives) {
    const measures: Array<[string, number | undefined]> = [
      ['röster', a.votes],
      ['förstaval', a.firstChoices],
      ['bordapoäng', a.borda],
      ['medelplats', a.meanRank],
      ['medelbetyg', a.ratingMean],
    ];
    for (const [measure, value] of measures) if (value !== undefined) rows.push(['förslag', a.id, '', measure, value]);
  }
  for (const day of results.participationPerDay) rows.push(['deltagande per dag', '', '', day.date, day.responses]);
  if (results.reach)
    rows.push([
      'målgrupp nådd',
      '',
      '',
      'inom/utanför/okänt',
      `${results.reach.inside}/${results.reach.outside}/${results.reach.unknown}`,
      results.reach.sharePercent,
    ]);
  for (const [questionId, t] of Object.entries(results.freeTexts ?? {}))
    for (const text of t.texts) rows.push(['fritext', questionId, '', text]);
  return `\uFEFF${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
