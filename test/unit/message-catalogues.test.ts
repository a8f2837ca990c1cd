/**
 * "Errors a citizen understands", points 3 and 4: one issue builder; every issue and every refusal takes its words,
 * Swedish and English, from a catalogue in shared/messages/, and domain code holds no text of its own; refusals
 * (404, 409, ...) reach people in both languages, not in English only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { errorAnswer } from '../../functions/lib/http-errors';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  issue,
} from '../../shared/errors';
import * as says from '../../shared/messages/issues';
import * as refusals from '../../shared/messages/refusals';

const root = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (path === join('web', 'dist')) return [];
    return statSync(join(root, path)).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}
const productCode = ['shared', 'functions', 'web'].flatMap(sourceFiles);
const text = (file: string) => readFileSync(join(root, file), 'utf8');
const offending = (files: readonly string[], pattern: RegExp) => files.filter((f) => pattern.test(text(f)));

/** Calls every message function of a catalogue with sample arguments. */
const allOf = (catalogue: Record<string, (...args: never[]) => { sv: string; en: string }>) =>
  Object.entries(catalogue).map(([name, message]) => [name, (message as (...a: unknown[]) => unknown)('x', 3, 5)]);

describe('one issue builder', () => {
  test('issue(path, { sv, en }) is an issue: the path, Swedish as message, English as messageEn', () => {
    expect(issue('answers.q2', says.unknownOption('gungbrada'))).toEqual({
      path: 'answers.q2',
      message: 'Okänt alternativ "gungbrada".',
      messageEn: 'Unknown option "gungbrada".',
    });
  });

  test('no other module declares an issue builder of its own', () => {
    expect(offending(productCode, /\b(const|function)\s+issue\s*[=(<]/)).toEqual([join('shared', 'errors.ts')]);
  });

  test('no module writes an issue out by hand with a literal message', () => {
    // A literal, or any value that holds one, next to `message` or `messageEn` in an object.
    expect(offending(productCode, /\bmessage(En)?:\s*[^,{}\n]*[`'"]/)).toEqual([]);
  });
});

describe('no bilingual text inline in domain code', () => {
  const domain = [
    'shared/dialogue/rules.ts',
    'shared/decision/register.ts',
    'shared/responses/validate.ts',
    'shared/responses/submit.ts',
    'shared/dialogue/manage.ts',
    'shared/aggregation/results.ts',
    'functions/lib/parse.ts',
    'functions/lib/http.ts',
  ];

  test('the domain modules hold no Swedish text (it lives in shared/messages/)', () => {
    expect(offending(domain, /[åäöÅÄÖ]/)).toEqual([]);
  });

  test('no refusal is thrown with a bare English string', () => {
    expect(
      offending(productCode, /new (Conflict|NotFound|Forbidden|Unauthorized|UnsupportedMediaType)Error\(\s*[`'"]/),
    ).toEqual([]);
  });

  test('every message of the catalogues has a Swedish and an English text, and they differ', () => {
    for (const [name, message] of [...allOf(says), ...allOf(refusals)]) {
      const { sv, en } = message as { sv: string; en: string };
      expect({ name, sv: sv.length > 0, en: en.length > 0, differ: sv !== en }).toEqual({
        name,
        sv: true,
        en: true,
        differ: true,
      });
    }
  });

  test('the existing words are kept: tests and clients that read them still find them', () => {
    expect(says.unknownCommittee('finns-inte').en).toBe('Unknown committee "finns-inte".');
    expect(says.answerRequired().sv).toBe('Den här frågan måste besvaras.');
    expect(new ConflictError(refusals.illegalTransition('draft', 'closed')).message).toBe(
      'A dialogue that is draft cannot become closed.',
    );
    expect(refusals.illegalTransition('draft', 'closed').sv).toBe(
      'En dialog med status ”utkast” kan inte få status ”stängd”.',
    );
  });
});

describe('refusals reach people in Swedish and English', () => {
  test.each([
    [
      'UnauthorizedError',
      401,
      'unauthorized',
      new UnauthorizedError(refusals.tokenRequired()),
      refusals.tokenRequired(),
    ],
    ['ForbiddenError', 403, 'forbidden', new ForbiddenError(refusals.otherCommittee()), refusals.otherCommittee()],
    ['NotFoundError', 404, 'not_found', new NotFoundError(refusals.noDialogue('x')), refusals.noDialogue('x')],
    [
      'ConflictError',
      409,
      'conflict',
      new ConflictError(refusals.notOpenForResponses()),
      refusals.notOpenForResponses(),
    ],
    ['PayloadTooLargeError', 413, 'too_large', new PayloadTooLargeError(65_536), refusals.tooLarge(65_536)],
    [
      'UnsupportedMediaTypeError',
      415,
      'unsupported_media_type',
      new UnsupportedMediaTypeError(refusals.sendAs('application/json')),
      refusals.sendAs('application/json'),
    ],
  ])(
    'a %s answers %d with `message` in Swedish and `messageEn` in English',
    (_name, statusCode, code, error, words) => {
      expect(errorAnswer(error, 'corr-1')).toEqual({
        statusCode,
        body: { error: code, message: words.sv, messageEn: words.en },
      });
      // The Error's own message is the English one, for logs and operators.
      expect(error.message).toBe(words.en);
    },
  );

  test('an unknown error is a 500 in both languages that reveals nothing but the correlation id', () => {
    expect(errorAnswer(new Error('DynamoDB password is hunter2'), 'corr-1')).toEqual({
      statusCode: 500,
      body: {
        error: 'internal',
        message: 'Något gick fel hos oss. Försök igen om en stund.',
        messageEn: 'Something went wrong on our side. Please try again later.',
        correlationId: 'corr-1',
      },
    });
  });
});
