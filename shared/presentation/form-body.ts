import type { PublicDefinition } from '../dialogue/public-view';
import type { Language } from '../messages/language';
import type { AnswerValue } from '../responses/schema';

/** Field names of the HTML form; the server (no-JS posts) and the browser script both read the form through these. */
export const fieldNames = {
  answer: (questionId: string) => `q.${questionId}`,
  rankItem: (questionId: string) => `rank.${questionId}`,
  rankInclude: (questionId: string) => `rank-include.${questionId}`,
  relation: 'profile.relation',
  ageBand: 'profile.ageBand',
  locality: 'profile.locality',
  email: 'contact.email',
  consent: 'contact.consent',
  language: 'lang',
  submissionId: 'submissionId',
  honeypot: 'homepage',
  /** A no-JS ranking button: `<questionId>:<itemId>:up|down`. */
  move: 'move',
} as const;

/** Element ids of a field, its error slot and its help text; the server renders them, the browser script finds them. */
export const idOf = (field: string): string => `md-${field.replace(/[^a-zA-Z0-9-]/g, '-')}`;
export const errorIdOf = (field: string): string => `${idOf(field)}-error`;
export const helpIdOf = (field: string): string => `${idOf(field)}-help`;

/** The field an issue path (`answers.q2`, `profile.locality`) belongs to. */
export function fieldOfIssue(path: string): string {
  const answer = /^answers\.([^.]+)/.exec(path);
  return answer ? fieldNames.answer(answer[1] as string) : path;
}

/** An error summary link's text: the question, then the message, so links with the same message say where they lead (WCAG 2.4.4). */
export function summaryLinkText(
  definition: Pick<PublicDefinition, 'questions'>,
  field: string,
  message: string,
  lang: Language,
): string {
  const label = definition.questions.find((q) => fieldNames.answer(q.id) === field)?.label;
  const name = label ? (lang === 'en' && label.en ? label.en : label.sv) : '';
  return name ? `${name} – ${message}` : message;
}

export interface FormFields {
  get(name: string): string | null;
  getAll(name: string): string[];
}

type Question = PublicDefinition['questions'][number];

function answerOf(question: Question, fields: FormFields): AnswerValue | undefined {
  const name = fieldNames.answer(question.id);
  const value = fields.get(name);
  switch (question.type) {
    case 'multiple': {
      const chosen = fields.getAll(name);
      return chosen.length > 0 ? chosen : undefined;
    }
    case 'ranking': {
      const included = question.required || fields.get(fieldNames.rankInclude(question.id)) !== null;
      return included ? fields.getAll(fieldNames.rankItem(question.id)) : undefined;
    }
    case 'rating':
      return value === null || value === '' ? undefined : Number(value);
    case 'yesno':
      return value === 'true' ? true : value === 'false' ? false : undefined;
    default:
      return value === null || value === '' ? undefined : value;
  }
}

/** The JSON body of a response, from the form's fields: the same for a no-JS post and the browser script. */
export function responseBodyFromForm(definition: Pick<PublicDefinition, 'questions'>, fields: FormFields) {
  const answers: Record<string, AnswerValue> = {};
  for (const question of definition.questions) {
    const value = answerOf(question, fields);
    if (value !== undefined) answers[question.id] = value;
  }
  const relation = fields.getAll(fieldNames.relation);
  const ageBand = fields.get(fieldNames.ageBand) || undefined;
  const locality = fields.get(fieldNames.locality) || undefined;
  const email = fields.get(fieldNames.email)?.trim();
  const honeypot = fields.get(fieldNames.honeypot);
  return {
    answers,
    ...(relation.length || ageBand || locality
      ? {
          profile: {
            ...(relation.length ? { relation } : {}),
            ...(ageBand ? { ageBand } : {}),
            ...(locality ? { locality } : {}),
          },
        }
      : {}),
    ...(email
      ? {
          contact: {
            email,
            consent: fields.get(fieldNames.consent) !== null,
            language: fields.get(fieldNames.language) === 'en' ? 'en' : 'sv',
          },
        }
      : {}),
    submissionId: fields.get(fieldNames.submissionId) ?? '',
    ...(honeypot ? { homepage: honeypot } : {}),
  };
}

/** A no-JS ranking button press (`<questionId>:<itemId>:up|down`): the same fields with that item moved one place. */
export function applyMove(fields: URLSearchParams, move: string): URLSearchParams {
  const [questionId = '', itemId = '', direction] = move.split(':');
  const name = fieldNames.rankItem(questionId);
  const order = fields.getAll(name);
  const from = order.indexOf(itemId);
  const to = direction === 'up' ? from - 1 : from + 1;
  const moved = new URLSearchParams(fields);
  moved.delete(fieldNames.move);
  if (from < 0 || to < 0 || to >= order.length) return moved;
  [order[from], order[to]] = [order[to] as string, order[from] as string];
  moved.delete(name);
  for (const id of order) moved.append(name, id);
  moved.set(fieldNames.rankInclude(questionId), 'on');
  return moved;
}
