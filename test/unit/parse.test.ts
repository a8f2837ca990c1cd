import * as z from 'zod/mini';
import { parseJsonBody } from '../../functions/lib/parse';
import { schemaIssues } from '../../shared/validation';
import { ValidationError } from '../../shared/errors';
import { responseBodySchema } from '../../shared/responses/schema';
import { thrown } from './fixtures';

const SUBMISSION_ID = '0b5a8c1e-4a3f-4c1b-9d7e-2f1a3b4c5d6e';
const refused = (raw: string) => thrown(() => parseJsonBody(raw), ValidationError).issues;

describe('parseJsonBody', () => {
  test('valid JSON comes back as its value', () => {
    expect(parseJsonBody('{"answers":{"q1":["a","b"]},"n":1.5,"ok":true}')).toEqual({
      answers: { q1: ['a', 'b'] },
      n: 1.5,
      ok: true,
    });
  });

  test.each([
    ['__proto__ at the top', '{"__proto__":{"isAdmin":true}}', '__proto__'],
    ['constructor at the top', '{"constructor":{"prototype":{}}}', 'constructor'],
    ['prototype at the top', '{"prototype":1}', 'prototype'],
    ['__proto__ deep inside an array', '{"answers":{"q1":[{"a":{"__proto__":{"polluted":1}}}]}}', '__proto__'],
    ['constructor inside a nested object', '{"profile":{"x":{"y":{"constructor":"z"}}}}', 'constructor'],
    ['prototype inside an array of arrays', '[[{"prototype":null}]]', 'prototype'],
    ['__proto__ spelled with escapes', '{"\\u005f_proto__":{"isAdmin":true}}', '__proto__'],
    ['constructor spelled with an escaped letter', '{"a":{"\\u0063onstructor":1}}', 'constructor'],
  ])('a body with %s is refused, naming the key', (_, raw, key) => {
    expect(refused(raw)).toEqual([
      { path: 'body', message: `Fältet "${key}" är inte tillåtet.`, messageEn: `The field "${key}" is not allowed.` },
    ]);
  });

  test('refusing a __proto__ key leaves Object.prototype untouched', () => {
    refused('{"__proto__":{"polluted":"yes"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('the forbidden words are fine as values, only keys are refused', () => {
    expect(parseJsonBody('{"comment":"__proto__ constructor prototype"}')).toEqual({
      comment: '__proto__ constructor prototype',
    });
  });

  test.each([
    ['truncated JSON', '{"answers":'],
    ['single quotes', "{'answers':{}}"],
    ['a trailing comma', '{"a":1,}'],
    ['plain text', 'hej'],
  ])('%s is a ValidationError, not a crash', (_, raw) => {
    expect(refused(raw)).toEqual([
      { path: 'body', message: 'Innehållet är inte giltig JSON.', messageEn: 'The body is not valid JSON.' },
    ]);
  });

  test('nesting deep enough to overflow the stack, within the 64 KB body limit, never escapes as a RangeError', () => {
    const depth = 32_000; // 64,000 bytes; the key check's recursion overflows a default Node stack
    let outcome: unknown = 'parsed';
    try {
      parseJsonBody(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    } catch (error) {
      outcome = error;
    }
    expect(outcome === 'parsed' || outcome instanceof ValidationError).toBe(true);
  });

  test.each([
    ['empty', ''],
    ['only whitespace', ' \n\t '],
  ])('an %s body is a ValidationError saying it is empty', (_, raw) => {
    expect(refused(raw)).toEqual([
      { path: 'body', message: 'Begäran saknar innehåll.', messageEn: 'The request body is empty.' },
    ]);
  });
});

describe('schemaIssues', () => {
  const bad = {
    answers: { q2: { nested: true } },
    submissionId: SUBMISSION_ID,
    profile: { ageBand: 'old', foo: 1, bar: 2 },
    extra: 1,
  };

  test('body paths read as in the contract: answers.q2, profile.ageBand, no "body." prefix', () => {
    const paths = schemaIssues(responseBodySchema, bad, 'body').map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['answers.q2', 'profile.ageBand']));
  });

  test('unknown keys are listed in the path, at the level where they appear', () => {
    const paths = schemaIssues(responseBodySchema, bad, 'body').map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['extra', 'profile.foo,bar']));
    expect(paths).toHaveLength(4);
  });

  test('every issue has a Swedish message and an English one', () => {
    const issues = schemaIssues(responseBodySchema, { ...bad, submissionId: 'not-a-uuid' }, 'body');
    expect(issues.find((i) => i.path === 'submissionId')).toEqual({
      path: 'submissionId',
      message:
        'submissionId ska vara ett UUID som klienten skapar en gång per inskickning, så att nya försök är säkra.',
      messageEn: 'submissionId must be a UUID the client makes once per submission, so that retries are safe.',
    });
    expect(issues.find((i) => i.path === 'extra')).toEqual({
      path: 'extra',
      message: 'Okänt fält "extra"; ta bort det.',
      messageEn: 'Unknown field "extra"; remove it.',
    });
    for (const issue of issues) expect(issue.message).not.toBe(issue.messageEn);
  });

  test('path and query issues keep their prefix', () => {
    expect(
      schemaIssues(z.object({ id: z.string().check(z.regex(/^[a-z]+$/)) }), { id: 'Å' }, 'path').map((i) => i.path),
    ).toEqual(['path.id']);
    expect(
      schemaIssues(z.object({ page: z.coerce.number().check(z.int()) }), { page: 'x' }, 'query').map((i) => i.path),
    ).toEqual(['query.page']);
  });

  test('a body of the wrong shape altogether is an issue at "body"', () => {
    expect(schemaIssues(responseBodySchema, [], 'body')).toEqual([
      {
        path: 'body',
        message: 'Innehållet ska vara ett objekt, inte en lista.',
        messageEn: 'The content should be an object, not a list.',
      },
    ]);
  });

  test('a valid value has no issues', () => {
    expect(schemaIssues(responseBodySchema, { answers: {}, submissionId: SUBMISSION_ID }, 'body')).toEqual([]);
  });
});
