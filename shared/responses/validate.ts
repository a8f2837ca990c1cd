import type { Question } from '../dialogue/questions';
import type { Dialogue } from '../dialogue/schema';
import { normaliseText } from '../normalise';
import { type Issue, ValidationError, issue } from '../errors';
import * as says from '../messages/issues';
import type { Municipality } from '../municipality';
import { mergeIssues, schemaIssues } from '../validation';
import { type AnswerValue, EMAIL_PATTERN, type Profile, type ResponseBody, responseBodySchema } from './schema';

/** What checking answers needs of a dialogue: the stored one, or its public definition in the browser. */
export type AnswerableDialogue = Pick<Dialogue, 'questions' | 'format' | 'profileQuestions'>;

/** The ids a ranking question orders: its own options or the dialogue's alternatives. */
export function rankedIds(question: Question, dialogue: Pick<Dialogue, 'format'>): string[] {
  if (question.type !== 'ranking') return [];
  if (question.rankOf === 'alternatives')
    return dialogue.format.kind === 'alternatives' ? dialogue.format.alternatives.map((a) => a.id) : [];
  return question.options?.map((o) => o.id) ?? [];
}

const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && normaliseText(value) === '') ||
  (Array.isArray(value) && value.length === 0);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

function duplicateOf(values: readonly string[]): string | undefined {
  return values.find((v, i) => values.indexOf(v) !== i);
}

/** Checks one answer against its question; returns the value to store or the issue. */
function checkAnswer(
  question: Question,
  value: unknown,
  dialogue: AnswerableDialogue,
  path: string,
): AnswerValue | Issue {
  switch (question.type) {
    case 'single': {
      if (typeof value !== 'string') return issue(path, says.chooseOne());
      return question.options.some((o) => o.id === value) ? value : issue(path, says.unknownOption(value));
    }
    case 'multiple': {
      if (!isStringArray(value)) return issue(path, says.choicesAsList());
      const unknown = value.find((v) => !question.options.some((o) => o.id === v));
      if (unknown !== undefined) return issue(path, says.unknownOption(unknown));
      const duplicate = duplicateOf(value);
      if (duplicate !== undefined) return issue(path, says.optionChosenTwice(duplicate));
      if (value.length > question.maxChoices) return issue(path, says.tooManyChoices(question.maxChoices));
      return value;
    }
    case 'rating': {
      const { min, max } = question.scale;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        return issue(path, says.ratingOnScale(min, max));
      }
      return value;
    }
    case 'ranking': {
      const expected = rankedIds(question, dialogue);
      if (!isStringArray(value)) return issue(path, says.rankingAsList());
      const unknown = value.find((v) => !expected.includes(v));
      if (unknown !== undefined) return issue(path, says.unknownRankedItem(unknown));
      const duplicate = duplicateOf(value);
      if (duplicate !== undefined) return issue(path, says.rankedTwice(duplicate));
      const gap = expected.find((id) => !value.includes(id));
      if (gap !== undefined) return issue(path, says.rankingGap(gap));
      return value;
    }
    case 'text': {
      if (typeof value !== 'string') return issue(path, says.answerAsText());
      const text = normaliseText(value);
      return text.length > question.maxLength ? issue(path, says.answerTooLong(question.maxLength, text.length)) : text;
    }
    case 'yesno':
      return typeof value === 'boolean' ? value : issue(path, says.yesOrNo());
  }
}

/** The answers part against the dialogue's questions: every question, asked or not, and every answer, known or not. */
function checkAnswers(
  answers: Record<string, unknown>,
  dialogue: AnswerableDialogue,
  issues: Issue[],
): Record<string, AnswerValue> {
  const kept: Record<string, AnswerValue> = {};
  const known = new Set(dialogue.questions.map((q) => q.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) issues.push(issue(`answers.${key}`, says.unknownQuestion(key)));
  }
  for (const question of dialogue.questions) {
    const path = `answers.${question.id}`;
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (isBlank(value)) {
      if (question.required) issues.push(issue(path, says.answerRequired()));
      continue;
    }
    const checked = checkAnswer(question, value, dialogue, path);
    if (typeof checked === 'object' && checked !== null && 'messageEn' in checked) issues.push(checked);
    else kept[question.id] = checked;
  }
  return kept;
}

/** The profile part against what the dialogue asks; a field of the wrong type is left to the body's schema. */
function checkProfile(
  profile: Record<string, unknown>,
  dialogue: AnswerableDialogue,
  municipality: Pick<Municipality, 'localities'>,
  issues: Issue[],
): Profile {
  const asked = dialogue.profileQuestions;
  const kept: { relation?: string[]; ageBand?: string; locality?: string } = {};
  const { relation, ageBand, locality } = profile;
  if (relation !== undefined) {
    const duplicate = isStringArray(relation) ? duplicateOf(relation) : undefined;
    if (!asked.relation) issues.push(issue('profile.relation', says.relationNotAsked()));
    else if (duplicate) issues.push(issue('profile.relation', says.givenTwice(duplicate)));
    else if (isStringArray(relation) && relation.length > 0) kept.relation = relation;
  }
  if (ageBand !== undefined) {
    if (!asked.ageBand) issues.push(issue('profile.ageBand', says.ageNotAsked()));
    else if (typeof ageBand === 'string') kept.ageBand = ageBand;
  }
  if (typeof locality === 'string' && normaliseText(locality) !== '') {
    const place = normaliseText(locality);
    if (!asked.locality) issues.push(issue('profile.locality', says.localityNotAsked()));
    else if (!municipality.localities.includes(place))
      issues.push(issue('profile.locality', says.unknownLocality(place)));
    else kept.locality = place;
  }
  return kept;
}

/** The order of the form, so a list of issues reads top to bottom like the form it is about. */
const FORM_ORDER = [
  'answers',
  'profile.relation',
  'profile.ageBand',
  'profile.locality',
  'profile',
  'contact.email',
  'contact.consent',
  'contact',
];
const formRank = (path: string): number => {
  const at = FORM_ORDER.findIndex((field) => path === field || path.startsWith(`${field}.`));
  return at < 0 ? FORM_ORDER.length : at;
};

export interface ValidAnswers {
  readonly answers: Readonly<Record<string, AnswerValue>>;
  readonly profile: Profile;
}

/** A response that passed every check: the body as parsed, and its answers and profile as they are stored. */
export interface CheckedResponse extends ValidAnswers {
  readonly body: ResponseBody;
}

/** A body's shape only (responseBodySchema), in our words; for a submission whose answers are not looked at. */
export function parseResponseBody(input: unknown): ResponseBody {
  const parsed = responseBodySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(schemaIssues(responseBodySchema, input, 'body'));
}

/** The contact part: an address that is an address (the schema's own pattern and words), and consent to use it. */
function checkContact(contact: Record<string, unknown>, issues: Issue[]): void {
  if (typeof contact.email === 'string' && !EMAIL_PATTERN.test(contact.email))
    issues.push(issue('contact.email', says.emailAddress()));
  if (contact.consent !== true) issues.push(issue('contact.consent', says.consentRequired()));
}

/** The checks that need the dialogue (and no zod), on every part of `input` that is an object. */
function dialogueChecks(
  dialogue: AnswerableDialogue,
  input: unknown,
  municipality: Pick<Municipality, 'localities'>,
): ValidAnswers & { issues: Issue[] } {
  const issues: Issue[] = [];
  const raw = isRecord(input) ? input : {};
  const answers = isRecord(raw.answers) ? checkAnswers(raw.answers, dialogue, issues) : {};
  const profile = isRecord(raw.profile) ? checkProfile(raw.profile, dialogue, municipality, issues) : {};
  if (isRecord(raw.contact)) checkContact(raw.contact, issues);
  return { issues, answers, profile };
}

const inFormOrder = (issues: Issue[]): Issue[] => issues.sort((a, b) => formRank(a.path) - formRank(b.path));

function check(dialogue: AnswerableDialogue, input: unknown, municipality: Pick<Municipality, 'localities'>) {
  const parsed = responseBodySchema.safeParse(input);
  const shape = parsed.success ? [] : schemaIssues(responseBodySchema, input, 'body');
  const { issues, answers, profile } = dialogueChecks(dialogue, input, municipality);
  return { parsed, issues: inFormOrder(mergeIssues(issues, shape)), answers, profile };
}

/**
 * Every problem of a response at once, for one 400 (a ValidationError): the body's shape (responseBodySchema: an email address that is
 * no address, a missing submissionId, an unknown field) and, on every part that is still an object, the answers
 * against this dialogue's own questions (a required question left out, an unknown option), the profile against what
 * it asks, and consent for an address. One issue per path, the dialogue's words first; in the form's order.
 * Otherwise the body as parsed, with its answers and profile as they are stored.
 */
export function checkResponse(
  dialogue: AnswerableDialogue,
  input: unknown,
  municipality: Pick<Municipality, 'localities'>,
): CheckedResponse {
  const { parsed, issues, answers, profile } = check(dialogue, input, municipality);
  if (!parsed.success || issues.length > 0) throw new ValidationError(issues);
  return { body: parsed.data, answers, profile };
}

/**
 * What the browser checks before sending (web/embed.ts): everything `checkResponse` checks against the dialogue,
 * the email address and consent included, as the same issues in the same words, without the body's schema (the
 * form builds the body's shape itself, and the script stays free of zod). Answers and profile as they would be
 * stored, or a ValidationError with every issue.
 */
export function validateResponse(
  dialogue: AnswerableDialogue,
  body: unknown,
  municipality: Pick<Municipality, 'localities'>,
): ValidAnswers {
  const { issues, answers, profile } = dialogueChecks(dialogue, body, municipality);
  if (issues.length > 0) throw new ValidationError(inFormOrder(issues));
  return { answers, profile };
}
