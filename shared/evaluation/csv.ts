import { influenceLevels, methods } from '../dialogue/schema';
import { catalogues } from '../messages/catalogue';
import { evaluationCatalogues } from '../messages/evaluation';
import { csvDateTime } from '../messages/format';
import { registerCatalogues } from '../messages/register';
import { type CsvValue, spreadsheetCsv } from '../spreadsheet-csv';
import type { CommitteeYear, YearEvaluation } from './year';

const t = evaluationCatalogues.sv;
const c = t.csv;

/** A committee's (or the municipality's) row, with the year: the figures of the report's summary table. */
const committeeRow = (year: number, y: CommitteeYear): CsvValue[] => [
  year,
  y.committee.name,
  y.dialogues,
  y.medianParticipation,
  y.feedback.onTimePercent,
  `${y.feedback['on-time']}/${y.feedback.late}/${y.feedback.overdue}/${y.feedback.pending}`,
  y.rating.mean,
  y.rating.count,
  y.evaluated,
  ...influenceLevels.map((level) => y.byInfluence[level]),
  ...methods.map((method) => y.byMethod[method]),
];

/**
 * P14 per committee and year for the spreadsheet (Swedish, as the report): the summary per committee, then every
 * dialogue with its figures, then the overdue list. UTF-8 with BOM, so Excel shows å, ä and ö.
 */
export function evaluationCsv(evaluation: YearEvaluation): string {
  const { year } = evaluation;
  const committeeName = (id: string) => evaluation.committees.find((x) => x.committee.id === id)?.committee.name ?? id;
  const rows: CsvValue[][] = [
    [
      c.year,
      c.committee,
      c.dialogues,
      c.medianParticipation,
      c.onTime,
      c.feedbackCounts,
      c.ratingMean,
      c.ratings,
      c.evaluated,
      ...influenceLevels.map((level) => `${c.influence}: ${catalogues.sv.influenceLevels[level]}`),
      ...methods.map((method) => `${c.method}: ${t.methods[method]}`),
    ],
    committeeRow(year, evaluation.total),
    ...evaluation.committees.map((y) => committeeRow(year, y)),
    [],
    [
      c.dialogue,
      c.title,
      c.committee,
      c.status,
      c.influence,
      c.responses,
      c.web,
      c.paper,
      c.meetingEntries,
      c.insideShare,
      c.noProfile,
      c.closeToDecision,
      c.decisionToFeedback,
      c.feedback,
      c.promisedBy,
      c.recipients,
      c.sent,
      c.failed,
      c.bounced,
      c.unsubscribed,
      c.ratingMean,
      c.ratings,
      c.evaluatedAt,
    ],
    ...evaluation.dialogues.map((d) => [
      d.id,
      d.title.sv,
      committeeName(d.leadCommittee),
      d.status === 'draft' ? '' : registerCatalogues.sv.statuses[d.status],
      d.influenceLevel ? catalogues.sv.influenceLevels[d.influenceLevel] : '',
      d.participation.total,
      d.participation.byMethod.web,
      d.participation.byMethod.paper,
      d.participation.byMethod.meeting,
      d.reach.criteria ? d.reach.insideSharePercent : '',
      d.reach.noProfile,
      d.days.closeToDecision,
      d.days.decisionToFeedback,
      registerCatalogues.sv.feedback[d.feedback.state],
      d.feedback.promisedBy,
      d.emails?.recipients,
      d.emails?.sent,
      d.emails?.failed,
      d.emails?.bounced,
      d.emails?.unsubscribed,
      d.rating.mean,
      d.rating.count,
      d.evaluatedAt ? csvDateTime(d.evaluatedAt) : '',
    ]),
    [],
    [c.overdue, c.title, c.committee, c.promisedBy],
    ...evaluation.committees.flatMap((y) => y.overdue.map((o) => [o.id, o.title.sv, y.committee.name, o.promisedBy])),
  ];
  return spreadsheetCsv(rows);
}
