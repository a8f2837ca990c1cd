import { type ChildProcess, spawn } from 'node:child_process';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import sesEmulator from 'aws-ses-v2-local';
import { clearStore, getStoreReadonly } from 'aws-ses-v2-local/dist/store';
import { dynamoDialogueStore } from '../functions/adapters/dialogue-store';
import { createSesClient, sesMailer } from '../functions/adapters/mailer';
import { createDocumentClient } from '../functions/adapters/dynamodb';
import { dynamoMailoutStore } from '../functions/adapters/mailout-store';
import { emptyState } from '../shared/aggregation/state';
import { presentResults } from '../shared/aggregation/present';
import { publicDefinition } from '../shared/dialogue/public-view';
import { importDialogue } from '../shared/dialogue/lifecycle';
import type { Dialogue } from '../shared/dialogue/schema';
import { keys } from '../shared/keys';
import { handoverAt } from '../shared/mail/handover';
import { type Mailer, type MailoutDeps, STOP_MARGIN_MS, runMailouts } from '../shared/mail/mailout-run';
import { ljungby } from '../shared/municipality';
import { emailHash } from '../shared/responses/submit';
import { freePort } from '../local/ports';
import type { BenchStack } from './harness';
import { report, reportSpread, throughput } from './measure';

/** The most starts in any one-second window (a sliding window over the sorted start times). */
function busiestSecond(startsMs: readonly number[]): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < startsMs.length; to++) {
    while ((startsMs[to] as number) - (startsMs[from] as number) >= 1000) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

/** Sends per `windowMs` over the whole run, each as a fraction of the rate (the last, partial window left out). */
function windowRatios(startsMs: readonly number[], rate: number, windowMs = 10_000): number[] {
  const first = startsMs[0] ?? 0;
  const counts: number[] = [];
  for (const start of startsMs) {
    const index = Math.floor((start - first) / windowMs);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  // A window with no send at all is a zero, not a gap.
  return Array.from(
    { length: Math.max(0, counts.length - 1) },
    (_, i) => (counts[i] ?? 0) / ((rate * windowMs) / 1000),
  );
}

/**
 * The job as EventBridge and Lambda run it, on a shorter clock: a run starts at every tick (`tickMs`) and may live
 * `deadlineMs`, in AWS one and five minutes, here 20 and 100 seconds, so a mailout of this size spans several runs
 * and several handovers. The sender's lease (DynamoDB) lets one run at a time send; the rest return at once.
 */
const TICK_MS = 20_000;
const DEADLINE_MS = 100_000;

interface MailoutRun {
  readonly starts: number[];
  readonly sent: number;
  readonly runs: number;
  /** Runs that threw (a failed invocation, in Lambda's terms). */
  readonly failedRuns: number;
  readonly duplicates: number;
  readonly missed: number;
}

async function seedMailout(stack: BenchStack, dialogue: Dialogue, emails: readonly string[]): Promise<void> {
  const { documentClient: client, tableName } = stack;
  await throughput(Math.ceil(emails.length / 25), 8, async (b) => {
    const items = emails.slice(b * 25, b * 25 + 25).map((email) => ({
      PutRequest: {
        Item: {
          ...keys.contact(dialogue.id, emailHash(dialogue.id, email)),
          kind: 'contact',
          dialogueId: dialogue.id,
          email,
          language: 'sv',
        },
      },
    }));
    await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: items } }));
  });
  // The decided copy and its mailout, written together as a registered decision is.
  await dynamoMailoutStore(client, tableName).startWithDecision(importDialogue(dialogue, 'bench', new Date()), {
    dialogueId: dialogue.id,
    status: 'sending',
    total: emails.length,
    sent: 0,
    failed: 0,
    recipients: emails.length,
    bounced: 0,
    unsubscribed: 0,
    startedAt: new Date().toISOString(),
  });
}

/** One mailout of `recipients` through the SES emulator at `rate`, run by scheduled runs until every contact is sent. */
async function mailout(stack: BenchStack, id: string, recipients: number, rate: number): Promise<MailoutRun> {
  const sesPort = await freePort();
  const ses = await sesEmulator({ host: '127.0.0.1', port: sesPort });
  const { documentClient: client, tableName } = stack;
  const demo = (await dynamoDialogueStore(client, tableName).get('demo')) as Dialogue;
  const dialogue: Dialogue = {
    ...demo,
    id,
    status: 'decided',
    decisionRecord: {
      summary: { sv: 'Beslut' },
      motivation: { sv: 'Motivering' },
      decidedAt: '2027-02-10',
      registeredAt: new Date().toISOString(),
      registeredBy: 'bench',
    },
  };
  const emails = Array.from({ length: recipients }, (_, i) => `deltagare${i}@example.se`);
  await seedMailout(stack, dialogue, emails);

  // What the emulator received, counted and emptied as the run goes (it keeps every message in memory otherwise);
  // read and cleared in one synchronous step, so no message falls between.
  const received = new Map<string, number>();
  const drain = () => {
    for (const email of getStoreReadonly().emails)
      for (const to of email.destination.to) received.set(to, (received.get(to) ?? 0) + 1);
    clearStore();
  };
  const draining = setInterval(drain, 2_000);

  const starts: number[] = [];
  const real = sesMailer(createSesClient(`http://127.0.0.1:${sesPort}`));
  const mailer: Mailer = { send: (raw, tags) => (starts.push(performance.now()), real.send(raw, tags)) };
  // The job's own client (its retries), not the bench's: a slow answer under load is retried as in Lambda.
  const mailouts = dynamoMailoutStore(createDocumentClient(stack.dynamo.endpoint), tableName);
  const definition = publicDefinition(dialogue, ljungby);
  const results = presentResults(dialogue, emptyState(), null, { kind: 'public', disclosureThreshold: 5 });
  const deps: Omit<MailoutDeps, 'remainingMs'> = {
    dialogues: { list: async () => [dialogue], get: async () => dialogue },
    mailouts,
    mailer,
    clock: { now: () => new Date() },
    settings: {
      from: 'Ljungby kommun <medborgardialog@ljungby.example>',
      publicBaseUrl: 'http://localhost:3000',
      unsubscribeKeys: { current: 'bench-secret-0123456789abcdef0123456789' },
      maxSendRate: rate,
      leaseMs: 120_000,
      contactRetentionDays: 30,
    },
    content: async () => ({ definition, results }),
  };

  let sent = 0;
  let runs = 0;
  let failedRuns = 0;
  const invoke = async (tickAt: number) => {
    const deadline = tickAt + DEADLINE_MS;
    const handover = handoverAt(tickAt, TICK_MS, deadline, STOP_MARGIN_MS);
    const outcome = await runMailouts({
      ...deps,
      remainingMs: () => deadline - Date.now(),
      ...(handover === undefined ? {} : { handoverAt: new Date(handover) }),
    });
    if (outcome.sent > 0) runs += 1;
    sent += outcome.sent;
  };
  const inFlight = new Set<Promise<void>>();
  for (;;) {
    // A run that throws is what Lambda records as a failed invocation: the next tick carries on from the table.
    const run = invoke(Date.now())
      .catch(() => void (failedRuns += 1))
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    if ((await mailouts.get(dialogue.id))?.status === 'done') break;
  }
  await Promise.all(inFlight);
  clearInterval(draining);
  drain();
  await new Promise((resolve) => ses.close(resolve));
  return {
    starts,
    sent,
    runs,
    failedRuns,
    duplicates: [...received.values()].filter((n) => n > 1).length,
    missed: emails.filter((email) => !received.has(email)).length,
  };
}

/** A process that keeps one core busy, as four other jobs sharing the machine would. */
const cpuHog = (): ChildProcess =>
  spawn(process.execPath, ['-e', 'for (;;) Math.sqrt(Math.random());'], { stdio: 'ignore' });

function reportRun(run: MailoutRun, rate: number, suffix = ''): void {
  const { starts } = run;
  const seconds = ((starts.at(-1) ?? 0) - (starts[0] ?? 0)) / 1000 + 1 / rate;
  reportSpread(
    `mailout_rate_ratio${suffix}`,
    starts.length / seconds / rate,
    windowRatios(starts, rate),
    '10 s windows',
  );
  report(`mailout_busiest_second_vs_rate${suffix}`, busiestSecond(starts) / rate);
  // The longest time SES went without a message: where a handover (or anything else) idled.
  const gaps = starts.slice(1).map((start, i) => start - (starts[i] as number));
  report(`mailout_longest_gap${suffix}`, Math.max(0, ...gaps) / 1000, 's');
  report(`mailout_runs${suffix}`, run.runs);
  report(`mailout_failed_runs${suffix}`, run.failedRuns);
  report(`mailout_sent${suffix}`, run.sent);
  report(`mailout_duplicates${suffix}`, run.duplicates);
  report(`mailout_missed${suffix}`, run.missed);
}

/**
 * mailout_rate_ratio (100,000 recipients), mailout_rate_ratio_under_load (with a CPU-bound process beside),
 * mailout_duplicates, mailout_missed and mailout_sent: the real mailout run against the SES emulator, over several
 * scheduled runs that hand over at their ticks. At 100/s (seven times SES's usual production rate): on two cores
 * with DynamoDB Local and the emulator beside it, 250/s was beyond the machine (0.54), whatever the pacer does.
 */
export async function benchMailout(stack: BenchStack, recipients = 100_000, rate = 100): Promise<void> {
  report('mailout_configured_rate', rate, 'per s');
  reportRun(await mailout(stack, 'bench-mail', recipients, rate), rate);
  const hog = cpuHog();
  try {
    reportRun(await mailout(stack, 'bench-mail-load', recipients / 5, rate), rate, '_under_load');
  } finally {
    hog.kill();
  }
}
