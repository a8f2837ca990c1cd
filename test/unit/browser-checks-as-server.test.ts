/**
 * "Errors a citizen understands", point 5: the browser (web/embed.ts calls validateResponse before sending) finds an
 * invalid email address and a missing consent itself, at the same path and in the same words as the server's 400.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import { createHandler } from '../../functions/dialogues/submit/handler';
import { publicDefinition } from '../../shared/dialogue/public-view';
import { type Issue, ValidationError } from '../../shared/errors';
import * as says from '../../shared/messages/issues';
import { ljungby } from '../../shared/municipality';
import { type FormFields, fieldNames, responseBodyFromForm } from '../../shared/presentation/form-body';
import { EMAIL_PATTERN } from '../../shared/responses/schema';
import { validateResponse } from '../../shared/responses/validate';
import { routes } from '../../shared/routes';
import { type HttpHandler, httpEvent, invoke } from '../integration/support/events';
import { demo, neverStoringDeps, thrown } from './fixtures';

const dialogue = demo();
const definition = publicDefinition(dialogue, ljungby);

/** The form's fields as embed.ts reads them (FormData), from name → value(s). */
function formFields(values: Record<string, string | string[]>): FormFields {
  const all = (name: string) => {
    const value = values[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  return { get: (name) => all(name)[0] ?? null, getAll: all };
}

/** What embed.ts does on submit: the body from the form, then validateResponse with the definition's localities. */
function browserIssues(values: Record<string, string | string[]>): readonly Issue[] {
  const body = responseBodyFromForm(definition, formFields(values));
  return thrown(
    () => validateResponse(definition, body, { localities: definition.profileQuestions.localities }),
    ValidationError,
  ).issues;
}

/** The same form's body sent to the server's JSON route (plain fakes, nothing stored). */
async function serverIssues(values: Record<string, string | string[]>): Promise<readonly Issue[]> {
  const handler = createHandler(neverStoringDeps(dialogue)) as HttpHandler;
  const body = responseBodyFromForm(definition, formFields(values));
  const answer = await invoke<{ issues: Issue[] }>(
    handler,
    httpEvent(routes.submitResponse, { pathParameters: { id: dialogue.id }, body }),
  );
  expect(answer.statusCode).toBe(400);
  return answer.json.issues;
}

const filledIn = {
  [fieldNames.answer('favourite')]: 'alla',
  [fieldNames.submissionId]: '6f1c2b3a-9d8e-4f7a-8b6c-5d4e3f2a1b0c',
  [fieldNames.language]: 'sv',
};

describe('the browser checks the email address and consent before sending, in the server’s words', () => {
  test('an address that is no address is an issue on contact.email before anything is sent', () => {
    expect(browserIssues({ ...filledIn, [fieldNames.email]: 'anna.example.se', [fieldNames.consent]: 'on' })).toEqual([
      { path: 'contact.email', message: says.emailAddress().sv, messageEn: says.emailAddress().en },
    ]);
  });

  test('an address without the consent box ticked is an issue on contact.consent', () => {
    expect(browserIssues({ ...filledIn, [fieldNames.email]: 'anna@example.se' })).toEqual([
      { path: 'contact.consent', message: says.consentRequired().sv, messageEn: says.consentRequired().en },
    ]);
  });

  test.each([
    ['a bad address', { [fieldNames.email]: 'inte en adress', [fieldNames.consent]: 'on' }],
    ['a bad address without consent', { [fieldNames.email]: 'anna@', [fieldNames.answer('favourite')]: '' }],
    ['a good address without consent', { [fieldNames.email]: 'anna@example.se' }],
  ])('%s: exactly the issues (paths and words) of the server’s 400', async (_, values) => {
    const form = { ...filledIn, ...values };
    expect(await serverIssues(form)).toEqual(browserIssues(form));
  });

  test('a valid address with consent passes in the browser, and nothing else is asked of it', () => {
    const body = responseBodyFromForm(
      definition,
      formFields({ ...filledIn, [fieldNames.email]: 'anna@example.se', [fieldNames.consent]: 'on' }),
    );
    expect(validateResponse(definition, body, { localities: definition.profileQuestions.localities })).toEqual({
      answers: { favourite: 'alla' },
      profile: {},
    });
  });

  test('the browser’s email pattern is zod’s own default, so both sides take the same addresses', () => {
    const samples = [
      'anna@example.se',
      'a.b+c@sub.example.se',
      "o'neil@example.com",
      'inte en adress',
      'anna@',
      '@example.se',
      'anna@example',
      'anna..b@example.se',
      'åsa@example.se',
      'anna@-example.se',
    ];
    for (const sample of samples) expect(EMAIL_PATTERN.test(sample)).toBe(z.regexes.email.test(sample));
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), fc.string()), (s) => {
        expect(EMAIL_PATTERN.test(s)).toBe(z.regexes.email.test(s));
      }),
    );
  });
});
