/**
 * "Errors a citizen understands", point 1: one 400 lists every problem of a response at once, those of the body's
 * shape (zod) and those of its answers against the dialogue alike, on the JSON route and the no-JS form post.
 */
import { createHandler as createSubmitHandler } from '../../functions/dialogues/submit/handler';
import { createHandler as createFormPostHandler } from '../../functions/web/form-post/handler';
import { publicDefinition } from '../../shared/dialogue/public-view';
import { type Issue, ValidationError } from '../../shared/errors';
import * as says from '../../shared/messages/issues';
import { ljungby } from '../../shared/municipality';
import { fieldNames } from '../../shared/presentation/form-body';
import { responseBodySchema } from '../../shared/responses/schema';
import { submitResponse } from '../../shared/responses/submit';
import { checkResponse } from '../../shared/responses/validate';
import { schemaIssues } from '../../shared/validation';
import { routes } from '../../shared/routes';
import { type HttpHandler, httpEvent, invoke, invokeRaw } from '../integration/support/events';
import { demo, neverStoringDeps, thrown } from './fixtures';

const SUBMISSION_ID = '6f1c2b3a-9d8e-4f7a-8b6c-5d4e3f2a1b0c';
const dialogue = demo();

/** The demo's one required question (`favourite`) left out, and an address that is no address. */
const twoProblems = {
  answers: { visits: true },
  contact: { email: 'inte en adress', consent: true },
  submissionId: SUBMISSION_ID,
};

const issuesOf = (input: unknown, against: Parameters<typeof checkResponse>[0] = dialogue): readonly Issue[] =>
  thrown(() => checkResponse(against, input, ljungby), ValidationError).issues;
const pathsOf = (issues: readonly Issue[]) => issues.map((i) => i.path);

describe('one check of a response finds the problems of its shape and of its answers together', () => {
  test('an invalid email address no longer hides a missing required answer', () => {
    expect(issuesOf(twoProblems)).toEqual([
      { path: 'answers.favourite', message: says.answerRequired().sv, messageEn: says.answerRequired().en },
      { path: 'contact.email', message: says.emailAddress().sv, messageEn: says.emailAddress().en },
    ]);
  });

  test('a missing submissionId, an unknown field and an unknown option all come back in one list', () => {
    expect(pathsOf(issuesOf({ answers: { favourite: 'gungbrada' }, isAdmin: true }))).toEqual([
      'answers.favourite',
      'submissionId',
      'isAdmin',
    ]);
  });

  test('a part that is no object is one issue of its own; the other parts are still checked', () => {
    expect(
      pathsOf(issuesOf({ answers: 'alla', contact: { email: 'anna@example.se', consent: false }, submissionId: 1 })),
    ).toEqual(['answers', 'contact.consent', 'submissionId']);
  });

  test('a profile of the wrong shape and a profile the dialogue does not know are both told', () => {
    const issues = issuesOf({
      answers: { favourite: 'alla' },
      profile: { ageBand: '200-plus', locality: 'Stockholm' },
      submissionId: SUBMISSION_ID,
    });
    expect(pathsOf(issues)).toEqual(['profile.ageBand', 'profile.locality']);
    expect(issues[1]?.message).toBe(says.unknownLocality('Stockholm').sv);
  });

  test('where the shape and the dialogue find something at the same path, it is one issue in the dialogue’s words', () => {
    // A nested object fails the answer schema (a union) and the question (a single choice) alike.
    expect(issuesOf({ answers: { favourite: { id: 'alla' } }, submissionId: SUBMISSION_ID })).toEqual([
      { path: 'answers.favourite', message: says.chooseOne().sv, messageEn: says.chooseOne().en },
    ]);
    // A missing consent: the shape would say "missing boolean"; the citizen reads what to tick.
    expect(
      issuesOf({ answers: { favourite: 'alla' }, contact: { email: 'a@example.se' }, submissionId: SUBMISSION_ID }),
    ).toEqual([{ path: 'contact.consent', message: says.consentRequired().sv, messageEn: says.consentRequired().en }]);
  });

  test('issues come in the form’s order: answers, profile, email, consent, then the rest', () => {
    expect(
      pathsOf(
        issuesOf({
          extra: 1,
          contact: { email: 'x', consent: false },
          profile: { locality: 'Stockholm' },
          answers: {},
        }),
      ),
    ).toEqual(['answers.favourite', 'profile.locality', 'contact.email', 'contact.consent', 'submissionId', 'extra']);
  });

  test('a valid body passes, parsed, with its answers as stored', () => {
    const checked = checkResponse(dialogue, { answers: { favourite: 'alla' }, submissionId: SUBMISSION_ID }, ljungby);
    expect(checked).toEqual({
      body: { answers: { favourite: 'alla' }, submissionId: SUBMISSION_ID },
      answers: { favourite: 'alla' },
      profile: {},
    });
  });
});

describe('both ways in answer with every problem at once', () => {
  test('the JSON route: submitResponse checks the body as sent, and rejects it with both issues, storing nothing', async () => {
    const error = await submitResponse(neverStoringDeps(dialogue), dialogue.id, twoProblems).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(pathsOf((error as ValidationError).issues)).toEqual(['answers.favourite', 'contact.email']);
  });

  test('a body failing the schema is also checked against the dialogue, alike for its public definition and its stored form', () => {
    const definition = publicDefinition(dialogue, ljungby);
    expect(responseBodySchema.safeParse(twoProblems).success).toBe(false);
    const issues = issuesOf(twoProblems, definition);
    expect(issues).toEqual(issuesOf(twoProblems, dialogue));
    expect(pathsOf(issues)).toEqual(['answers.favourite', 'contact.email']);
  });

  test('without a dialogue, schemaIssues stays the schema’s failures alone (path and query parameters)', () => {
    expect(pathsOf(schemaIssues(responseBodySchema, twoProblems, 'body'))).toEqual(['contact.email']);
  });
});

describe('through the deployed handlers (plain fakes, no AWS)', () => {
  const deps = () => neverStoringDeps(dialogue);

  test('POST /dialogues/{id}/responses answers one 400 with both issues', async () => {
    const handler = createSubmitHandler(deps()) as HttpHandler;
    const answer = await invoke<{ error: string; issues: Issue[] }>(
      handler,
      httpEvent(routes.submitResponse, { pathParameters: { id: dialogue.id }, body: twoProblems }),
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.json.error).toBe('validation');
    expect(pathsOf(answer.json.issues)).toEqual(['answers.favourite', 'contact.email']);
  });

  test('POST /form/{id} without JavaScript shows the form again with both errors', async () => {
    const handler = createFormPostHandler(deps()) as HttpHandler;
    const fields = new URLSearchParams({
      [fieldNames.answer('visits')]: 'true',
      [fieldNames.email]: 'inte en adress',
      [fieldNames.consent]: 'on',
      [fieldNames.submissionId]: SUBMISSION_ID,
    });
    const event = httpEvent(routes.formPost, {
      pathParameters: { id: dialogue.id },
      body: fields.toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
    const answer = await invokeRaw(handler, event);
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain(says.answerRequired().sv);
    expect(answer.body).toContain(says.emailAddress().sv);
  });
});
