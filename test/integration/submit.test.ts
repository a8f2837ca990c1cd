/**
 * The public path (contract section 2): reading a dialogue and submitting a response, through the deployed
 * handlers built from the real runtime, against DynamoDB Local. What is stored is checked in the table itself.
 */
import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { dynamoResponseStore } from '../../functions/adapters/response-store';
import { dynamoAggregateStore, dynamoResponseReader } from '../../functions/adapters/aggregate-store';
import { dynamoDialogueStore } from '../../functions/adapters/dialogue-store';
import { handler as getDialogue } from '../../functions/dialogues/get/handler';
import { handler as submit } from '../../functions/dialogues/submit/handler';
import { demoDialogue } from '../../local/demo-dialogue';
import { DEMO_DIALOGUE_ID, seedDemo } from '../../local/seed';
import type { Caller } from '../../shared/access';
import { changeStatus } from '../../shared/dialogue/lifecycle';
import { drafted, moved, replacing, saved } from '../support/dialogues';
import { officialResults } from '../../shared/aggregation/results';
import { aggregateDialogue } from '../../shared/aggregation/run';
import { ConflictError, type Issue } from '../../shared/errors';
import { ljungby } from '../../shared/municipality';
import { emailHash } from '../../shared/responses/submit';
import { DEFAULT_BODY_LIMIT_BYTES, routes } from '../../shared/routes';
import { createTestTable } from '../support/dynamo';
import { type RequestOptions, httpEvent, invoke } from './support/events';
import { type Item, itemsOf, leafValues, scanAll, tableName, testDocumentClient } from './support/table';

const db = testDocumentClient();
const SHARDS = 4;
const DAY = 86_400_000;
const seeder: Caller = { sub: 'test-seed', committees: [], isAdmin: true };

const DRAFT_ID = 'utkast-dialog';
const CLOSED_ID = 'stangd-dialog';
const NOT_YET_OPEN_ID = 'oppnar-snart';

interface Receipt {
  responseId: string;
  dialogueId: string;
  receivedAt: string;
  willReceiveFeedback: boolean;
}
interface ValidationBody {
  error: 'validation';
  issues: Issue[];
}

const post = <T = Receipt>(body: unknown, options: Omit<RequestOptions, 'body'> & { id?: string } = {}) => {
  const { id = DEMO_DIALOGUE_ID, ...rest } = options;
  return invoke<T>(submit, httpEvent(routes.submitResponse, { pathParameters: { id }, body, ...rest }));
};
const read = (id: string) =>
  invoke<Record<string, unknown>>(getDialogue, httpEvent(routes.getDialogue, { pathParameters: { id } }));

/** The smallest valid response to the demo dialogue (only `favourite` is required). */
const valid = <E extends Record<string, unknown>>(extra?: E) =>
  ({ answers: { favourite: 'natur' } as Record<string, unknown>, submissionId: randomUUID() as string, ...extra }) as {
    answers: Record<string, unknown>;
    submissionId: string;
  } & E;

const demoItems = async () => itemsOf(await scanAll(db), DEMO_DIALOGUE_ID);

/** Runs `action` and checks that the table holds exactly the same items afterwards. */
async function expectNothingStored(action: () => Promise<unknown>): Promise<void> {
  const before = await scanAll(db);
  await action();
  const after = await scanAll(db);
  expect(after.length).toBe(before.length);
  expect(after).toEqual(expect.arrayContaining(before));
}

async function storedResponse(responseId: string): Promise<Item> {
  const item = (await demoItems()).responses.find((r) => r.responseId === responseId);
  if (!item) throw new Error(`no stored response ${responseId}`);
  return item;
}

beforeAll(async () => {
  await createTestTable();
  const now = new Date();
  await seedDemo(db, tableName(), SHARDS, now);

  const store = dynamoDialogueStore(db, tableName());
  const draft = drafted({ ...demoDialogue(now), title: { sv: 'Ett utkast' } }, seeder, ljungby, {
    id: DRAFT_ID,
    now,
    responseShards: SHARDS,
  });
  await store.write(saved(draft));
  const closed = drafted({ ...demoDialogue(now), title: { sv: 'Stängd' } }, seeder, ljungby, {
    id: CLOSED_ID,
    now,
    responseShards: SHARDS,
  });
  await store.write(saved(moved(moved(closed, 'open', seeder, now), 'closed', seeder, now)));
  const later = drafted(
    { ...demoDialogue(now), title: { sv: 'Öppnar snart' }, opensAt: new Date(now.getTime() + DAY).toISOString() },
    seeder,
    ljungby,
    { id: NOT_YET_OPEN_ID, now, responseShards: SHARDS },
  );
  await store.write(saved(moved(later, 'open', seeder, now)));
});

afterAll(() => db.destroy());

describe('GET /dialogues/{id} (public definition)', () => {
  it('answers 200 with the open demo dialogue, conditions first: target group, question, influence with its level name, decision, feedback promise, data handling, representative democracy', async () => {
    const answer = await read(DEMO_DIALOGUE_ID);

    expect(answer.statusCode).toBe(200);
    const demo = demoDialogue(new Date());
    expect(answer.json).toMatchObject({
      id: DEMO_DIALOGUE_ID,
      status: 'open',
      leadCommittee: 'tekniska-namnden',
      title: demo.title,
    });
    const conditions = answer.json.conditions as Record<string, Record<string, unknown>>;
    expect(conditions.targetGroup).toMatchObject({ description: demo.targetGroup?.description });
    expect(conditions.question).toEqual(demo.question);
    expect(conditions.influence).toMatchObject({
      level: 'consultation',
      canChange: demo.influence?.canChange,
      cannotChange: demo.influence?.cannotChange,
      levelName: { sv: expect.any(String), en: expect.any(String) },
    });
    expect(conditions.decision).toMatchObject({
      committee: 'tekniska-namnden',
      committeeName: 'Tekniska nämnden',
      expectedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(conditions.feedbackPromise).toMatchObject({
      how: demo.feedbackPromise?.how,
      byDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(conditions.representativeDemocracy).toEqual({
      sv: expect.stringMatching(/representativa demokratin/),
      en: expect.stringMatching(/representative democracy/),
    });
    const dataHandling = {
      stored: expect.any(String),
      anonymous: expect.any(String),
      email: expect.any(String),
      withdraw: expect.any(String),
      controller: expect.any(String),
    };
    expect(conditions.dataHandling).toEqual({ sv: dataHandling, en: dataHandling });
  });

  it('lists every question with its type, and the ranking of the alternatives carries the alternatives as options', async () => {
    const answer = await read(DEMO_DIALOGUE_ID);
    const questions = answer.json.questions as Array<Record<string, unknown>>;

    expect(questions.map((q) => [q.id, q.type])).toEqual([
      ['favourite', 'single'],
      ['ranking', 'ranking'],
      ['important', 'multiple'],
      ['rating-alla', 'rating'],
      ['visits', 'yesno'],
      ['comments', 'text'],
    ]);
    expect(questions.find((q) => q.id === 'ranking')?.options).toEqual([
      { id: 'natur', label: { sv: 'Naturlekplats', en: 'Nature playground' } },
      { id: 'aventyr', label: { sv: 'Äventyrslekplats', en: 'Adventure playground' } },
      { id: 'alla', label: { sv: 'Lekplats för alla', en: 'Playground for everyone' } },
    ]);
    expect(questions.find((q) => q.id === 'rating-alla')?.scale).toMatchObject({ min: 1, max: 5 });
    expect(questions.find((q) => q.id === 'important')).toMatchObject({ maxChoices: 3 });
    expect(questions.find((q) => q.id === 'comments')).toMatchObject({ maxLength: 2000 });
  });

  it('reveals nothing internal (creator, version, shard count)', async () => {
    const answer = await read(DEMO_DIALOGUE_ID);
    for (const internal of ['createdBy', 'version', 'responseShards', 'pk', 'sk', 'gsi1pk'])
      expect(answer.json).not.toHaveProperty(internal);
  });

  it('answers 404 for a draft and for an unknown id', async () => {
    expect((await read(DRAFT_ID)).statusCode).toBe(404);
    expect((await read('finns-inte')).statusCode).toBe(404);
  });

  it('answers 200 for a closed dialogue (its conditions stay public)', async () => {
    const answer = await read(CLOSED_ID);
    expect(answer.statusCode).toBe(200);
    expect(answer.json.status).toBe('closed');
  });
});

describe('POST /dialogues/{id}/responses: storing', () => {
  it('a valid response answers 201 with a receipt and stores one response under its submission, in one shard of the arrival index', async () => {
    const before = await demoItems();
    const body = valid({
      answers: {
        favourite: 'alla',
        ranking: ['alla', 'natur', 'aventyr'],
        important: ['shade', 'toilet'],
        'rating-alla': 5,
        visits: true,
        comments: 'Fler bänkar, tack.',
      },
      profile: { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
    });

    const answer = await post(body);

    expect(answer.statusCode).toBe(201);
    expect(answer.json).toEqual({
      responseId: expect.any(String),
      dialogueId: DEMO_DIALOGUE_ID,
      receivedAt: expect.any(String),
      willReceiveFeedback: false,
    });
    const after = await demoItems();
    expect(after.all.length).toBe(before.all.length + 1);
    expect(after.responses.length).toBe(before.responses.length + 1);
    expect(after.contacts.length).toBe(before.contacts.length);
    const stored = await storedResponse(answer.json.responseId);
    expect(stored).toMatchObject({ pk: `DIALOGUE#demo#SUBMISSION#${body.submissionId}`, sk: 'RESPONSE' });
    expect(stored.gsi2pk).toMatch(/^DIALOGUE#demo#RESPONSES#[0-3]$/);
    expect(stored.gsi2sk).toBe(`${answer.json.receivedAt}#${answer.json.responseId}`);
    expect(stored).toMatchObject({
      kind: 'response',
      answers: body.answers,
      profile: body.profile,
      receivedAt: answer.json.receivedAt,
    });
  });

  it('a retry with the same submissionId answers 201 with the same receipt and stores nothing new, even if the body changed', async () => {
    const body = valid();
    const first = await post(body);
    expect(first.statusCode).toBe(201);

    let retry: Awaited<ReturnType<typeof post>> | undefined;
    await expectNothingStored(async () => {
      retry = await post(body);
      await post({ ...body, answers: { favourite: 'aventyr' } });
    });

    expect(retry?.statusCode).toBe(201);
    expect(retry?.json).toEqual(first.json);
    expect((await storedResponse(first.json.responseId)).answers).toEqual({ favourite: 'natur' });
  });

  it('concurrent retries with one submissionId all answer with the same responseId and store one response', async () => {
    const body = valid();
    const before = await demoItems();

    const answers = await Promise.all(Array.from({ length: 6 }, () => post(body)));

    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.json.responseId)).size).toBe(1);
    expect((await demoItems()).responses.length).toBe(before.responses.length + 1);
  });

  it('a retry that writes the submission id in upper case is still a retry', async () => {
    const body = valid();
    const first = await post(body);

    let retry: Awaited<ReturnType<typeof post>> | undefined;
    await expectNothingStored(async () => {
      retry = await post({ ...body, submissionId: body.submissionId.toUpperCase() });
    });

    expect(retry?.json).toEqual(first.json);
  });

  it('stores text NFC-normalised, trimmed and without control characters, and markup verbatim as text', async () => {
    const decomposed = '  Cafe\u0301 vid Lagan\u0007 \n ';
    const script = '<script>alert("hej")</script> & <b>fet</b>';

    const a = await post(valid({ answers: { favourite: 'natur', comments: decomposed } }));
    const b = await post(valid({ answers: { favourite: 'natur', comments: script } }));

    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const first = (await storedResponse(a.json.responseId)).answers as Record<string, string>;
    expect(first.comments).toBe('Caf\u00e9 vid Lagan');
    expect(first.comments).toBe(first.comments?.normalize('NFC'));
    expect(((await storedResponse(b.json.responseId)).answers as Record<string, string>).comments).toBe(script);
  });

  it('a text answer that is only white space counts as unanswered and is not stored', async () => {
    const answer = await post(valid({ answers: { favourite: 'natur', comments: ' \n\t ' } }));
    expect(answer.statusCode).toBe(201);
    expect((await storedResponse(answer.json.responseId)).answers).toEqual({ favourite: 'natur' });
  });

  it('spreads responses over the dialogue’s shard partitions: after 40 submissions more than one shard holds responses', async () => {
    for (let i = 0; i < 40; i++) expect((await post(valid())).statusCode).toBe(201);

    const partitions = new Set((await demoItems()).responses.map((r) => String(r.gsi2pk)));

    expect(partitions.size).toBeGreaterThan(1);
    for (const pk of partitions) expect(pk).toMatch(/^DIALOGUE#demo#RESPONSES#[0-3]$/);
  });

  it('accepts a body of exactly 64 KB and a JSON content type with parameters in any case', async () => {
    const compact = JSON.stringify(valid());
    const padded = compact + ' '.repeat(DEFAULT_BODY_LIMIT_BYTES - Buffer.byteLength(compact));
    expect(Buffer.byteLength(padded)).toBe(DEFAULT_BODY_LIMIT_BYTES);

    expect((await post(padded)).statusCode).toBe(201);
    expect((await post(valid(), { contentType: 'Application/JSON; charset=UTF-8' })).statusCode).toBe(201);
  });

  it('accepts a base64-encoded body, as API Gateway may deliver it', async () => {
    const answer = await post(Buffer.from(JSON.stringify(valid())).toString('base64'), { isBase64Encoded: true });
    expect(answer.statusCode).toBe(201);
  });
});

describe('POST /dialogues/{id}/responses: contact details for feedback (P12)', () => {
  const email = 'Anna.Andersson@Example.se';

  it('stores the address apart: a contact item (email, language) that shares no value with the response', async () => {
    const before = await demoItems();
    const body = valid({
      answers: { favourite: 'aventyr', comments: 'Skriv till mig.' },
      contact: { email, consent: true, language: 'en' },
    });

    const answer = await post(body);

    expect(answer.statusCode).toBe(201);
    expect(answer.json.willReceiveFeedback).toBe(true);
    expect(JSON.stringify(answer.json).toLowerCase()).not.toContain('anna');
    const after = await demoItems();
    expect(after.contacts.length).toBe(before.contacts.length + 1);
    const contact = after.contacts.find((c) => c.email === email.toLowerCase());
    expect(contact).toMatchObject({ email: 'anna.andersson@example.se', language: 'en', kind: 'contact' });
    const response = await storedResponse(answer.json.responseId);

    // Nothing in the contact can join it to the response: no id, no submission id, no time.
    for (const joining of [
      'responseId',
      'submissionId',
      'receivedAt',
      'createdAt',
      'dialogueVersion',
      'answers',
      'profile',
      'expiresAt',
      'gsi1pk',
      'gsi1sk',
      'gsi2pk',
      'gsi2sk',
    ]) {
      expect(contact).not.toHaveProperty(joining);
    }
    // Every value of the contact against every value of the response, exactly and as substrings.
    // The dialogue id is the one exception: every item of the dialogue carries it, so it joins nothing.
    const contactValues = leafValues(contact).filter((v) => v !== DEMO_DIALOGUE_ID);
    const otherValues = leafValues(response);
    const shared = contactValues.flatMap((c) =>
      otherValues
        .filter((o) => o === c || (c.length >= 8 && o.includes(c)) || (o.length >= 8 && c.includes(o)))
        .map((o) => [c, o]),
    );
    expect(shared).toEqual([]);
    for (const value of leafValues(contact)) {
      expect(value).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(value).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    }
  });

  it('a retry that adds an address the first call did not carry stores nothing and answers as the first call did', async () => {
    const body = valid({ contact: { email: 'Cilla@Exempel.nu', consent: true } });
    const { contact: _contact, ...withoutContact } = body;
    const first = await post(withoutContact);
    expect(first.json.willReceiveFeedback).toBe(false);

    let retry: Awaited<ReturnType<typeof post>> | undefined;
    await expectNothingStored(async () => {
      retry = await post(body);
    });

    expect(retry?.statusCode).toBe(201);
    expect(retry?.json).toEqual(first.json);
  });

  it('a retry of a submission with an address answers as the first call did: feedback promised, one contact', async () => {
    const body = valid({ contact: { email: 'Dan@Exempel.nu', consent: true } });
    const first = await post(body);
    expect(first.json.willReceiveFeedback).toBe(true);

    let retry: Awaited<ReturnType<typeof post>> | undefined;
    await expectNothingStored(async () => {
      retry = await post(body);
    });

    expect(retry?.json).toEqual(first.json);
    expect((await demoItems()).contacts.filter((c) => c.email === 'dan@exempel.nu')).toHaveLength(1);
  });

  it('a retry answers as the first call did whatever address it carries: no answer tells whether an address is a stored contact', async () => {
    // Somebody else took part and left an address; an attacker knows it and owns a submission id of their own.
    expect((await post(valid({ contact: { email: 'Hemlig@Exempel.nu', consent: true } }))).statusCode).toBe(201);
    const variants = (body: ReturnType<typeof valid>) => {
      const { contact: _contact, ...bare } = body;
      return [
        bare,
        { ...bare, contact: { email: 'hemlig@exempel.nu', consent: true } },
        { ...bare, contact: { email: 'HEMLIG@Exempel.NU', consent: true, language: 'en' } },
        { ...bare, contact: { email: 'okand@exempel.nu', consent: true } },
      ];
    };
    for (const first of [valid(), valid({ contact: { email: 'Egen@Exempel.nu', consent: true } })]) {
      const answered = await post(first);
      expect(answered.statusCode).toBe(201);
      await expectNothingStored(async () => {
        for (const retry of variants(first)) {
          const again = await post(retry);
          expect({ status: again.statusCode, json: again.json }).toEqual({ status: 201, json: answered.json });
        }
      });
    }
  });

  it('concurrent copies of one submission with an address store one response and one contact, and all answer alike', async () => {
    const body = valid({ contact: { email: 'Eva@Exempel.nu', consent: true } });
    const before = await demoItems();

    const answers = await Promise.all(Array.from({ length: 6 }, () => post(body)));

    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => JSON.stringify(a.json))).size).toBe(1);
    const after = await demoItems();
    expect(after.responses.length).toBe(before.responses.length + 1);
    expect(after.contacts.filter((c) => c.email === 'eva@exempel.nu')).toHaveLength(1);
  });

  it('a copy whose transaction collides with another copy of itself answers with the stored one (fault injected)', async () => {
    // DynamoDB Local rarely lets two transactions on one item collide; the collision is injected, the rest is real.
    const documentClient = testDocumentClient();
    const realSend = documentClient.send.bind(documentClient) as (command: GetCommand) => Promise<unknown>;
    const responses = dynamoResponseStore(documentClient, tableName());
    const email = 'gun@exempel.nu';
    const submission = {
      dialogueId: DEMO_DIALOGUE_ID,
      dialogueVersion: 1,
      submissionId: randomUUID(),
      responseId: randomUUID(),
      shard: 0,
      receivedAt: new Date().toISOString(),
      answers: { favourite: 'natur' },
      profile: {},
      quarantined: false,
      contact: { email, emailHash: emailHash(DEMO_DIALOGUE_ID, email), language: 'sv' as const },
    };
    const first = await responses.save(submission);
    const mock = mockClient(documentClient);
    try {
      mock.on(TransactWriteCommand).rejectsOnce(
        new TransactionCanceledException({
          message: 'collided',
          $metadata: {},
          CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
        }),
      );
      mock.on(GetCommand).callsFake((input: GetCommand['input']) => realSend(new GetCommand(input)));

      const again = await responses.save({
        ...submission,
        responseId: randomUUID(),
        receivedAt: new Date(Date.now() + 1000).toISOString(),
      });

      expect(again).toEqual(first);
      expect(first).toEqual({
        responseId: submission.responseId,
        receivedAt: submission.receivedAt,
        willReceiveFeedback: true,
      });
    } finally {
      mock.restore();
      documentClient.destroy();
    }
  });

  it('no item other than the contact holds the address or its hash', async () => {
    const items = await demoItems();
    const contact = items.contacts.find((c) => c.email === email.toLowerCase());
    expect(contact).toBeDefined();
    const everythingElse = JSON.stringify(items.all.filter((i) => i !== contact)).toLowerCase();
    expect(everythingElse).not.toContain('anna.andersson');
    expect(everythingElse).not.toContain('example.se');
    expect(everythingElse).not.toContain(String(contact?.sk));
  });

  it('the same address twice, in different case, is one contact item', async () => {
    const before = await demoItems();

    expect((await post(valid({ contact: { email: 'Bo.Berg@Example.SE', consent: true } }))).statusCode).toBe(201);
    expect((await post(valid({ contact: { email: 'bo.berg@example.se', consent: true } }))).statusCode).toBe(201);

    const after = await demoItems();
    expect(after.contacts.length).toBe(before.contacts.length + 1);
    expect(after.contacts.filter((c) => c.email === 'bo.berg@example.se')).toEqual([
      expect.objectContaining({ language: 'sv' }),
    ]);
    expect(after.responses.length).toBe(before.responses.length + 2);
  });

  it('an address without consent answers 400 on contact.consent and stores nothing', async () => {
    let answer: Awaited<ReturnType<typeof post<ValidationBody>>> | undefined;
    await expectNothingStored(async () => {
      answer = await post<ValidationBody>(valid({ contact: { email: 'utan.samtycke@example.se', consent: false } }));
    });
    expect(answer?.statusCode).toBe(400);
    expect(answer?.json.issues).toEqual([
      { path: 'contact.consent', message: expect.any(String), messageEn: expect.any(String) },
    ]);
  });

  it('an invalid address answers 400 on contact.email and stores nothing', async () => {
    let answer: Awaited<ReturnType<typeof post<ValidationBody>>> | undefined;
    await expectNothingStored(async () => {
      answer = await post<ValidationBody>(valid({ contact: { email: 'inte en adress', consent: true } }));
    });
    expect(answer?.statusCode).toBe(400);
    expect(answer?.json.issues.map((i) => i.path)).toEqual(['contact.email']);
  });
});

describe('POST /dialogues/{id}/responses: the honeypot', () => {
  it('a filled-in `homepage` answers 201 like any response, but the item goes to the quarantine partition, in no shard, with no contact', async () => {
    const before = await demoItems();

    const answer = await post(
      valid({ homepage: 'https://spam.example', contact: { email: 'bot@example.se', consent: true } }),
    );

    expect(answer.statusCode).toBe(201);
    expect(answer.json).toMatchObject({ responseId: expect.any(String), dialogueId: DEMO_DIALOGUE_ID });
    const after = await demoItems();
    expect(after.responses.length).toBe(before.responses.length);
    expect(after.contacts.length).toBe(before.contacts.length);
    expect(after.quarantined.length).toBe(before.quarantined.length + 1);
    const quarantined = after.quarantined.find((q) => q.responseId === answer.json.responseId);
    expect(quarantined).toMatchObject({ gsi2pk: 'DIALOGUE#demo#QUARANTINE', kind: 'quarantined-response' });
    expect(after.responses.some((r) => r.responseId === answer.json.responseId)).toBe(false);
  });

  it('a bot gets no hint from validation: invalid answers with the honeypot filled still answer 201 (quarantined)', async () => {
    const before = await demoItems();
    const answer = await post({
      answers: { favourite: 'finns-inte', okand: 1 },
      submissionId: randomUUID(),
      homepage: 'x',
    });
    expect(answer.statusCode).toBe(201);
    expect((await demoItems()).quarantined.length).toBe(before.quarantined.length + 1);
  });

  it('a honeypot of only white space is not a bot', async () => {
    const answer = await post(valid({ homepage: '   ' }));
    expect(answer.statusCode).toBe(201);
    expect((await demoItems()).responses.some((r) => r.responseId === answer.json.responseId)).toBe(true);
  });
});

describe('POST /dialogues/{id}/responses: answers checked against the dialogue (400, nothing stored)', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['an unknown question', { favourite: 'natur', 'finns-inte': 'x' }, 'answers.finns-inte'],
    ['an option the question does not have', { favourite: 'gungbrada' }, 'answers.favourite'],
    ['a single choice given as a list', { favourite: ['natur'] }, 'answers.favourite'],
    ['a required question left out', { visits: true }, 'answers.favourite'],
    ['a required question left blank', { favourite: '   ' }, 'answers.favourite'],
    ['a rating above the scale', { favourite: 'natur', 'rating-alla': 6 }, 'answers.rating-alla'],
    ['a rating below the scale', { favourite: 'natur', 'rating-alla': 0 }, 'answers.rating-alla'],
    ['a rating that is not a whole number', { favourite: 'natur', 'rating-alla': 2.5 }, 'answers.rating-alla'],
    ['a ranking with a gap', { favourite: 'natur', ranking: ['alla', 'natur'] }, 'answers.ranking'],
    [
      'a ranking with an item twice',
      { favourite: 'natur', ranking: ['alla', 'alla', 'natur', 'aventyr'] },
      'answers.ranking',
    ],
    [
      'a ranking with an unknown item',
      { favourite: 'natur', ranking: ['alla', 'natur', 'aventyr', 'gungor'] },
      'answers.ranking',
    ],
    [
      'too many choices',
      { favourite: 'natur', important: ['shade', 'seating', 'toddlers', 'lighting'] },
      'answers.important',
    ],
    ['a choice made twice', { favourite: 'natur', important: ['shade', 'shade'] }, 'answers.important'],
    ['a yes/no answered with text', { favourite: 'natur', visits: 'ja' }, 'answers.visits'],
    [
      'a text over the question’s limit (2,000)',
      { favourite: 'natur', comments: 'å'.repeat(2001) },
      'answers.comments',
    ],
    [
      'a text over the body schema’s limit (20,000)',
      { favourite: 'natur', comments: 'x'.repeat(20_001) },
      'answers.comments',
    ],
    ['a nested object as an answer', { favourite: { id: 'natur' } }, 'answers.favourite'],
  ];

  it.each(cases)(
    '%s: 400 with the issue at the contract path, in Swedish and English',
    async (_name, answers, path) => {
      let answer: Awaited<ReturnType<typeof post<ValidationBody>>> | undefined;
      await expectNothingStored(async () => {
        answer = await post<ValidationBody>({ answers, submissionId: randomUUID() });
      });

      expect(answer?.statusCode).toBe(400);
      expect(answer?.json.error).toBe('validation');
      const issue = answer?.json.issues.find((i) => i.path === path);
      expect(issue).toEqual({ path, message: expect.any(String), messageEn: expect.any(String) });
      expect(issue?.message).not.toBe(issue?.messageEn);
    },
  );

  it('reports every problem of one body at once', async () => {
    const answer = await post<ValidationBody>({
      answers: { favourite: 'x', 'rating-alla': 9, visits: 1 },
      profile: { locality: 'Stockholm' },
      submissionId: randomUUID(),
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json.issues.map((i) => i.path).sort()).toEqual([
      'answers.favourite',
      'answers.rating-alla',
      'answers.visits',
      'profile.locality',
    ]);
  });

  it('an invalid email address does not hide a missing required answer: one 400 lists both, nothing stored', async () => {
    let answer: Awaited<ReturnType<typeof post<ValidationBody>>> | undefined;
    await expectNothingStored(async () => {
      answer = await post<ValidationBody>({
        answers: { visits: true },
        contact: { email: 'inte en adress', consent: true },
        submissionId: randomUUID(),
      });
    });
    expect(answer?.statusCode).toBe(400);
    expect(answer?.json.issues).toEqual([
      {
        path: 'answers.favourite',
        message: 'Den här frågan måste besvaras.',
        messageEn: 'This question must be answered.',
      },
      {
        path: 'contact.email',
        message: 'Skriv e-postadressen som namn@exempel.se.',
        messageEn: 'Write the email address as name@example.se.',
      },
    ]);
  });

  it('a malformed submissionId and an unknown option come back together too', async () => {
    const answer = await post<ValidationBody>({ answers: { favourite: 'gungbrada' }, submissionId: 'not-a-uuid' });
    expect(answer.statusCode).toBe(400);
    expect(answer.json.issues.map((i) => i.path)).toEqual(['answers.favourite', 'submissionId']);
  });

  it('rejects a profile answer outside the lists (unknown age band, unknown locality)', async () => {
    const answer = await post<ValidationBody>(valid({ profile: { ageBand: '200-plus', locality: 'Växjö' } }));
    expect(answer.statusCode).toBe(400);
    expect(answer.json.issues.map((i) => i.path)).toContain('profile.ageBand');
  });
});

describe('POST /dialogues/{id}/responses: malformed requests', () => {
  it('an extra top-level field answers 400 naming it, and stores nothing', async () => {
    let answer: Awaited<ReturnType<typeof post<ValidationBody>>> | undefined;
    await expectNothingStored(async () => {
      answer = await post<ValidationBody>(valid({ isAdmin: true }));
    });
    expect(answer?.statusCode).toBe(400);
    expect(answer?.json.issues).toEqual([
      { path: 'isAdmin', message: expect.any(String), messageEn: expect.any(String) },
    ]);
  });

  it('an extra field inside contact or profile answers 400', async () => {
    expect((await post(valid({ contact: { email: 'a@example.se', consent: true, name: 'Anna' } }))).statusCode).toBe(
      400,
    );
    expect((await post(valid({ profile: { relation: ['lives'], income: 'high' } }))).statusCode).toBe(400);
  });

  it.each([
    [
      'at the top level',
      (id: string) => `{"answers":{"favourite":"natur"},"submissionId":"${id}","__proto__":{"polluted":true}}`,
    ],
    [
      'inside answers',
      (id: string) => `{"answers":{"favourite":"natur","__proto__":{"polluted":true}},"submissionId":"${id}"}`,
    ],
    [
      'as "constructor"',
      (id: string) =>
        `{"answers":{"favourite":"natur","constructor":{"prototype":{"polluted":true}}},"submissionId":"${id}"}`,
    ],
  ])('a prototype-polluting key %s answers 400, stores nothing and pollutes nothing', async (_where, raw) => {
    let answer: Awaited<ReturnType<typeof post<ValidationBody>>> | undefined;
    await expectNothingStored(async () => {
      answer = await post<ValidationBody>(raw(randomUUID()));
    });
    expect(answer?.statusCode).toBe(400);
    expect(answer?.json.issues[0]).toMatchObject({ path: 'body' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a missing or invalid submissionId answers 400', async () => {
    expect((await post({ answers: { favourite: 'natur' } })).statusCode).toBe(400);
    expect((await post({ answers: { favourite: 'natur' }, submissionId: 'not-a-uuid' })).statusCode).toBe(400);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['form data', 'application/x-www-form-urlencoded'],
    ['a JSON look-alike', 'application/jsonp'],
    ['no content type', null],
  ])('a body sent as %s answers 415 and stores nothing', async (_name, contentType) => {
    let answer: Awaited<ReturnType<typeof post>> | undefined;
    await expectNothingStored(async () => {
      answer = await post(JSON.stringify(valid()), { contentType });
    });
    expect(answer?.statusCode).toBe(415);
    expect(answer?.json).toMatchObject({ error: 'unsupported_media_type' });
  });

  it('a body over 64 KB answers 413 and stores nothing, counted in bytes (also when base64-encoded)', async () => {
    const compact = JSON.stringify(valid());
    const oneByteOver = compact + ' '.repeat(DEFAULT_BODY_LIMIT_BYTES + 1 - Buffer.byteLength(compact));
    const multiByte = JSON.stringify(valid({ answers: { favourite: 'natur', comments: 'å'.repeat(33_000) } }));
    expect(multiByte.length).toBeLessThan(DEFAULT_BODY_LIMIT_BYTES);
    expect(Buffer.byteLength(multiByte)).toBeGreaterThan(DEFAULT_BODY_LIMIT_BYTES);

    const answers: number[] = [];
    await expectNothingStored(async () => {
      answers.push((await post(oneByteOver)).statusCode);
      answers.push((await post(multiByte)).statusCode);
      answers.push((await post(Buffer.from(oneByteOver).toString('base64'), { isBase64Encoded: true })).statusCode);
    });
    expect(answers).toEqual([413, 413, 413]);
  });

  it('an empty body and malformed JSON answer 400 on `body`', async () => {
    const empty = await post<ValidationBody>('');
    const broken = await post<ValidationBody>('{"answers": {');
    expect([empty.statusCode, broken.statusCode]).toEqual([400, 400]);
    expect(empty.json.issues[0]?.path).toBe('body');
    expect(broken.json.issues[0]?.path).toBe('body');
  });
});

describe('POST /dialogues/{id}/responses: dialogues that do not take responses', () => {
  it.each([
    ['a closed dialogue', CLOSED_ID, 409],
    ['an open dialogue whose opening time has not come', NOT_YET_OPEN_ID, 409],
    ['a draft', DRAFT_ID, 404],
    ['an unknown dialogue', 'finns-inte', 404],
  ])('%s (%s) answers %d and stores nothing', async (_name, id, status) => {
    let answer: Awaited<ReturnType<typeof post>> | undefined;
    await expectNothingStored(async () => {
      answer = await post(valid(), { id });
    });
    expect(answer?.statusCode).toBe(status);
  });

  it('a malformed dialogue id answers 400 on path.id', async () => {
    const answer = await post<ValidationBody>(valid(), { id: '../DIALOGUE#demo' });
    expect(answer.statusCode).toBe(400);
    expect(answer.json.issues[0]?.path).toBe('path.id');
  });
});

describe('POST /dialogues/{id}/responses while the dialogue changes (the warm Lambda caches dialogues for a few seconds)', () => {
  const store = dynamoDialogueStore(db, tableName());
  const now = () => new Date();

  it('the first response locks the questions: it marks the dialogue, and an edit from a copy read before it fails on the version', async () => {
    const open = moved(
      drafted({ ...demoDialogue(now()), title: { sv: 'Första svaret' } }, seeder, ljungby, {
        id: 'forsta-svaret',
        now: now(),
        responseShards: SHARDS,
      }),
      'open',
      seeder,
      now(),
    );
    await store.write(saved(open));
    expect(open.firstResponseAt).toBeUndefined();

    expect((await post(valid(), { id: open.id })).statusCode).toBe(201);
    expect((await post(valid(), { id: open.id })).statusCode).toBe(201);

    const marked = await store.get(open.id);
    expect(marked).toMatchObject({ firstResponseAt: expect.any(String), version: open.version + 1 });
    const bench = { id: 'bench', type: 'yesno' as const, required: true, label: { sv: 'Behövs fler bänkar?' } };
    await expect(
      store.write(replacing({ ...open, questions: [bench], version: open.version + 1 }, open.version)),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('a response accepted from a cached copy in the seconds after an early close is stored, but the results and free texts are those at the close', async () => {
    const open = moved(
      drafted({ ...demoDialogue(now()), title: { sv: 'Stängs strax' } }, seeder, ljungby, {
        id: 'stangs-strax',
        now: now(),
        responseShards: SHARDS,
      }),
      'open',
      seeder,
      now(),
    );
    await store.write(saved(open));
    const saying = (comments: string) => valid({ answers: { favourite: 'natur', comments } });
    // The first response marks the dialogue; the second caches the marked copy, which the third then uses.
    expect((await post(saying('Före stängning 1'), { id: open.id })).statusCode).toBe(201);
    expect((await post(saying('Före stängning 2'), { id: open.id })).statusCode).toBe(201);
    const current = await store.get(open.id);
    if (!current) throw new Error('dialogue gone');
    await store.write(changeStatus(current, 'closed', seeder, now()));
    const late = await post(saying('Efter stängning'), { id: open.id });
    expect(late.statusCode).toBe(201);

    const later = { now: () => new Date(Date.now() + 60_000) };
    const aggregates = dynamoAggregateStore(db, tableName());
    const reader = dynamoResponseReader(db, tableName());
    const deps = { aggregates, responses: reader, clock: later, safetyLagMs: 0 };
    const closed = await store.get(open.id);
    if (!closed) throw new Error('dialogue gone');
    expect(itemsOf(await scanAll(db), open.id).responses).toHaveLength(3);
    // Counted until the close, whatever the cutoff.
    const atClose = { folded: 2, committed: true, complete: true, countedUntil: closed.closedAt };
    expect(await aggregateDialogue(deps, closed)).toEqual(atClose);
    expect(await aggregateDialogue(deps, closed, { full: true })).toEqual(atClose);
    const { results } = await officialResults(
      {
        dialogues: store,
        aggregates,
        responses: reader,
        disclosureThreshold: 5,
        moderations: { list: async () => [] },
      },
      seeder,
      open.id,
    );
    expect(results.responseCount).toBe(2);
    expect(results.freeTexts?.comments).toMatchObject({ total: 2, publishable: 0, truncated: false });
    expect(results.freeTexts?.comments?.texts.map((t) => t.text)).toEqual(['Före stängning 1', 'Före stängning 2']);
  });

  it('a retry of a stored submission after the dialogue closed answers with the first receipt, while a new one gets 409', async () => {
    const open = moved(
      drafted({ ...demoDialogue(now()), title: { sv: 'Sent omförsök' } }, seeder, ljungby, {
        id: 'sent-omforsok',
        now: now(),
        responseShards: SHARDS,
      }),
      'open',
      seeder,
      now(),
    );
    await store.write(saved(open));
    const body = valid({ contact: { email: 'Frida@Exempel.nu', consent: true } });
    const first = await post(body, { id: open.id });
    expect(first.statusCode).toBe(201);
    const current = await store.get(open.id);
    if (!current) throw new Error('dialogue gone');
    await store.write(changeStatus(current, 'closed', seeder, now()));

    let retry: Awaited<ReturnType<typeof post>> | undefined;
    await expectNothingStored(async () => {
      retry = await post(body, { id: open.id });
    });

    expect(retry?.statusCode).toBe(201);
    expect(retry?.json).toEqual({ ...first.json, willReceiveFeedback: true });
    expect((await post(valid(), { id: open.id })).statusCode).toBe(409);
  });

  // Guards an earlier bug: the cache kept a draft's copy, and a refusal from the cached copy was final.
  it('a draft that has just been opened accepts a submission at once', async () => {
    const draft = drafted({ ...demoDialogue(now()), title: { sv: 'Öppnas strax' } }, seeder, ljungby, {
      id: 'oppnas-strax',
      now: now(),
      responseShards: SHARDS,
    });
    await store.write(saved(draft));
    expect((await post(valid(), { id: draft.id })).statusCode).toBe(404);

    await store.write(changeStatus(draft, 'open', seeder, now()));

    expect((await post(valid(), { id: draft.id })).statusCode).toBe(201);
  });

  // Guards an earlier bug: answers were checked against cached questions, and a 400 is final.
  it('a response to questions edited moments ago is checked against the new questions', async () => {
    const open = moved(
      drafted({ ...demoDialogue(now()), title: { sv: 'Nya frågor' } }, seeder, ljungby, {
        id: 'nya-fragor',
        now: now(),
        responseShards: SHARDS,
      }),
      'open',
      seeder,
      now(),
    );
    await store.write(saved(open));
    expect((await post({ answers: {}, submissionId: randomUUID() }, { id: open.id })).statusCode).toBe(400);

    const bench = { id: 'bench', type: 'yesno' as const, required: true, label: { sv: 'Behövs fler bänkar?' } };
    await store.write(replacing({ ...open, questions: [bench], version: open.version + 1 }, open.version));

    const answer = await post<ValidationBody>(
      { answers: { bench: true }, submissionId: randomUUID() },
      { id: open.id },
    );
    expect(answer.json).toMatchObject({ dialogueId: open.id });
    expect(answer.statusCode).toBe(201);
  });
});
