/**
 * "Errors a citizen understands", point 2: what zod finds wrong is told in our own words, in Swedish and English
 * (shared/messages/input.ts), never in a schema library's defaults.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import { decisionBodySchema } from '../../shared/decision/schema';
import { dialogueInputSchema } from '../../shared/dialogue/schema';
import type { Issue } from '../../shared/errors';
import { inputErrors } from '../../shared/messages/input';
import { municipalitySchema } from '../../shared/municipality';
import { responseBodySchema } from '../../shared/responses/schema';
import { dialogueIdPath } from '../../shared/routes';
import { parseOrThrow, schemaIssues } from '../../shared/validation';
import { demoDefinition } from './fixtures';

const SUBMISSION_ID = '0b5a8c1e-4a3f-4c1b-9d7e-2f1a3b4c5d6e';
const valid = { answers: { favourite: 'alla' }, submissionId: SUBMISSION_ID };

const issueAt = (issues: readonly Issue[], path: string) => issues.find((i) => i.path === path);
const bodyIssue = (value: unknown, path: string) => issueAt(schemaIssues(responseBodySchema, value, 'body'), path);

/** What zod's own messages look like, in English and in its Swedish locale. */
const ZOD_DEFAULTS =
  /Invalid input|Invalid option|Invalid string|Too big|Too small|Unrecognized key|expected (string|number|object|boolean|array)|Ogiltig|förväntat|Okänd nyckel|För stor|För liten/;

describe('messages written for this product', () => {
  test('a missing field says so, and names what belongs there', () => {
    expect(bodyIssue({ ...valid, contact: { email: 'a@example.se' } }, 'contact.consent')).toEqual({
      path: 'contact.consent',
      message: 'Fältet saknas; här ska stå true eller false.',
      messageEn: 'This field is missing; it should be true or false.',
    });
    expect(bodyIssue({ submissionId: SUBMISSION_ID }, 'answers')).toMatchObject({
      message: 'Fältet saknas; här ska stå ett objekt.',
      messageEn: 'This field is missing; it should be an object.',
    });
  });

  test('a value of the wrong type names what it should be and what it is', () => {
    expect(bodyIssue({ ...valid, contact: { email: 'a@example.se', consent: 'ja' } }, 'contact.consent')).toMatchObject(
      { message: 'Här ska stå true eller false, inte text.', messageEn: 'This should be true or false, not text.' },
    );
  });

  test('a setting that is no number (coerced to NaN) says what it should be, not "a number, not a number"', () => {
    const schema = z.object({ PORT: z.coerce.number().check(z.int()) });
    expect(schemaIssues(schema, { PORT: 'abc' }, 'body')).toEqual([
      { path: 'PORT', message: 'Här ska stå ett tal.', messageEn: 'This should be a number.' },
    ]);
  });

  test('an invalid email address says how to write one', () => {
    expect(bodyIssue({ ...valid, contact: { email: 'anna.example.se', consent: true } }, 'contact.email')).toEqual({
      path: 'contact.email',
      message: 'Skriv e-postadressen som namn@exempel.se.',
      messageEn: 'Write the email address as name@example.se.',
    });
  });

  test('a missing or malformed submissionId says what it is, in both languages', () => {
    const { submissionId: _, ...without } = valid;
    expect(bodyIssue(without, 'submissionId')).toMatchObject({
      message: 'submissionId saknas: ett UUID som klienten skapar en gång per inskickning, så att nya försök är säkra.',
      messageEn: 'submissionId is missing: a UUID the client makes once per submission, so that retries are safe.',
    });
    expect(bodyIssue({ ...valid, submissionId: 'abc' }, 'submissionId')).toMatchObject({
      message:
        'submissionId ska vara ett UUID som klienten skapar en gång per inskickning, så att nya försök är säkra.',
      messageEn: 'submissionId must be a UUID the client makes once per submission, so that retries are safe.',
    });
  });

  test('too long and too short name the limit (and, for text, how long it is now)', () => {
    expect(bodyIssue({ ...valid, profile: { locality: 'x'.repeat(101) } }, 'profile.locality')).toMatchObject({
      message: 'Texten får vara högst 100 tecken (nu 101).',
      messageEn: 'The text may be at most 100 characters (now 101).',
    });
    expect(
      bodyIssue({ ...valid, profile: { relation: ['lives', 'works', 'visits', 'lives'] } }, 'profile.relation'),
    ).toMatchObject({
      message: 'Listan får ha högst 3 poster (nu 4).',
      messageEn: 'The list may have at most 3 items (now 4).',
    });
    const empty = schemaIssues(z.object({ name: z.string().check(z.minLength(1)) }), { name: '' }, 'body');
    expect(empty).toEqual([
      { path: 'name', message: 'Fältet får inte vara tomt.', messageEn: 'This field must not be empty.' },
    ]);
  });

  test('unknown fields are named and asked to be removed', () => {
    expect(bodyIssue({ ...valid, isAdmin: true }, 'isAdmin')).toMatchObject({
      message: 'Okänt fält "isAdmin"; ta bort det.',
      messageEn: 'Unknown field "isAdmin"; remove it.',
    });
    expect(bodyIssue({ ...valid, profile: { foo: 1, bar: 2 } }, 'profile.foo,bar')).toMatchObject({
      message: 'Okända fält "foo", "bar"; ta bort dem.',
      messageEn: 'Unknown fields "foo", "bar"; remove them.',
    });
  });

  test('an invalid choice lists the allowed values', () => {
    expect(bodyIssue({ ...valid, profile: { ageBand: 'old' } }, 'profile.ageBand')).toMatchObject({
      message: 'Välj ett av: "under-16", "16-19", "20-29", "30-44", "45-64", "65-79", "80-plus".',
      messageEn: 'Choose one of: "under-16", "16-19", "20-29", "30-44", "45-64", "65-79", "80-plus".',
    });
  });
});

describe('ids in paths and definitions: Swedish is Swedish', () => {
  test('a malformed dialogue id in the path (GET /dialogues/NOT VALID!) is explained in both languages', () => {
    expect(schemaIssues(dialogueIdPath, { id: 'NOT VALID!' }, 'path')).toEqual([
      {
        path: 'path.id',
        message:
          'Använd bara små bokstäver a–z, siffror och bindestreck, högst 40 tecken, och börja med en bokstav eller siffra.',
        messageEn:
          'Use only lower-case letters a–z, digits and hyphens, at most 40 characters, starting with a letter or digit.',
      },
    ]);
  });

  test('a reserved word as an id is refused in both languages', () => {
    expect(schemaIssues(dialogueIdPath, { id: 'constructor' }, 'path')).toEqual([
      {
        path: 'path.id',
        message: '"constructor" är ett reserverat ord; välj ett annat.',
        messageEn: '"constructor" is a reserved word; choose another.',
      },
    ]);
  });

  test('a malformed committee or question id in a definition is told in both languages', () => {
    const definition = demoDefinition();
    const [first, ...rest] = definition.questions;
    const broken = {
      ...definition,
      leadCommittee: 'Tekniska nämnden',
      questions: [{ ...first, id: 'Fråga 1' }, ...rest],
    };
    const issues = schemaIssues(dialogueInputSchema, broken, 'body');
    expect(issues.map((i) => i.path)).toEqual(['leadCommittee', 'questions.0.id']);
    for (const found of issues) {
      expect(found.message).toMatch(/^Använd bara små bokstäver/);
      expect(found.messageEn).toMatch(/^Use only lower-case letters/);
    }
  });

  test('a committee id in the municipality configuration has words of its own', () => {
    const issues = schemaIssues(
      municipalitySchema,
      { name: 'X', committees: [{ id: 'Kommun Styrelsen', name: 'KS' }], localities: ['X'] },
      'body',
    );
    expect(issues).toEqual([
      {
        path: 'committees.0.id',
        message: 'Använd små bokstäver a–z och siffror, med ett bindestreck mellan orden.',
        messageEn: 'Use lower-case letters a–z and digits, with a single hyphen between words.',
      },
    ]);
  });

  test('a decision with a malformed date says how to write one', () => {
    const issues = schemaIssues(decisionBodySchema, { summary: 'S', motivation: 'M', decidedAt: '10/2/2027' }, 'body');
    expect(issueAt(issues, 'decidedAt')).toMatchObject({
      message: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-02-10.',
      messageEn: 'Write the date as YYYY-MM-DD, for example 2027-02-10.',
    });
  });
});

describe('never a schema library’s defaults', () => {
  const anything = fc.anything({ maxDepth: 3, maxKeys: 5, withNullPrototype: false });
  const bodies = fc.oneof(
    anything,
    fc.record({
      answers: fc.oneof(anything, fc.dictionary(fc.string({ maxLength: 70 }), anything, { maxKeys: 4 })),
      profile: fc.option(
        fc.record({ relation: anything, ageBand: fc.oneof(fc.string(), anything), locality: anything }),
        { nil: undefined },
      ),
      contact: fc.option(fc.record({ email: anything, consent: anything, language: anything }), { nil: undefined }),
      submissionId: fc.oneof(fc.uuid(), anything),
      extra: fc.option(anything, { nil: undefined }),
    }),
  );

  test('no issue of a response body, however malformed, reads like zod, and Swedish differs from English', () => {
    fc.assert(
      fc.property(bodies, (body) => {
        for (const found of schemaIssues(responseBodySchema, body, 'body')) {
          expect(found.message).not.toMatch(ZOD_DEFAULTS);
          expect(found.messageEn).not.toMatch(ZOD_DEFAULTS);
          expect(found.message.length).toBeGreaterThan(0);
          expect(found.message).not.toBe(found.messageEn);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('no issue of a dialogue definition reads like zod either', () => {
    fc.assert(
      fc.property(anything, fc.constantFrom('title', 'questions', 'format', 'influence', 'closesAt'), (value, key) => {
        const broken = { ...demoDefinition(), [key]: value };
        for (const found of schemaIssues(dialogueInputSchema, broken, 'body')) {
          expect(found.message).not.toMatch(ZOD_DEFAULTS);
          expect(found.messageEn).not.toMatch(ZOD_DEFAULTS);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the operators’ configuration errors (parseOrThrow) use the English catalogue too', () => {
    expect(() =>
      parseOrThrow(z.object({ PORT: z.string().check(z.regex(/^\d+$/)) }), {}, (issues) => `bad env: ${issues}`),
    ).toThrow('bad env: ✖ This field is missing; it should be text.\n  → at PORT');
  });

  test('the error maps are plain functions per language, usable as `{ error }` in any parse', () => {
    const parsed = z.safeParse(z.email(), 'nope', { error: inputErrors.sv });
    expect(parsed.success ? '' : parsed.error.issues[0]?.message).toBe('Skriv e-postadressen som namn@exempel.se.');
  });
});
