/**
 * The mailout run's time budget (shared/mail/mailout-run.ts) on an in-memory queue with Jest's fake timers, so
 * minutes of pacing at a low send rate take milliseconds. The queue keeps the MailoutStore contract's semantics
 * (claims with leases, sent/failed states); DynamoDB itself is tested in test/integration/mailout-faults.test.ts.
 * Then the job's metrics when a run throws half-way.
 */
import { emfLine, publishedMetrics } from '../support/metrics';
import type { Context } from 'aws-lambda';
import { createHandler } from '../../functions/jobs/mailout/handler';
import { lambdaContext } from '../../local/lambda-context';
import { scheduledEvent } from '../../local/scheduler';
import { presentResults } from '../../shared/aggregation/present';
import { emptyState } from '../../shared/aggregation/state';
import type { Mailout } from '../../shared/decision/mailout';
import type { MailoutStore, PendingContact } from '../../shared/decision/ports';
import { publicDefinition } from '../../shared/dialogue/public-view';
import type { Dialogue } from '../../shared/dialogue/schema';
import { type MailoutOutcome, type MailoutSettings, runMailouts } from '../../shared/mail/mailout-run';
import { ljungby } from '../../shared/municipality';
import { jobs } from '../../shared/routes';
import { decidedDemo } from './fixtures';

interface Entry {
  readonly contact: PendingContact;
  state?: 'sending' | 'sent' | 'failed';
  leaseUntil?: number;
  owner?: string;
}

/** The MailoutStore contract in memory, for one dialogue. */
function memoryQueue(count: number, suppressed: ReadonlySet<number> = new Set()) {
  const entries = new Map<string, Entry>(
    Array.from({ length: count }, (_, n) => {
      const emailHash = n.toString(16).padStart(64, '0');
      return [
        emailHash,
        {
          contact: {
            emailHash,
            email: `deltagare-${n}@example.se`,
            language: n % 2 ? 'en' : 'sv',
            suppressed: suppressed.has(n),
          },
        },
      ] as const;
    }),
  );
  let mailout: Mailout = {
    dialogueId: 'tidsbudget',
    status: 'sending',
    total: count,
    sent: 0,
    failed: 0,
    recipients: count,
    bounced: 0,
    unsubscribed: 0,
    startedAt: new Date().toISOString(),
  };
  const givenBack = new Set<string>();
  const claimable = (e: Entry, now: number) =>
    e.state === undefined || (e.state === 'sending' && (e.leaseUntil ?? 0) < now);
  const store: MailoutStore = {
    countContacts: async () => entries.size,
    startWithDecision: async () => undefined,
    correctDecision: async () => undefined,
    get: async () => mailout,
    acquireRun: async () => true,
    releaseRun: async () => undefined,
    async release(_id, hash, owner) {
      const entry = entries.get(hash);
      if (entry?.state !== 'sending' || entry.owner !== owner) return;
      delete entry.state;
      givenBack.add(hash);
    },
    async takeGivenBack() {
      const taken = [...givenBack].map((hash) => entries.get(hash) as Entry);
      givenBack.clear();
      return taken.filter((entry) => entry.state === undefined).map((entry) => entry.contact);
    },
    async *pending(_id, now, after) {
      for (const entry of [...entries.values()])
        if (claimable(entry, now.getTime()) && (after === undefined || entry.contact.emailHash > after))
          yield entry.contact;
    },
    async resumeAt(_id, after) {
      const { resumeAfter: _, ...rest } = mailout;
      mailout = after === undefined ? rest : { ...rest, resumeAfter: after };
    },
    async claim(_id, hash, owner, now, leaseUntil) {
      const entry = entries.get(hash);
      if (!entry || !claimable(entry, now.getTime())) return false;
      Object.assign(entry, { state: 'sending', owner, leaseUntil: leaseUntil.getTime() });
      return true;
    },
    async markSent(_id, hash, owner) {
      const entry = entries.get(hash);
      if (entry?.state !== 'sending' || entry.owner !== owner) return false;
      entry.state = 'sent';
      return true;
    },
    async countSent(_id, count) {
      mailout = { ...mailout, sent: mailout.sent + count };
    },
    async markFailed(_id, hash) {
      const entry = entries.get(hash);
      if (!entry || entry.state === 'failed') return;
      entry.state = 'failed';
      mailout = { ...mailout, failed: mailout.failed + 1 };
    },
    async completeIfDone(_id, now) {
      if (
        [...entries.values()].some((e) => e.state === undefined || e.state === 'sending') ||
        mailout.status === 'done'
      )
        return false;
      mailout = { ...mailout, status: 'done', completedAt: now.toISOString() };
      return true;
    },
    suppress: async () => undefined,
    hasContact: async (_id, hash) => entries.has(hash),
    deleteContact: async (_id, hash) => entries.delete(hash),
  };
  return { store, entries, givenBack };
}

const metrics = publishedMetrics();

const SETTINGS: MailoutSettings = {
  from: 'Ljungby kommun <medborgardialog@ljungby.se>',
  publicBaseUrl: 'https://dialog.ljungby.se',
  unsubscribeKeys: { current: 'unit-test-unsubscribe-secret-0123456789' },
  maxSendRate: 1,
  leaseMs: 120_000,
  contactRetentionDays: 30,
};

/** What every run here mails: the dialogue as published and its (empty) public results. */
const content = async (d: Dialogue) => ({
  definition: publicDefinition(d, ljungby),
  results: presentResults(d, emptyState(), null, { kind: 'public', disclosureThreshold: 5 }),
});

/**
 * Runs the mailout against a deadline `budgetMs` from now (the function's remaining time), driving fake time
 * until the run returns. Answers the outcome and how much time was left when it returned.
 */
async function runAgainstDeadline(
  count: number,
  maxSendRate: number,
  budgetMs: number,
  { handoverInMs, queue = memoryQueue(count) }: { handoverInMs?: number; queue?: ReturnType<typeof memoryQueue> } = {},
) {
  const dialogue: Dialogue = decidedDemo({ id: 'tidsbudget' });
  const { store, entries } = queue;
  const sends: number[] = [];
  const leases: number[] = [];
  const deadline = Date.now() + budgetMs;
  let outcome: MailoutOutcome | undefined;
  const run = runMailouts({
    dialogues: { list: async () => [dialogue], get: async () => dialogue },
    mailouts: { ...store, acquireRun: async (_id, _owner, _now, until) => (leases.push(until.getTime()), true) },
    mailer: { send: async () => void sends.push(Date.now()) },
    clock: { now: () => new Date() },
    settings: { ...SETTINGS, maxSendRate },
    content,
    remainingMs: () => deadline - Date.now(),
    ...(handoverInMs === undefined ? {} : { handoverAt: new Date(Date.now() + handoverInMs) }),
  }).then((result) => {
    outcome = result;
  });
  for (let step = 0; outcome === undefined && step < 100_000; step++) await jest.advanceTimersByTimeAsync(250);
  await run;
  return { outcome: outcome as MailoutOutcome, leftMs: deadline - Date.now(), sends, entries, leases };
}

describe('runMailouts and the time budget', () => {
  beforeEach(() => {
    jest.useFakeTimers({
      now: new Date('2026-05-20T08:00:00.000Z'),
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
    });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('at 14 a second (prod) a long mailout pauses and returns well before the deadline, sending each contact once', async () => {
    const { outcome, leftMs, sends, entries } = await runAgainstDeadline(500, 14, 25_000);
    expect(outcome.paused).toBe(true);
    expect(leftMs).toBeGreaterThan(0);
    expect(outcome.sent).toBe(sends.length);
    expect([...entries.values()].filter((e) => e.state === 'sent')).toHaveLength(sends.length);
    expect(outcome.pending).toBe([...entries.values()].filter((e) => e.state === undefined).length);
    // Whatever it claimed and did not send goes back to the queue when its lease runs out; nothing else is held.
    expect([...entries.values()].filter((e) => e.state === 'sending')).toHaveLength(0);
  });

  // The contacts a run has taken wait in the pacer; were there more than half the stop margin's worth (at dev's
  // maxSendRate 1, more than 7), sending would go on past the last look at the clock, the Lambda (5 min timeout)
  // would be killed mid-send, and a kill between SES accepting and markSent is a duplicate.
  it('hands over at the next tick: no send starts after it, the lease on the sender ends then, and the next run sends the rest once', async () => {
    const queue = memoryQueue(3000);
    const started = Date.now();
    const first = await runAgainstDeadline(3000, 14, 300_000, { handoverInMs: 60_000, queue });
    expect(first.outcome.paused).toBe(true);
    expect(first.leases).toEqual([started + 60_000]);
    // One spacing (1/14 s) clear of it, so the next run's first send cannot make that second hold 15.
    expect(Math.max(...first.sends)).toBeLessThanOrEqual(started + 60_000 - 1000 / 14);
    // It kept sending right up to the tick: the last send within a second of it, not 15 s before.
    expect(Math.max(...first.sends)).toBeGreaterThan(started + 59_000);
    expect(first.sends.length).toBeGreaterThanOrEqual(Math.floor(60 * 14 * 0.99));
    // Where it stopped is kept, so the next run reads on from there, not through every contact already sent.
    const resumeAfter = (await queue.store.get('tidsbudget'))?.resumeAfter;
    const sentHashes = [...queue.entries.values()].filter((e) => e.state === 'sent').map((e) => e.contact.emailHash);
    // Beyond the last sent lie only contacts it had taken and gave back, noted for the next run to send first.
    const between = [...queue.entries.values()].filter(
      (e) => e.contact.emailHash > (sentHashes.at(-1) as string) && e.contact.emailHash <= (resumeAfter as string),
    );
    expect(between.every((e) => e.state === undefined && queue.givenBack.has(e.contact.emailHash))).toBe(true);
    const read: string[] = [];
    const pending = queue.store.pending.bind(queue.store);
    queue.store.pending = async function* (id, now, after) {
      for await (const contact of pending(id, now, after)) yield (read.push(contact.emailHash), contact);
    };

    const second = await runAgainstDeadline(3000, 14, 300_000, { queue });
    const sent = [...queue.entries.values()].filter((e) => e.state === 'sent');
    expect(first.sends.length + second.sends.length).toBe(sent.length);
    expect(second.outcome.paused).toBe(false);
    expect(sent).toHaveLength(3000);
    expect(read.some((hash) => sentHashes.includes(hash))).toBe(false);
    // Having reached the end, it leaves the next run to read from the start.
    expect((await queue.store.get('tidsbudget'))?.resumeAfter).toBeUndefined();
  });

  it('at 1 a second (dev) the run still returns before the deadline', async () => {
    const { outcome, leftMs } = await runAgainstDeadline(60, 1, 25_000);
    expect(outcome.paused).toBe(true);
    expect(leftMs).toBeGreaterThan(0);
  });
});

describe('runMailouts and a large queue', () => {
  it('starts sending as the first contacts are read, before the rest of the queue is', async () => {
    const dialogue: Dialogue = decidedDemo({ id: 'tidsbudget' });
    const { store } = memoryQueue(2);
    const all: PendingContact[] = [];
    for await (const contact of store.pending('tidsbudget', new Date())) all.push(contact);
    let firstSent: () => void = () => undefined;
    const sentOnce = new Promise<void>((resolve) => (firstSent = resolve));
    const outcome = await runMailouts({
      dialogues: { list: async () => [dialogue], get: async () => dialogue },
      mailouts: {
        ...store,
        // The second page comes only once the first contact has been mailed: a run that read the whole queue
        // first would wait here for ever.
        async *pending() {
          yield all[0] as PendingContact;
          await sentOnce;
          yield all[1] as PendingContact;
        },
      },
      mailer: { send: async () => firstSent() },
      clock: { now: () => new Date() },
      settings: { ...SETTINGS, maxSendRate: 1000 },
      content,
      remainingMs: () => 60_000,
    });
    expect(outcome).toMatchObject({ sent: 2, pending: 0, completed: ['tidsbudget'] });
  });
});

describe('runMailouts and what a stopped run gave back', () => {
  it('the next run sends those first, then reads on from where the last stopped; a stopped run never reads the whole queue to see if all is done', async () => {
    const dialogue: Dialogue = decidedDemo({ id: 'tidsbudget' });
    const queue = memoryQueue(200);
    const sent: string[] = [];
    const read: string[] = [];
    let doneAsked = 0;
    const run = (remainingMs: () => number) =>
      runMailouts({
        dialogues: { list: async () => [dialogue], get: async () => dialogue },
        mailouts: {
          ...queue.store,
          async *pending(id, now, after) {
            for await (const contact of queue.store.pending(id, now, after)) yield (read.push(contact.email), contact);
          },
          completeIfDone: (id, now) => (doneAsked++, queue.store.completeIfDone(id, now)),
        },
        mailer: { send: async (raw) => void sent.push(/^To: (.*)$/m.exec(raw)?.[1] as string) },
        clock: { now: () => new Date() },
        settings: { ...SETTINGS, maxSendRate: 1000 },
        content,
        remainingMs,
      });

    // Time for five sends; the others it had taken (up to 64 in flight at this rate) go back untouched.
    const first = await run(() => (sent.length < 5 ? 60_000 : 1_000));
    expect(first).toMatchObject({ sent: 5, paused: true });
    const givenBack = [...queue.givenBack].map((hash) => queue.entries.get(hash)?.contact.email);
    expect(givenBack.length).toBeGreaterThan(0);
    expect(doneAsked).toBe(0);
    const resumeAfter = (await queue.store.get('tidsbudget'))?.resumeAfter as string;
    read.length = 0;

    const second = await run(() => 60_000);
    expect(second).toMatchObject({ sent: 195, pending: 0, completed: ['tidsbudget'] });
    expect(sent.slice(5, 5 + givenBack.length).sort()).toEqual([...givenBack].sort());
    // From the queue it read only what lies beyond the stop, not the given-back contacts again.
    expect(read).toHaveLength(200 - 5 - givenBack.length);
    expect(
      [...queue.entries.values()]
        .filter((e) => read.includes(e.contact.email))
        .every((e) => e.contact.emailHash > resumeAfter),
    ).toBe(true);
    expect(new Set(sent).size).toBe(200);
    expect(queue.givenBack.size).toBe(0);
    expect(doneAsked).toBe(1);
  });
});

describe('runMailouts and a last run still giving back', () => {
  it('sends what the last run gave back after this one started, once it reaches the end of the queue, and completes', async () => {
    const dialogue: Dialogue = decidedDemo({ id: 'tidsbudget' });
    const queue = memoryQueue(200);
    // The last run still holds the first ten (in flight at its handover) and noted where to read on.
    const held = [...queue.entries.values()].slice(0, 10);
    for (const entry of held)
      Object.assign(entry, { state: 'sending', owner: 'last-run', leaseUntil: Date.now() + 60_000 });
    await queue.store.resumeAt('tidsbudget', held.at(-1)?.contact.emailHash);
    const sent: string[] = [];
    let givingBack = true;
    const outcome = await runMailouts({
      dialogues: { list: async () => [dialogue], get: async () => dialogue },
      mailouts: queue.store,
      mailer: {
        async send(raw) {
          sent.push(/^To: (.*)$/m.exec(raw)?.[1] as string);
          // The last run gives its ten back only after this one has taken what was noted (nothing yet).
          if (givingBack) {
            givingBack = false;
            for (const entry of held) await queue.store.release('tidsbudget', entry.contact.emailHash, 'last-run');
          }
        },
      },
      clock: { now: () => new Date() },
      settings: { ...SETTINGS, maxSendRate: 1000 },
      content,
      remainingMs: () => 60_000,
    });
    expect(outcome).toMatchObject({ sent: 200, pending: 0, completed: ['tidsbudget'] });
    expect(new Set(sent).size).toBe(200);
    expect(queue.givenBack.size).toBe(0);
  });
});

describe('the mailout job’s metrics', () => {
  it('a run that throws half-way still publishes what it sent and failed, and leaves pending out: it is not known', async () => {
    const dialogue = decidedDemo({ id: 'tidsbudget' });
    const { store } = memoryQueue(2, new Set([1]));
    const handler = createHandler({
      dialogues: {
        get: async () => dialogue,
        list: async () => [dialogue],
        write: async () => undefined,
        audit: async () => [],
        markResponded: async () => true,
      },
      aggregates: { get: async () => undefined, commit: async () => true },
      municipality: ljungby,
      clock: { now: () => new Date() },
      disclosureThreshold: 5,
      mailouts: {
        ...store,
        completeIfDone: async () => {
          throw new Error('ProvisionedThroughputExceededException');
        },
      },
      mailer: { send: async () => undefined },
      keys: async () => SETTINGS.unsubscribeKeys,
    }) as unknown as (event: unknown, context: Context) => Promise<MailoutOutcome>;
    metrics.take();

    await expect(handler(scheduledEvent(jobs.mailout), lambdaContext('job-mailout', 60_000))).rejects.toThrow(
      'ProvisionedThroughputExceededException',
    );

    expect(metrics.take()).toEqual([
      emfLine({ EmailsSent: { unit: 'Count', value: 1 }, EmailsFailed: { unit: 'Count', value: 1 } }),
    ]);
  });
});
