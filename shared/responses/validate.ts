import type { Question } from '../dialogue/questions';
import type { Dialogue } from '../dialogue/schema';
import { normaliseText } from '../normalise';
import { type Issue, ValidationError, issue } from '../errors';
import * as says from '../messages/issues';
import type { Municipality } from '../municipality';
import type { AnswerValue, Profile, ResponseBody } from './schema';

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

export interface ValidAnswers {
  readonly answers: Readonly<Record<string, AnswerValue>>;
  readonly profile: Profile;
}

/** Checks a response against this dialogue's own questions; every problem becomes one issue (400). */
export function validateResponse(
  dialogue: AnswerableDialogue,
  body: ResponseBody,
  municipality: Pick<Municipality, 'localities'>,
): ValidAnswers {
  const issues: Issue[] = [];
  const answers = checkAnswers(body.answers, dialogue, issues);
  const profile = body.profile ? checkProfile(body.profile, dialogue, municipality, issues) : {};
  if (body.contact && !body.contact.consent) issues.push(issue('contact.consent', says.consentRequired()));
  if (issues.length > 0) throw new ValidationError(issues);
  return { answers, profile };
}
