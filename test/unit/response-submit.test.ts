import type { Dialogue } from '../../shared/dialogue/schema';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors';
import { ljungby } from '../../shared/municipality';
import type { StoredSubmission, Submission } from '../../shared/ports';
import { type ResponseBody, responseBodySchema } from '../../shared/responses/schema';
import { type SubmitDeps, emailHash, submitResponse } from '../../shared/responses/submit';
import { NOW, daysFrom, demo } from './fixtures';

const SUBMISSION_ID = '6f1c2b3a-9d8e-4f7a-8b6c-5d4e3f2a1b0c';

const body = (fields: Omit<Partial<ResponseBody>, 'submissionId'> = {}): ResponseBody =>
  responseBodySchema.parse({
    answers: { favourite: 'alla', 'rating-alla': 4 },
    submissionId: SUBMISSION_ID,
    ...fields,
  });

/**
 * Plain fakes: the dialogue store answers `reads` in turn (the last one repeats) and `marks` in turn (then
 * true); the response store answers with `firstCopy` if given (a retry), else with what it was given. All record
 * what they were asked.
 */
function fakes(
  reads: ReadonlyArray<Dialogue | undefined>,
  { marks = [], firstCopy }: { marks?: readonly boolean[]; firstCopy?: StoredSubmission } = {},
) {
  const gets: Array<{ id: string; fresh: boolean }> = [];
  const marked: Array<{ id: string; expectedVersion: number; at: Date }> = [];
  const saved: Submission[] = [];
  const found: Array<{ dialogueId: string; submissionId: string }> = [];
  let nextId = 0;
  const deps: SubmitDeps = {
    dialogues: {
      get: async (id, fresh) => {
        gets.push({ id, fresh });
        return reads[Math.min(gets.length - 1, reads.length - 1)];
      },
      markResponded: async (id, expectedVersion, at) => {
        marked.push({ id, expectedVersion, at });
        return marks[marked.length - 1] ?? true;
      },
    },
    responses: {
      save: async (submission) => {
        saved.push(submission);
        return (
          firstCopy ?? {
            responseId: submission.responseId,
            receivedAt: submission.receivedAt,
            willReceiveFeedback: submission.contact !== undefined,
          }
        );
      },
      find: async (dialogueId, submissionId) => {
        found.push({ dialogueId, submissionId });
        return firstCopy;
      },
    },
    municipality: ljungby,
    clock: { now: () => NOW },
    ids: { newId: () => `response-${++nextId}`, shard: (shards) => shards - 1 },
  };
  return { deps, gets, marked, saved, found };
}

const open = (overrides: Partial<Dialogue> = {}) =>
  demo({ id: 'lekplatsen', status: 'open', version: 3, responseShards: 4, ...overrides });

describe('submitResponse', () => {
  test('a valid response is stored once with its checked answers, and the receipt names it', async () => {
    const { deps, saved } = fakes([open()]);
    const receipt = await submitResponse(deps, 'lekplatsen', body({ profile: { locality: 'Lagan' } }));

    expect(saved).toEqual([
      {
        dialogueId: 'lekplatsen',
        dialogueVersion: 3,
        submissionId: SUBMISSION_ID,
        responseId: 'response-1',
        shard: 3,
        receivedAt: NOW.toISOString(),
        answers: { favourite: 'alla', 'rating-alla': 4 },
        profile: { locality: 'Lagan' },
        quarantined: false,
      },
    ]);
    expect(receipt).toEqual({
      responseId: 'response-1',
      dialogueId: 'lekplatsen',
      receivedAt: NOW.toISOString(),
      willReceiveFeedback: false,
    });
  });

  test('a filled honeypot is saved quarantined, without answers or contact, and its answers are not even checked', async () => {
    const { deps, saved } = fakes([open()]);
    const bot = body({
      answers: { favourite: 'not-an-option', nonsense: 'x' },
      contact: { email: 'bot@spam.example', consent: true, language: 'sv' },
      homepage: 'https://spam.example',
    });

    const receipt = await submitResponse(deps, 'lekplatsen', bot);

    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ quarantined: true, answers: {}, profile: {} });
    expect(saved[0]).not.toHaveProperty('contact');
    expect(receipt).toMatchObject({ responseId: 'response-1', willReceiveFeedback: false });
  });

  test('a honeypot of only spaces is no hit: the response is checked as usual', async () => {
    const { deps, saved } = fakes([open()]);
    await expect(
      submitResponse(deps, 'lekplatsen', body({ answers: { favourite: 'not-an-option' }, homepage: '   ' })),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(saved).toEqual([]);
  });

  test('a retry answers with what the store says of the first copy', async () => {
    const firstCopy = {
      responseId: 'first-response',
      receivedAt: '2026-03-09T10:00:00.000Z',
      willReceiveFeedback: false,
    };
    const { deps } = fakes([open()], { firstCopy });
    const receipt = await submitResponse(
      deps,
      'lekplatsen',
      body({ contact: { email: 'ny@example.se', consent: true, language: 'sv' } }),
    );
    expect(receipt).toEqual({ ...firstCopy, dialogueId: 'lekplatsen' });
  });

  test('a submission id in upper case names the same submission as in lower case', async () => {
    const { deps, saved } = fakes([open()]);
    await submitResponse(
      deps,
      'lekplatsen',
      body({ submissionId: SUBMISSION_ID.toUpperCase() } as Partial<ResponseBody>),
    );
    expect(saved[0]?.submissionId).toBe(SUBMISSION_ID);
  });

  test('a retry of a stored submission after the dialogue closed answers with the stored copy, not 409', async () => {
    const firstCopy = {
      responseId: 'first-response',
      receivedAt: '2026-03-09T10:00:00.000Z',
      willReceiveFeedback: true,
    };
    const { deps, saved, found } = fakes([open({ status: 'closed' })], { firstCopy });
    const receipt = await submitResponse(
      deps,
      'lekplatsen',
      body({ contact: { email: 'Ny@Example.se', consent: true, language: 'sv' } }),
    );
    expect(receipt).toEqual({ ...firstCopy, dialogueId: 'lekplatsen' });
    // The store is asked for the copy by its id alone: nothing of the asking request's address reaches it.
    expect(found).toEqual([{ dialogueId: 'lekplatsen', submissionId: SUBMISSION_ID }]);
    expect(saved).toEqual([]);
  });

  test('the first read may come from the cache', async () => {
    const { deps, gets } = fakes([open()]);
    await submitResponse(deps, 'lekplatsen', body());
    expect(gets).toEqual([{ id: 'lekplatsen', fresh: false }]);
  });

  test('the first response marks the dialogue against the version it was checked with, before it is saved', async () => {
    const { deps, marked, saved } = fakes([open({ version: 3 })]);
    await submitResponse(deps, 'lekplatsen', body());
    expect(marked).toEqual([{ id: 'lekplatsen', expectedVersion: 3, at: NOW }]);
    expect(saved).toHaveLength(1);
  });

  test('once a dialogue shows a first response, no response marks it again', async () => {
    const { deps, marked, saved } = fakes([open({ firstResponseAt: '2026-03-01T08:00:00.000Z' })]);
    await submitResponse(deps, 'lekplatsen', body());
    expect(marked).toEqual([]);
    expect(saved).toHaveLength(1);
  });

  test('a honeypot hit never marks the dialogue: it does not count as a response', async () => {
    const { deps, marked } = fakes([open()]);
    await submitResponse(deps, 'lekplatsen', body({ homepage: 'https://spam.example' }));
    expect(marked).toEqual([]);
  });

  test('a failed mark (the dialogue changed) re-reads it fresh and checks the response against the new version', async () => {
    const { deps, gets, marked, saved } = fakes([open({ version: 3 }), open({ version: 4 })], { marks: [false] });
    const receipt = await submitResponse(deps, 'lekplatsen', body());
    expect(gets).toEqual([
      { id: 'lekplatsen', fresh: false },
      { id: 'lekplatsen', fresh: true },
    ]);
    expect(marked.map((m) => m.expectedVersion)).toEqual([3, 4]);
    expect(saved.map((s) => s.dialogueVersion)).toEqual([4]);
    expect(receipt.responseId).toBe(saved[0]?.responseId);
  });

  test('a failed mark whose fresh read shows the first response saves without marking again', async () => {
    const { deps, marked, saved } = fakes(
      [open({ version: 3 }), open({ version: 4, firstResponseAt: NOW.toISOString() })],
      { marks: [false] },
    );
    await submitResponse(deps, 'lekplatsen', body());
    expect(marked).toHaveLength(1);
    expect(saved.map((s) => s.dialogueVersion)).toEqual([4]);
  });

  test('a cached read that would turn the response away is checked against a fresh read first', async () => {
    const { deps, gets, saved } = fakes([open({ status: 'closed', version: 2 }), open({ status: 'open', version: 3 })]);
    const receipt = await submitResponse(deps, 'lekplatsen', body());
    expect(gets.map((g) => g.fresh)).toEqual([false, true]);
    expect(saved.map((s) => s.dialogueVersion)).toEqual([3]);
    expect(receipt.responseId).toBe(saved[0]?.responseId);
  });

  test('a refusal confirmed by the fresh read stands', async () => {
    const { deps, gets, saved } = fakes([open({ status: 'closed' })]);
    await expect(submitResponse(deps, 'lekplatsen', body())).rejects.toBeInstanceOf(ConflictError);
    expect(gets.map((g) => g.fresh)).toEqual([false, true]);
    expect(saved).toEqual([]);
  });

  test('a failed mark whose fresh read finds the dialogue closed stops with ConflictError and saves nothing', async () => {
    const { deps, saved } = fakes([open(), open({ status: 'closed' })], { marks: [false] });
    await expect(submitResponse(deps, 'lekplatsen', body())).rejects.toBeInstanceOf(ConflictError);
    expect(saved).toEqual([]);
  });

  test('three failed marks in a row give up with ConflictError after three reads, saving nothing', async () => {
    const { deps, gets, saved } = fakes([open()], { marks: [false, false, false, false] });
    const error = await submitResponse(deps, 'lekplatsen', body()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/send it again/);
    expect(gets).toHaveLength(3);
    expect(saved).toEqual([]);
  });

  test('a draft dialogue is not found, as if it did not exist', async () => {
    const { deps, saved } = fakes([open({ status: 'draft' })]);
    await expect(submitResponse(deps, 'lekplatsen', body())).rejects.toBeInstanceOf(NotFoundError);
    expect(saved).toEqual([]);
  });

  test('a dialogue that does not exist is not found', async () => {
    const { deps } = fakes([undefined]);
    await expect(submitResponse(deps, 'lekplatsen', body())).rejects.toBeInstanceOf(NotFoundError);
  });

  test.each([
    ['closed', open({ status: 'closed' })],
    ['decided', open({ status: 'decided' })],
    ['open but past its closing time', open({ closesAt: daysFrom(NOW, -1).toISOString() })],
    ['open but not yet opening', open({ opensAt: daysFrom(NOW, 1).toISOString() })],
  ])('a dialogue that is %s refuses responses with ConflictError and stores nothing', async (_, dialogue) => {
    const { deps, saved } = fakes([dialogue]);
    await expect(submitResponse(deps, 'lekplatsen', body())).rejects.toBeInstanceOf(ConflictError);
    expect(saved).toEqual([]);
  });

  test('invalid answers are a ValidationError and nothing is stored', async () => {
    const { deps, saved } = fakes([open()]);
    await expect(submitResponse(deps, 'lekplatsen', body({ answers: {} }))).rejects.toBeInstanceOf(ValidationError);
    expect(saved).toEqual([]);
  });
});

describe('contact for feedback', () => {
  test('with consent, the address is stored normalised, with its per-dialogue hash and language', async () => {
    const { deps, saved } = fakes([open()]);
    const receipt = await submitResponse(
      deps,
      'lekplatsen',
      body({ contact: { email: 'Anna.Svensson@Example.SE', consent: true, language: 'en' } }),
    );
    expect(saved[0]?.contact).toEqual({
      email: 'anna.svensson@example.se',
      emailHash: emailHash('lekplatsen', 'anna.svensson@example.se'),
      language: 'en',
    });
    expect(receipt.willReceiveFeedback).toBe(true);
  });

  test('without a contact nothing is kept and no feedback is promised', async () => {
    const { deps, saved } = fakes([open()]);
    const receipt = await submitResponse(deps, 'lekplatsen', body());
    expect(saved[0]).not.toHaveProperty('contact');
    expect(receipt.willReceiveFeedback).toBe(false);
  });

  test('an address without consent is refused, never stored', async () => {
    const { deps, saved } = fakes([open()]);
    await expect(
      submitResponse(
        deps,
        'lekplatsen',
        body({ contact: { email: 'anna@example.se', consent: false, language: 'sv' } }),
      ),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(saved).toEqual([]);
  });

  test('emailHash is the same for one address however it is cased or spaced, within one dialogue', () => {
    expect(emailHash('lekplatsen', '  Anna@Example.se')).toBe(emailHash('lekplatsen', 'anna@example.SE  '));
    expect(emailHash('lekplatsen', 'anna@example.se')).toMatch(/^[0-9a-f]{64}$/);
  });

  test('emailHash differs between dialogues for the same address, and between addresses', () => {
    expect(emailHash('lekplatsen', 'anna@example.se')).not.toBe(emailHash('badplatsen', 'anna@example.se'));
    expect(emailHash('lekplatsen', 'anna@example.se')).not.toBe(emailHash('lekplatsen', 'bertil@example.se'));
  });

  test('the hash cannot be forged by moving text between the dialogue id and the address', () => {
    expect(emailHash('a', 'b@example.se')).not.toBe(emailHash('ab', '@example.se'));
  });
});
