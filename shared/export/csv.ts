import { type CsvDialogue, valueLabel } from '../aggregation/csv';
import type { Question } from '../dialogue/questions';
import { groupName } from '../messages/catalogue';
import { exportColumns as column } from '../messages/export';
import { resultsCatalogues } from '../messages/results';
import type { AnswerValue } from '../responses/schema';
import type { CsvValue } from '../spreadsheet-csv';
import type { ExportedResponse } from './schema';

/** Several choices in one cell; a ranking's in its order, first first. */
const CHOICES = ' | ';
const RANKED = ' > ';

/** One column per question (its Swedish label and id: in the alternatives format several share a label), then the profile. */
export const csvHeader = (dialogue: CsvDialogue): CsvValue[] => [
  column.method,
  column.receivedOn,
  column.counted,
  ...dialogue.questions.map((q) => `${q.label.sv} (${q.id})`),
  column.relation,
  column.ageBand,
  column.locality,
];

/** An answer as a person reads it: the Swedish label of an option, proposal or yes/no, a rating's number, a free text. */
function answerCell(dialogue: CsvDialogue, question: Question, value: AnswerValue | undefined): CsvValue {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  if (question.type === 'text') return String(value);
  const label = (v: string) => valueLabel(dialogue, question, v) || v;
  if (Array.isArray(value)) return value.map(label).join(question.type === 'ranking' ? RANKED : CHOICES);
  return label(String(value));
}

export const csvRow = (dialogue: CsvDialogue, response: ExportedResponse): CsvValue[] => [
  resultsCatalogues.sv.methods[response.method],
  response.receivedOn,
  response.counted ? column.yes : column.no,
  ...dialogue.questions.map((q) => answerCell(dialogue, q, response.answers[q.id])),
  response.profile.relation?.map((r) => groupName(`relation:${r}`, 'sv')).join(CHOICES),
  response.profile.ageBand && groupName(`ageBand:${response.profile.ageBand}`, 'sv'),
  response.profile.locality,
];
