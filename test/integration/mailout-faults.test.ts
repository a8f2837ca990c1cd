/**
 * The feedback mailout under the faults the issue lists: SES throttling and 5xx, a job killed mid-mailout and
 * restarted, a crash between SES accepting a message and the contact being marked sent, two jobs at once, a
 * contact unsubscribing during the mailout, and the account's send rate. The run logic (shared/mail/mailout-run.ts)
 * runs on the real DynamoDB queue (functions/adapters/mailout-store.ts) against DynamoDB Local; messages go through
 * the real SES mailer to the SES emulator, or to a recording Mailer where only the count and timing matter.
 *
 * Each test has its own dialogue, and each run sees only that dialogue, so the tests do not feed each other.
 */
import { randomUUID } from 'node:crypto';
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
  MessageRejected,
  SESServiceException,
  SendRawEmailCommand,
  type SendRawEmailCommandInput,
} from '@aws-sdk/client-ses';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createSesClient, sesMailer } from '../../functions/adapters/mailer';
import { dynamoMailoutStore } from '../../functions/adapters/mailout-store';
import { runtime } from '../../functions/lib/runtime';
import { createHandler as createUnsubscribeHandler } from '../../functions/web/unsubscribe/remove';
import { demoDialogue } from '../../local/demo-dialogue';
import { freePort } from '../../local/ports';
import type { Caller } from '../../shared/access';
import { publicResults } from '../../shared/aggregation/results';
import type { MailoutStore } from '../../shared/decision/ports';
import { readMailout, registerDecision } from '../../shared/decision/register';
import { publicDefinition } from '../../shared/dialogue/public-view';
import { changeStatus } from '../../shared/dialogue/lifecycle';
import { drafted, moved, saved } from '../support/dialogues';
import {
  type Mailer,
  type MailoutDeps,
  type MailoutOutcome,
  type MailoutSettings,
  runMailouts,
} from '../../shared/mail/mailout-run';
import type { SigningKeys } from '../../shared/mail/signed';
import { unsubscribeToken } from '../../shared/mail/unsubscribe-token';
import { ljungby } from '../../shared/municipality';
import type { Clock } from '../../shared/ports';
import { emailHash, submitResponse } from '../../shared/responses/submit';
import { routes } from '../../shared/routes';
import { createTestTable } from '../support/dynamo';
import { parseMime } from '../support/mime';
import { httpEvent, invokeRaw } from './support/events';
import {
  type RunningSes,
  busiestWindow,
  closeServer,
  recipientOf,
  recordingMailer,
  startSes,
  tally,
} from './support/mail';
import { type Item, itemsOf, scanAll, tableName, testDocumentClient } from './support/table';

jest.setTimeout(30_000);

const db = testDocumentClient();
const store = dynamoMailoutStore(db, tableName());
const admin: Caller = { sub: 'test-admin', committees: [], isAdmin: true };
const KEYS = { current: 'test-unsubscribe-secret-0123456789abcdef' };
const LEASE_MS = 60_000;

const SETTINGS: MailoutSettings = {
  from: 'Ljungby kommun <medborgardialog@ljungby.example>',
  replyTo: 'kommun@ljungby.example',
  publicBaseUrl: 'https://dialog.test.ljungby.se',
  unsubscribeKeys: KEYS,
  maxSendRate: 1000,
  leaseMs: LEASE_MS,
  contactRetentionDays: 30,
};

let ses: RunningSes;

beforeAll(async () => {
  ses = await startSes();
  await createTestTable();
});

afterAll(async () => {
  await ses?.stop();
});

const addressOf = (id: string, n: number): string => `deltagare-${String(n).padStart(3, '0')}@${id}.example`;

/** A closed dialogue with `count` consenting contacts (through the real submission path) and a registered decision. */
async function decidedDialogue(id: string, count: number): Promise<string[]> {
  const now = new Date();
  const draft = drafted({ ...demoDialogue(now), title: { sv: `Dialog ${id}` } }, admin, ljungby, {
    id,
    now,
    responseShards: 2,
  });
  await runtime.dialogues.write(saved(moved(draft, 'open', admin, now)));
  const addresses = Array.from({ length: count }, (_, n) => addressOf(id, n));
  const deps = {
    ...runtime,
    dialogues: {
      get: (dialogueId: string) => runtime.dialogues.get(dialogueId),
      markResponded: runtime.dialogues.markResponded,
    },
  };
  for (let start = 0; start < addresses.length; start += 20) {
    await Promise.all(
      addresses.slice(start, start + 20).map((email, n) =>
        submitResponse(deps, id, {
          answers: { favourite: 'alla' },
          contact: { email, consent: true, language: (start + n) % 2 ? 'en' : 'sv' },
          submissionId: randomUUID(),
        }),
      ),
    );
  }
  const open = await runtime.dialogues.get(id);
  if (!open) throw new Error(`no dialogue ${id}`);
  await runtime.dialogues.write(changeStatus(open, 'closed', admin, new Date()));
  const { mailout } = await registerDecision(
    { dialogues: runtime.dialogues, mailouts: store, clock: runtime.clock },
    admin,
    id,
    {
      summary: {
        sv: 'Nämnden beslutar att bygga Lekplats för alla.',
        en: 'The committee decided to build the Playground for everyone.',
      },
      motivation: { sv: 'Flest ville det.', en: 'Most wanted it.' },
      decidedAt: '2026-05-12',
    },
  );
  expect(mailout).toMatchObject({ status: 'sending', total: count });
  return addresses;
}

/** A clock that can be moved forward, to let leases run out without waiting. */
function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => (offset += ms) };
}

/** The mailout job's run for one dialogue only, on the real DynamoDB queue. */
function deps(
  id: string,
  overrides: Omit<Partial<MailoutDeps>, 'settings'> & { settings?: Partial<MailoutSettings> } = {},
): MailoutDeps {
  const { settings, ...rest } = overrides;
  return {
    dialogues: {
      list: async () => [await runtime.dialogues.get(id)].filter((d) => d !== undefined),
      get: (dialogueId) => runtime.dialogues.get(dialogueId),
    },
    mailouts: store,
    mailer: recordingMailer(),
    clock: runtime.clock,
    content: async (dialogue) => ({
      definition: publicDefinition(dialogue, ljungby),
      results: (await publicResults(runtime, dialogue.id)).results,
    }),
    remainingMs: () => 10 * 60_000,
    ...rest,
    settings: { ...SETTINGS, ...settings },
  };
}

const progress = (id: string) =>
  readMailout({ dialogues: runtime.dialogues, mailouts: store, clock: runtime.clock }, admin, id);
const contactItems = async (id: string): Promise<Item[]> => itemsOf(await scanAll(db), id).contacts;
const once = (addresses: readonly string[]) => Object.fromEntries(addresses.map((a) => [a, 1]));
const sum = (outcomes: readonly MailoutOutcome[], key: 'sent' | 'failed') => outcomes.reduce((n, o) => n + o[key], 0);

/** The one-click POST /unsubscribe to the real handler, on this file's store, checking the token against `keys`. */
const oneClick = (token: string, keys: SigningKeys = KEYS) =>
  invokeRaw(
    createUnsubscribeHandler({ mailouts: store, keys: async () => keys }),
    httpEvent(routes.unsubscribe, {
      query: { token },
      body: 'List-Unsubscribe=One-Click',
      contentType: 'application/x-www-form-urlencoded',
    }),
  );
async function unsubscribe(id: string, email: string): Promise<void> {
  expect((await oneClick(unsubscribeToken(KEYS, id, emailHash(id, email)))).statusCode).toBe(200);
}

type Fault = 'throttle' | 'unavailable';

/**
 * A stand-in for the SES endpoint in front of the emulator: answers an attempt with SES's throttling error (400
 * `Throttling`, "Maximum sending rate exceeded") or a 503 `ServiceUnavailable` when `plan` says so, and passes
 * everything else on. It sits below the SDK, so the SDK's own retries (with backoff) are what is tested.
 */
async function faultyEndpoint(target: string, plan: (to: string, attempt: number) => Fault | undefined) {
  const attempts: Array<{ to: string; fault?: Fault; at: number }> = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const raw = Buffer.from(new URLSearchParams(body).get('RawMessage.Data') ?? '', 'base64').toString('utf8');
        const to = recipientOf(raw);
        const fault = plan(to, attempts.filter((a) => a.to === to).length + 1);
        attempts.push({ to, ...(fault ? { fault } : {}), at: performance.now() });
        if (fault) {
          const [status, type, code, message] =
            fault === 'throttle'
              ? [400, 'Sender', 'Throttling', 'Maximum sending rate exceeded.']
              : [503, 'Receiver', 'ServiceUnavailable', 'Service unavailable.'];
          response.writeHead(status, { 'content-type': 'text/xml' });
          response.end(
            `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
          );
          return;
        }
        const forwarded: IncomingHttpHeaders = request.headers;
        const upstream = await fetch(`${target}${request.url ?? '/'}`, {
          method: request.method ?? 'POST',
          headers: {
            'content-type': String(forwarded['content-type']),
            authorization: String(forwarded.authorization),
          },
          body,
        });
        response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/xml' });
        response.end(await upstream.text());
      })();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, attempts, stop: () => closeServer(server) };
}

describe('SES throttling and 5xx', () => {
  it('are retried by the SDK with backoff: every recipient gets exactly one email and the attempts add up', async () => {
    const id = 'strypt-ses';
    const addresses = await decidedDialogue(id, 9);
    // Every third recipient is throttled once; every third gets a 503 and then a throttle; the rest go straight through.
    const plan = (to: string, attempt: number): Fault | undefined => {
      const n = addresses.indexOf(to) % 3;
      if (n === 0 && attempt === 1) return 'throttle';
      if (n === 1 && attempt === 1) return 'unavailable';
      if (n === 1 && attempt === 2) return 'throttle';
      return undefined;
    };
    const endpoint = await faultyEndpoint(ses.url, plan);
    const client = createSesClient(endpoint.url);
    try {
      await ses.clear();
      const outcome = await runMailouts(deps(id, { mailer: sesMailer(client) }));
      expect(outcome).toEqual({ sent: 9, failed: 0, pending: 0, paused: false, completed: [id] });
      expect(tally((await ses.emails()).flatMap((e) => e.destination.to))).toEqual(once(addresses));
      // 9 deliveries, 3 + 6 refusals: each refusal retried, none sent twice.
      expect(endpoint.attempts).toHaveLength(9 + 3 + 6);
      expect(endpoint.attempts.filter((a) => a.fault === 'throttle')).toHaveLength(6);
      expect(endpoint.attempts.filter((a) => a.fault === 'unavailable')).toHaveLength(3);
      for (const address of addresses) {
        const mine = endpoint.attempts.filter((a) => a.to === address);
        expect(mine.at(-1)?.fault).toBeUndefined();
        expect(mine.slice(0, -1).every((a) => a.fault !== undefined)).toBe(true);
      }
      expect(await progress(id)).toMatchObject({ status: 'done', total: 9, sent: 9, failed: 0, pending: 0 });
    } finally {
      client.destroy();
      await endpoint.stop();
    }
  });

  it('throttling that outlasts the retries pauses the run without failing the contact; a later run sends it once', async () => {
    const id = 'strypt-lange';
    const addresses = await decidedDialogue(id, 5);
    const throttled = addresses[2] as string;
    // aws-sdk-client-mock sits above the SDK's retries: its error is what the mailer sees after the SDK gave up.
    const client = createSesClient(ses.url);
    const passThrough = createSesClient(ses.url);
    const mock = mockClient(client);
    let throttle = true;
    mock.on(SendRawEmailCommand).callsFake(async (input: SendRawEmailCommandInput) => {
      const to = recipientOf(Buffer.from(input.RawMessage?.Data ?? new Uint8Array()).toString('utf8'));
      if (throttle && to === throttled) {
        throw new SESServiceException({
          name: 'Throttling',
          $fault: 'client',
          message: 'Maximum sending rate exceeded.',
          $metadata: { httpStatusCode: 400, attempts: 6 },
        });
      }
      return passThrough.send(new SendRawEmailCommand(input));
    });
    const clock = movableClock();
    try {
      await ses.clear();
      const first = await runMailouts(deps(id, { mailer: sesMailer(client), clock }));
      expect(first).toMatchObject({ failed: 0, paused: true, completed: [] });
      expect((await contactItems(id)).find((c) => c.email === throttled)).toMatchObject({ state: 'sending' });
      // A run within the lease sends whatever else is left; the throttled contact is neither failed nor sent.
      await runMailouts(deps(id, { mailer: sesMailer(client), clock }));
      expect(await progress(id)).toMatchObject({ status: 'sending', sent: 4, failed: 0, pending: 1 });
      expect((await ses.emails()).flatMap((e) => e.destination.to)).not.toContain(throttled);

      throttle = false;
      clock.advance(LEASE_MS + 1000);
      const last = await runMailouts(deps(id, { mailer: sesMailer(client), clock }));
      expect(last).toEqual({ sent: 1, failed: 0, pending: 0, paused: false, completed: [id] });
      expect(tally((await ses.emails()).flatMap((e) => e.destination.to))).toEqual(once(addresses));
      expect(await progress(id)).toMatchObject({ status: 'done', total: 5, sent: 5, failed: 0, pending: 0 });
    } finally {
      mock.restore();
      client.destroy();
      passThrough.destroy();
    }
  });

  it('SES rejecting an address (MessageRejected) fails that contact for good and the mailout completes', async () => {
    const id = 'avvisad-adress';
    const addresses = await decidedDialogue(id, 4);
    const rejected = addresses[1] as string;
    const client = createSesClient(ses.url);
    const passThrough = createSesClient(ses.url);
    const mock = mockClient(client);
    mock.on(SendRawEmailCommand).callsFake(async (input: SendRawEmailCommandInput) => {
      const to = recipientOf(Buffer.from(input.RawMessage?.Data ?? new Uint8Array()).toString('utf8'));
      if (to === rejected)
        throw new MessageRejected({
          message: 'Email address is on the suppression list.',
          $metadata: { httpStatusCode: 400 },
        });
      return passThrough.send(new SendRawEmailCommand(input));
    });
    try {
      await ses.clear();
      const outcome = await runMailouts(deps(id, { mailer: sesMailer(client) }));
      expect(outcome).toEqual({ sent: 3, failed: 1, pending: 0, paused: false, completed: [id] });
      expect(mock.commandCalls(SendRawEmailCommand)).toHaveLength(4);
      expect((await contactItems(id)).find((c) => c.email === rejected)).toMatchObject({ state: 'failed' });
      expect((await ses.emails()).flatMap((e) => e.destination.to).sort()).toEqual(
        addresses.filter((a) => a !== rejected).sort(),
      );
      expect(await progress(id)).toMatchObject({ status: 'done', total: 4, sent: 3, failed: 1, pending: 0 });
    } finally {
      mock.restore();
      client.destroy();
      passThrough.destroy();
    }
  });
});

describe('the job killed mid-mailout and restarted', () => {
  it('a run that runs out of time pauses after the sends it began; the next run sends to the rest, each exactly once', async () => {
    const id = 'tiden-tar-slut';
    const addresses = await decidedDialogue(id, 8);
    const mailer = recordingMailer();
    // Time for three sends, then the budget is gone (the run must stop 15 s before the function's deadline).
    const first = await runMailouts(deps(id, { mailer, remainingMs: () => (mailer.sent.length < 3 ? 60_000 : 1_000) }));
    expect(first).toMatchObject({ sent: 3, failed: 0, pending: 5, paused: true, completed: [] });
    expect(await progress(id)).toMatchObject({ status: 'sending', total: 8, sent: 3, failed: 0, pending: 5 });
    const waiting = (await contactItems(id)).filter((c) => c.state === undefined);
    expect(waiting).toHaveLength(5);
    // Those it had taken and gave back are noted on the mailout, so the next run sends them before reading on.
    const { givenBack, resumeAfter } = itemsOf(await scanAll(db), id).all.find((i) => i.sk === 'MAILOUT') as Item;
    expect(givenBack).toBeInstanceOf(Set);
    expect([...(givenBack as Set<string>)].every((hash) => waiting.some((c) => c.sk === hash))).toBe(true);
    expect([...(givenBack as Set<string>)].every((hash) => hash <= String(resumeAfter))).toBe(true);

    const second = await runMailouts(deps(id, { mailer }));
    expect(second).toEqual({ sent: 5, failed: 0, pending: 0, paused: false, completed: [id] });
    expect(
      mailer.sent
        .slice(3, 3 + (givenBack as Set<string>).size)
        .map((m) => emailHash(id, m.to))
        .sort(),
    ).toEqual([...(givenBack as Set<string>)].sort());
    expect(itemsOf(await scanAll(db), id).all.find((i) => i.sk === 'MAILOUT')).not.toHaveProperty('givenBack');
    expect(tally(mailer.sent.map((m) => m.to))).toEqual(once(addresses));
    expect(await progress(id)).toMatchObject({ status: 'done', total: 8, sent: 8, failed: 0, pending: 0 });
  });

  it('a crash between SES accepting and markSent resends to that one recipient only, after its lease runs out (the documented duplicate window)', async () => {
    const id = 'krasch-efter-skick';
    const addresses = await decidedDialogue(id, 6);
    const victim = addresses[3] as string;
    const mailer = recordingMailer();
    const clock = movableClock();
    let crashed = false;
    // The function dies right after SES took the victim's message: markSent never happens.
    const crashingStore: MailoutStore = {
      ...store,
      async markSent(dialogueId, hash, owner, sentAt, expiresAt) {
        if (!crashed && hash === emailHash(id, victim)) {
          crashed = true;
          throw new Error('Task timed out after 300.00 seconds');
        }
        return store.markSent(dialogueId, hash, owner, sentAt, expiresAt);
      },
    };

    const first = await runMailouts(deps(id, { mailer, clock, mailouts: crashingStore }));
    expect(first).toMatchObject({ paused: true, completed: [] });
    expect(tally(mailer.sent.map((m) => m.to))[victim]).toBe(1);
    expect((await contactItems(id)).find((c) => c.email === victim)).toMatchObject({ state: 'sending' });

    // While the victim's lease holds, another run sends whatever is left but leaves the victim alone: not done yet.
    const during = await runMailouts(deps(id, { mailer, clock }));
    expect(during).toMatchObject({ failed: 0, paused: false, completed: [] });
    expect(tally(mailer.sent.map((m) => m.to))).toEqual(once(addresses));
    expect(await progress(id)).toMatchObject({ status: 'sending', sent: 5, pending: 1 });

    clock.advance(LEASE_MS + 1000);
    const after = await runMailouts(deps(id, { mailer, clock }));
    expect(after).toEqual({ sent: 1, failed: 0, pending: 0, paused: false, completed: [id] });
    expect(tally(mailer.sent.map((m) => m.to))).toEqual({ ...once(addresses), [victim]: 2 });
    expect(await progress(id)).toMatchObject({ status: 'done', total: 6, sent: 6, failed: 0, pending: 0 });
  });

  it('a Mailer that fails after SES accepted (a non-permanent error) leads to the same single resend, never a failed contact', async () => {
    const id = 'fel-efter-skick';
    const addresses = await decidedDialogue(id, 4);
    const victim = addresses[0] as string;
    const delivered = recordingMailer();
    const clock = movableClock();
    let failOnce = true;
    const mailer: Mailer = {
      async send(raw, tags) {
        await delivered.send(raw, tags);
        if (failOnce && recipientOf(raw) === victim) {
          failOnce = false;
          throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        }
      },
    };
    expect(await runMailouts(deps(id, { mailer, clock }))).toMatchObject({ failed: 0, paused: true });
    expect((await contactItems(id)).find((c) => c.email === victim)).toMatchObject({ state: 'sending' });
    expect(await runMailouts(deps(id, { mailer, clock }))).toMatchObject({ failed: 0, paused: false, completed: [] });
    expect(tally(delivered.sent.map((m) => m.to))).toEqual(once(addresses));
    clock.advance(LEASE_MS + 1000);
    expect(await runMailouts(deps(id, { mailer, clock }))).toEqual({
      sent: 1,
      failed: 0,
      pending: 0,
      paused: false,
      completed: [id],
    });
    expect(tally(delivered.sent.map((m) => m.to))).toEqual({ ...once(addresses), [victim]: 2 });
    expect(await progress(id)).toMatchObject({ status: 'done', total: 4, sent: 4, failed: 0, pending: 0 });
  });

  // markSent updates the contact; the mailout's counter follows in a later write, for a second's sends at once. A
  // function that dies between the two leaves contacts sent and never counted: the mailout completes (completion looks at the contacts) but its
  // progress says done with sent < total and pending > 0, for good.
  it('a crash between marking the contact sent and counting it still leaves the finished progress adding up', async () => {
    const id = 'krasch-fore-raknare';
    await decidedDialogue(id, 4);
    let crashed = false;
    const dying = Object.create(db) as DynamoDBDocumentClient;
    dying.send = ((
      command: { input?: { Key?: Record<string, unknown>; UpdateExpression?: string } },
      ...rest: unknown[]
    ) => {
      if (!crashed && command.input?.Key?.sk === 'MAILOUT' && /ADD sent/.test(command.input.UpdateExpression ?? '')) {
        crashed = true;
        return Promise.reject(new Error('Task timed out after 300.00 seconds'));
      }
      return (db.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
    }) as DynamoDBDocumentClient['send'];
    const mailer = recordingMailer();
    await runMailouts(deps(id, { mailer, mailouts: dynamoMailoutStore(dying, tableName()) }));
    await runMailouts(deps(id, { mailer }));
    expect(crashed).toBe(true);
    expect(mailer.sent).toHaveLength(4);
    expect(await progress(id)).toMatchObject({ status: 'done', total: 4, sent: 4, failed: 0, pending: 0 });
  });
});

describe('the requests a mailout makes', () => {
  it('one read of the suppression list per hundred contacts, and the progress counted a second’s sends at a time', async () => {
    const id = 'fa-anrop';
    const addresses = await decidedDialogue(id, 60);
    const sent: string[] = [];
    const counting = Object.create(db) as DynamoDBDocumentClient;
    counting.send = ((
      command: { constructor: { name: string }; input?: { UpdateExpression?: string } },
      ...rest: unknown[]
    ) => {
      sent.push(`${command.constructor.name} ${command.input?.UpdateExpression ?? ''}`);
      return (db.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
    }) as DynamoDBDocumentClient['send'];
    const mailer = recordingMailer();
    const outcome = await runMailouts(
      deps(id, { mailer, mailouts: dynamoMailoutStore(counting, tableName()), settings: { maxSendRate: 20 } }),
    );
    expect(outcome).toMatchObject({ sent: 60, completed: [id] });
    expect(tally(mailer.sent.map((m) => m.to))).toEqual(once(addresses));
    expect(sent.filter((c) => c.startsWith('BatchGetCommand'))).toHaveLength(1);
    expect(sent.filter((c) => c.includes('ADD sent'))).toHaveLength(3);
    expect(await progress(id)).toMatchObject({ status: 'done', total: 60, sent: 60, pending: 0 });
  });
});

describe('two jobs started at once', () => {
  it('no recipient gets two emails, and the progress counts each once', async () => {
    const id = 'tva-jobb';
    const addresses = await decidedDialogue(id, 40);
    const delivered = recordingMailer();
    // A little latency per send so the two runs really interleave.
    const slow: Mailer = {
      send: async (raw, tags) => {
        await new Promise((r) => setTimeout(r, 2 + Math.random() * 10));
        await delivered.send(raw, tags);
      },
    };
    const outcomes = await Promise.all([
      runMailouts(deps(id, { mailer: slow })),
      runMailouts(deps(id, { mailer: slow })),
    ]);
    expect(tally(delivered.sent.map((m) => m.to))).toEqual(once(addresses));
    expect(sum(outcomes, 'sent')).toBe(40);
    expect(outcomes.flatMap((o) => o.completed)).toEqual([id]);
    expect(await progress(id)).toMatchObject({ status: 'done', total: 40, sent: 40, failed: 0, pending: 0 });
  });

  it('together they still send at no more than maxSendRate per second (SES limits the account, not the run)', async () => {
    const id = 'tva-jobb-takt';
    await decidedDialogue(id, 60);
    const mailer = recordingMailer();
    await Promise.all([
      runMailouts(deps(id, { mailer, settings: { maxSendRate: 20 } })),
      runMailouts(deps(id, { mailer, settings: { maxSendRate: 20 } })),
    ]);
    expect(mailer.sent).toHaveLength(60);
    expect(busiestWindow(mailer.sent.map((m) => m.at))).toBeLessThanOrEqual(20);
  });
});

describe('a contact who unsubscribes during the mailout', () => {
  it('between two runs: gets nothing, and the mailout completes with the total reduced', async () => {
    const id = 'avregistrerad-mellan';
    const addresses = await decidedDialogue(id, 8);
    const mailer = recordingMailer();
    await runMailouts(deps(id, { mailer, remainingMs: () => (mailer.sent.length < 3 ? 60_000 : 0) }));
    const leaver = addresses.find((a) => !mailer.sent.some((m) => m.to === a)) as string;
    await unsubscribe(id, leaver);
    expect(await progress(id)).toMatchObject({ status: 'sending', total: 7, sent: 3, pending: 4 });

    expect(await runMailouts(deps(id, { mailer }))).toEqual({
      sent: 4,
      failed: 0,
      pending: 0,
      paused: false,
      completed: [id],
    });
    expect(tally(mailer.sent.map((m) => m.to))).toEqual(once(addresses.filter((a) => a !== leaver)));
    expect(await progress(id)).toMatchObject({ status: 'done', total: 7, sent: 7, failed: 0, pending: 0 });
  });

  it('after the run read its queue: the contact is skipped, not resurrected, and the progress adds up', async () => {
    const id = 'avregistrerad-under';
    const addresses = await decidedDialogue(id, 10);
    const leaver = addresses[7] as string;
    const mailer = recordingMailer();
    let click: Promise<void> | undefined;
    // The click lands just as the run starts claiming (every claim waits for it): the run's queue still lists the contact.
    const racingStore: MailoutStore = {
      ...store,
      async claim(...args) {
        click ??= unsubscribe(id, leaver);
        await click;
        return store.claim(...args);
      },
    };
    const outcome = await runMailouts(deps(id, { mailer, mailouts: racingStore }));
    expect(outcome).toEqual({ sent: 9, failed: 0, pending: 0, paused: false, completed: [id] });
    expect(tally(mailer.sent.map((m) => m.to))).toEqual(once(addresses.filter((a) => a !== leaver)));
    expect((await contactItems(id)).some((c) => c.email === leaver)).toBe(false);
    expect(await progress(id)).toMatchObject({ status: 'done', total: 9, sent: 9, failed: 0, pending: 0 });
  });

  it('while their email is on its way: that one email goes, nothing after it, and sent + failed + pending = total', async () => {
    const id = 'avregistrerad-i-flykten';
    const addresses = await decidedDialogue(id, 6);
    const leaver = addresses[2] as string;
    const delivered = recordingMailer();
    const mailer: Mailer = {
      async send(raw, tags) {
        if (recipientOf(raw) === leaver) await unsubscribe(id, leaver);
        await delivered.send(raw, tags);
      },
    };
    expect(await runMailouts(deps(id, { mailer }))).toEqual({
      sent: 6,
      failed: 0,
      pending: 0,
      paused: false,
      completed: [id],
    });
    expect(await runMailouts(deps(id, { mailer }))).toEqual({
      sent: 0,
      failed: 0,
      pending: 0,
      paused: false,
      completed: [],
    });
    expect(tally(delivered.sent.map((m) => m.to))).toEqual(once(addresses));
    expect((await contactItems(id)).some((c) => c.email === leaver)).toBe(false);
    const after = await progress(id);
    expect(after).toMatchObject({ status: 'done', total: 5, sent: 5, failed: 0, pending: 0 });
  });
});

describe('a rotation of the key that signs the links', () => {
  it('leaves the link in an email sent before it working while the old key is the previous one, and no longer after the next', async () => {
    const id = 'nyckelbyte';
    await decidedDialogue(id, 1);
    const mailer = recordingMailer();
    await runMailouts(deps(id, { mailer }));
    const header = parseMime((mailer.sent[0] as { raw: string }).raw).headers['list-unsubscribe'] ?? '';
    const token = new URL(header.slice(1, -1)).searchParams.get('token') ?? '';
    const rotated = { current: 'test-unsubscribe-key-after-the-rotation-0123456789', previous: KEYS.current };
    const rotatedAgain = { current: 'test-unsubscribe-key-after-the-next-rotation-01234', previous: rotated.current };

    expect((await oneClick(token, rotatedAgain)).statusCode).toBe(400);
    expect(await contactItems(id)).toHaveLength(1);
    expect((await oneClick(token, rotated)).statusCode).toBe(200);
    expect(await contactItems(id)).toEqual([]);
  });
});

describe('the send rate', () => {
  it('with maxSendRate 20 and 60 recipients no one-second window holds more than 20 sends', async () => {
    const id = 'takten';
    const addresses = await decidedDialogue(id, 60);
    const mailer = recordingMailer();
    const started = performance.now();
    const outcome = await runMailouts(deps(id, { mailer, settings: { maxSendRate: 20 } }));
    expect(outcome).toEqual({ sent: 60, failed: 0, pending: 0, paused: false, completed: [id] });
    expect(tally(mailer.sent.map((m) => m.to))).toEqual(once(addresses));
    const times = mailer.sent.map((m) => m.at);
    expect(busiestWindow(times)).toBeLessThanOrEqual(20);
    // Paced, not merely spread: 60 sends at 20 a second take at least 59 gaps of 50 ms.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(59 * 50 - 1);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
