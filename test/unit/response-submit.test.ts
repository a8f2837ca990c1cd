import type { Dialogue } from '../../shared/dialogue/schema';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors';
import { ljungby } from '../../shared/municipality';
import type { SaveOutcome, Submission } from '../../shared/ports';
import { type ResponseBody, responseBodySchema } from '../../shared/responses/schema';
import { type SubmitDeps, emailHash, submitResponse } from '../../shared/responses/submit';
import { NOW, daysFrom, demo } from './fixtures';

const SUBMISSION_ID = '6f1c2b3a-9d8e-4f7a-8b6c-5d4e3f2a1b0c';

const body = (fields: Omit<Partial<ResponseBody>, 'submissionId'> = {}): ResponseBody =>
  responseBodySchema.parse({ answers: { favourite: 'alla', 'rating-alla': 4 }, submissionId: SUBMISSION_ID, ...fields });

/**
 * Plain fakes: the dialogue store answers `reads` in turn (the last one repeats), the response store answers
 * `outcomes` in turn (then "stored"), and both record what they were asked.
 */
function fakes(reads: ReadonlyArray<Dialogue | undefined>, outcomes: readonly SaveOutcome[] = []) {
  const gets: Array<{ id: string; fresh: boolean }> = [];
  const saved: Submission[] = [];
  let nextId = 0;
  const deps: SubmitDeps = {
    dialogues: {
      get: async (id, fresh) => {
        gets.push({ id, fresh });
        return reads[Math.min(gets.length - 1, reads.length - 1)];
      },
    },
    responses: {
      save: async (submission) => {
        saved.push(submission);
        return outcomes[saved.length - 1] ?? { kind: 'stored', responseId: submission.responseId, receivedAt: submission.receivedAt };
      },
    },
    municipality: ljungby,
    clock: { now: () => NOW },
    ids: { newId: () => `response-${++nextId}`, shard: (shards) => shards - 1 },
  };
  return { deps, gets, saved };
}

const open = (overrides: Partial<Dialogue> = {}) => demo({ id: 'lekplatsen', status: 'open', version: 3, responseShards: 4, ...overrides });

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
    expect(receipt).toEqual({ responseId: 'response-1', dialogueId: 'lekplatsen', receivedAt: NOW.toISOString(), willReceiveFeedback: false });
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
    await expect(submitResponse(deps, 'lekplatsen', body({ answers: { favourite: 'not-an-option' }, homepage: '   ' }))).rejects.toBeInstanceOf(ValidationError);
    expect(saved).toEqual([]);
  });

  test('a duplicate submission answers with the first receipt, not the new id, and says whether the first kept an address', async () => {
    const first = { kind: 'duplicate', responseId: 'first-response', receivedAt: '2026-03-09T10:00:00.000Z', willReceiveFeedback: false } as const;
    const { deps } = fakes([open()], [first]);
    // The retry adds an address the first call did not have: the receipt must not promise feedback.
    const receipt = await submitResponse(deps, 'lekplatsen', body({ contact: { email: 'ny@example.se', consent: true, language: 'sv' } }));
    expect(receipt).toEqual({ responseId: 'first-response', dialogueId: 'lekplatsen', receivedAt: '2026-03-09T10:00:00.000Z', willReceiveFeedback: false });
  });

  test('the first read may come from the cache', async () => {
    const { deps, gets } = fakes([open()]);
    await submitResponse(deps, 'lekplatsen', body());
    expect(gets).toEqual([{ id: 'lekplatsen', fresh: false }]);
  });

  test('a retry outcome re-reads the dialogue fresh, past any cache, and saves against its new version', async () => {
    const { deps, gets, saved } = fakes([open({ version: 3 }), open({ version: 4 })], [{ kind: 'retry' }]);
    const receipt = await submitResponse(deps, 'lekplatsen', body());
    expect(gets).toEqual([
      { id: 'lekplatsen', fresh: false },
      { id: 'lekplatsen', fresh: true },
    ]);
    expect(saved.map((s) => s.dialogueVersion)).toEqual([3, 4]);
    expect(receipt.responseId).toBe('response-2');
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

  test('a retry that finds the dialogue closed meanwhile stops with ConflictError', async () => {
    const { deps, saved } = fakes([open(), open({ status: 'closed' })], [{ kind: 'retry' }]);
    await expect(submitResponse(deps, 'lekplatsen', body())).rejects.toBeInstanceOf(ConflictError);
    expect(saved).toHaveLength(1);
  });

  test('three retry outcomes in a row give up with ConflictError after three reads and three saves', async () => {
    const { deps, gets, saved } = fakes([open()], [{ kind: 'retry' }, { kind: 'retry' }, { kind: 'retry' }, { kind: 'retry' }]);
    const error = await submitResponse(deps, 'lekplatsen', body()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/send it again/);
    expect(gets).toHaveLength(3);
    expect(saved).toHaveLength(3);
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
    const receipt = await submitResponse(deps, 'lekplatsen', body({ contact: { email: 'Anna.Svensson@Example.SE', consent: true, language: 'en' } }));
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
    await expect(submitResponse(deps, 'lekplatsen', body({ contact: { email: 'anna@example.se', consent: false, language: 'sv' } }))).rejects.toBeInstanceOf(
      ValidationError,
    );
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
