import type { Question } from '../dialogue/questions';
import type { Dialogue } from '../dialogue/schema';
import { normaliseText } from '../normalise';
import { type Issue, ValidationError } from '../errors';
import type { Municipality } from '../municipality';
import type { AnswerValue, Profile, ResponseBody } from './schema';

const issue = (path: string, message: string, messageEn: string): Issue => ({ path, message, messageEn });

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
  const isStringArray = Array.isArray(value) && value.every((v) => typeof v === 'string');
  switch (question.type) {
    case 'single': {
      if (typeof value !== 'string') return issue(path, 'Välj ett av alternativen.', 'Choose one of the options.');
      return question.options.some((o) => o.id === value)
        ? value
        : issue(path, `Okänt alternativ "${value}".`, `Unknown option "${value}".`);
    }
    case 'multiple': {
      if (!isStringArray) return issue(path, 'Ange valen som en lista.', 'Give the choices as a list.');
      const chosen = value as string[];
      const unknown = chosen.find((v) => !question.options.some((o) => o.id === v));
      if (unknown !== undefined) return issue(path, `Okänt alternativ "${unknown}".`, `Unknown option "${unknown}".`);
      const duplicate = duplicateOf(chosen);
      if (duplicate !== undefined)
        return issue(path, `Alternativet "${duplicate}" är valt två gånger.`, `Option "${duplicate}" is chosen twice.`);
      if (chosen.length > question.maxChoices) {
        return issue(
          path,
          `Välj högst ${question.maxChoices} alternativ.`,
          `Choose at most ${question.maxChoices} options.`,
        );
      }
      return chosen;
    }
    case 'rating': {
      const { min, max } = question.scale;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        return issue(path, `Ange ett heltal från ${min} till ${max}.`, `Give a whole number from ${min} to ${max}.`);
      }
      return value;
    }
    case 'ranking': {
      const expected = rankedIds(question, dialogue);
      if (!isStringArray)
        return issue(
          path,
          'Ange rangordningen som en lista, det viktigaste först.',
          'Give the ranking as a list, most preferred first.',
        );
      const ranked = value as string[];
      const unknown = ranked.find((v) => !expected.includes(v));
      if (unknown !== undefined)
        return issue(
          path,
          `Okänt alternativ "${unknown}" i rangordningen.`,
          `Unknown item "${unknown}" in the ranking.`,
        );
      const duplicate = duplicateOf(ranked);
      if (duplicate !== undefined)
        return issue(
          path,
          `"${duplicate}" förekommer flera gånger i rangordningen.`,
          `"${duplicate}" appears more than once in the ranking.`,
        );
      const gap = expected.find((id) => !ranked.includes(id));
      if (gap !== undefined)
        return issue(path, `Rangordna alla alternativ; "${gap}" saknas.`, `Rank every item; "${gap}" is missing.`);
      return ranked;
    }
    case 'text': {
      if (typeof value !== 'string') return issue(path, 'Svaret ska vara text.', 'The answer must be text.');
      const text = normaliseText(value);
      return text.length > question.maxLength
        ? issue(
            path,
            `Svaret får vara högst ${question.maxLength} tecken (nu ${text.length}).`,
            `The answer may be at most ${question.maxLength} characters (now ${text.length}).`,
          )
        : text;
    }
    case 'yesno':
      return typeof value === 'boolean' ? value : issue(path, 'Svara ja eller nej.', 'Answer yes or no.');
  }
}

function checkProfile(
  profile: ResponseBody['profile'],
  dialogue: AnswerableDialogue,
  municipality: Pick<Municipality, 'localities'>,
  issues: Issue[],
): Profile {
  if (!profile) return {};
  const asked = dialogue.profileQuestions;
  const kept: { relation?: string[]; ageBand?: string; locality?: string } = {};
  if (profile.relation !== undefined) {
    const duplicate = duplicateOf(profile.relation);
    if (!asked.relation)
      issues.push(
        issue(
          'profile.relation',
          'Den här dialogen frågar inte om relation till kommunen.',
          'This dialogue does not ask about relation to the municipality.',
        ),
      );
    else if (duplicate)
      issues.push(issue('profile.relation', `"${duplicate}" är angivet två gånger.`, `"${duplicate}" is given twice.`));
    else if (profile.relation.length > 0) kept.relation = profile.relation;
  }
  if (profile.ageBand !== undefined) {
    if (!asked.ageBand)
      issues.push(
        issue('profile.ageBand', 'Den här dialogen frågar inte om ålder.', 'This dialogue does not ask about age.'),
      );
    else kept.ageBand = profile.ageBand;
  }
  if (profile.locality !== undefined && normaliseText(profile.locality) !== '') {
    const locality = normaliseText(profile.locality);
    if (!asked.locality)
      issues.push(
        issue('profile.locality', 'Den här dialogen frågar inte om ort.', 'This dialogue does not ask about locality.'),
      );
    else if (!municipality.localities.includes(locality)) {
      issues.push(
        issue(
          'profile.locality',
          `Okänd ort "${locality}"; välj en ort i kommunen.`,
          `Unknown locality "${locality}"; choose a place in the municipality.`,
        ),
      );
    } else kept.locality = locality;
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
  const answers: Record<string, AnswerValue> = {};
  const known = new Set(dialogue.questions.map((q) => q.id));
  for (const key of Object.keys(body.answers)) {
    if (!known.has(key))
      issues.push(
        issue(
          `answers.${key}`,
          `Frågan "${key}" finns inte i den här dialogen.`,
          `There is no question "${key}" in this dialogue.`,
        ),
      );
  }
  for (const question of dialogue.questions) {
    const path = `answers.${question.id}`;
    const value = Object.hasOwn(body.answers, question.id) ? body.answers[question.id] : undefined;
    if (isBlank(value)) {
      if (question.required)
        issues.push(issue(path, 'Den här frågan måste besvaras.', 'This question must be answered.'));
      continue;
    }
    const checked = checkAnswer(question, value, dialogue, path);
    if (typeof checked === 'object' && checked !== null && 'messageEn' in checked) issues.push(checked);
    else answers[question.id] = checked;
  }
  const profile = checkProfile(body.profile, dialogue, municipality, issues);
  if (body.contact && !body.contact.consent) {
    issues.push(
      issue(
        'contact.consent',
        'Kryssa i att vi får använda e-postadressen för att skicka resultatet, eller lämna adressen tom.',
        'Tick the box allowing us to use the email address to send the result, or leave the address empty.',
      ),
    );
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return { answers, profile };
}
