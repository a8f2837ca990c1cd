import { randomUUID } from 'node:crypto';
import type { ResultsBody } from '../aggregation/present';
import { mailoutProgress } from '../decision/mailout';
import type { PendingContact, MailoutStore } from '../decision/ports';
import type { PublicDefinition } from '../dialogue/public-view';
import type { Dialogue } from '../dialogue/schema';
import type { Clock } from '../ports';
import { feedbackEmail } from '../presentation/feedback-email';
import { publicLinks } from '../presentation/links';
import { mimeMessage } from './mime';
import { pacer } from './pacer';
import { ratingToken } from '../rating/token';
import type { SigningKeys } from './signed';
import { unsubscribeToken } from './unsubscribe-token';

/** SES said no for good (address rejected, suppressed): retrying cannot help. */
export class PermanentMailError extends Error {}

export interface Mailer {
  /** Sends one raw MIME message; retries transient failures itself; throws PermanentMailError when it never can. */
  send(raw: string, tags: Readonly<Record<string, string>>): Promise<void>;
}

export interface MailoutSettings {
  readonly from: string;
  readonly replyTo?: string;
  readonly publicBaseUrl: string;
  /** Sign the unsubscribe and rating links (with the current key). */
  readonly unsubscribeKeys: SigningKeys;
  /** SES's maximum send rate for the account, per second. */
  readonly maxSendRate: number;
  /** How long a claimed contact stays this run's before another run may take it. */
  readonly leaseMs: number;
  /** Contacts are deleted this long after their feedback is sent (public-records rules decide). */
  readonly contactRetentionDays: number;
}

export interface MailoutDeps {
  readonly dialogues: { list(): Promise<Dialogue[]>; get(id: string): Promise<Dialogue | undefined> };
  readonly mailouts: MailoutStore;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly settings: MailoutSettings;
  /** The public results (for the email's few lines) and definition of a dialogue. */
  readonly content: (dialogue: Dialogue) => Promise<{ definition: PublicDefinition; results: ResultsBody }>;
  /** Time left before the function must stop; the run stops cleanly before it. */
  readonly remainingMs: () => number;
  /** When the next scheduled run takes over (shared/mail/handover.ts): no send starts after it, and the lease ends. */
  readonly handoverAt?: Date;
}

export const STOP_MARGIN_MS = 15_000;
/** Sends in flight at once: enough to keep the pace, but no more than can go out within half the stop margin. */
const inFlightFor = (maxSendRate: number): number =>
  Math.max(1, Math.min(64, Math.floor((maxSendRate * STOP_MARGIN_MS) / 2000)));
/** No run holds a dialogue's mailout longer than a Lambda can live. */
const MAX_RUN_MS = 15 * 60_000;

/** Sends to one contact: claim, send, mark sent. A crash between SES accepting and `markSent` is the one way to a duplicate. */
async function sendOne(
  deps: MailoutDeps,
  dialogue: Dialogue,
  contact: PendingContact,
  content: Awaited<ReturnType<MailoutDeps['content']>>,
  owner: string,
  pace: ReturnType<typeof pacer>,
): Promise<'sent' | 'sent-to-unsubscribed' | 'failed' | 'skipped' | 'deferred'> {
  const now = deps.clock.now();
  const expiry = (at: Date) => new Date(at.getTime() + deps.settings.contactRetentionDays * 86_400_000);
  if (
    !(await deps.mailouts.claim(
      dialogue.id,
      contact.emailHash,
      owner,
      now,
      new Date(now.getTime() + deps.settings.leaseMs),
    ))
  )
    return 'skipped';
  if (contact.suppressed) {
    await deps.mailouts.markFailed(dialogue.id, contact.emailHash, 'suppressed', expiry(now));
    return 'failed';
  }
  const { settings } = deps;
  const token = unsubscribeToken(settings.unsubscribeKeys, dialogue.id, contact.emailHash);
  const urls = publicLinks(settings.publicBaseUrl);
  const unsubscribeUrl = urls.unsubscribe(token);
  const decision = dialogue.decisionRecord;
  if (!decision) return 'skipped';
  const email = feedbackEmail(content.definition, content.results, decision, contact.language, {
    resultsUrl: urls.results(dialogue.id, contact.language),
    unsubscribeUrl,
    ratingUrl: urls.rating(ratingToken(settings.unsubscribeKeys, dialogue.id, contact.emailHash), contact.language),
  });
  const raw = mimeMessage({
    from: settings.from,
    to: contact.email,
    ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
    subject: email.subject,
    text: email.text,
    html: email.html,
    language: contact.language,
    // RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` to this URL.
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
  // Paced right at the call to SES: that is what the account's rate limits. Out of time by our turn, the contact
  // goes back untouched rather than risk the function being stopped mid-send.
  // The last start keeps one spacing clear of the handover, so that the next run's first start cannot crowd into
  // the same second.
  const attempt = await pace(() =>
    deps.remainingMs() < STOP_MARGIN_MS / 2 || handedOver(deps, 1000 / deps.settings.maxSendRate)
      ? 'deferred'
      : deps.mailer.send(raw, { dialogue: dialogue.id }).then(
          () => 'sent' as const,
          (error: unknown) => error,
        ),
  );
  if (attempt === 'deferred') {
    await deps.mailouts.release(dialogue.id, contact.emailHash, owner);
    return 'deferred';
  }
  if (attempt instanceof PermanentMailError) {
    await deps.mailouts.markFailed(dialogue.id, contact.emailHash, attempt.message, expiry(deps.clock.now()));
    return 'failed';
  }
  if (attempt !== 'sent') throw attempt;
  const sentAt = deps.clock.now();
  return (await deps.mailouts.markSent(dialogue.id, contact.emailHash, owner, sentAt, expiry(sentAt)))
    ? 'sent'
    : 'sent-to-unsubscribed';
}

export interface MailoutOutcome {
  sent: number;
  failed: number;
  /**
   * Contacts still waiting, by their mailouts' counts, in the mailouts the run worked on (out of time, or failed for
   * now); a mailout it did not reach is the next run's to count. Set when the run ends: unknown if it throws half-way.
   */
  pending?: number;
  /** True when the run stopped for time with contacts left; the next run continues. */
  paused: boolean;
  completed: string[];
}

/** Whether the next run's turn comes within `drainMs` (the time the sends already waiting take to start). */
const handedOver = (deps: MailoutDeps, drainMs: number): boolean =>
  deps.handoverAt !== undefined && deps.clock.now().getTime() >= deps.handoverAt.getTime() - drainMs;

export const newMailoutOutcome = (): MailoutOutcome => ({ sent: 0, failed: 0, paused: false, completed: [] });

/**
 * The mailout job: for every decided dialogue with a mailout in progress, send to each pending contact at no
 * more than the configured rate, until none is left or the time runs short. Contacts are claimed one by one with
 * a conditional write and a lease, so overlapping runs never send to the same contact.
 * `outcome` is counted into as the run goes: a caller that passes its own still has the counts if the run throws.
 */
export async function runMailouts(deps: MailoutDeps, outcome = newMailoutOutcome()): Promise<MailoutOutcome> {
  let pending = 0;
  const owner = randomUUID();
  const pace = pacer(deps.settings.maxSendRate);
  for (const dialogue of await deps.dialogues.list()) {
    if (dialogue.status !== 'decided') continue;
    const mailout = await deps.mailouts.get(dialogue.id);
    if (!mailout || mailout.status === 'done') continue;
    const now = deps.clock.now();
    const until = new Date(
      Math.min(now.getTime() + Math.min(deps.remainingMs(), MAX_RUN_MS), deps.handoverAt?.getTime() ?? Infinity),
    );
    // One sender at a time, account-wide: two overlapping runs would together exceed SES's send rate.
    if (!(await deps.mailouts.acquireRun(dialogue.id, owner, now, until))) continue;
    try {
      pending += await sendMailout(deps, dialogue, mailout.resumeAfter, owner, pace, outcome);
    } finally {
      await deps.mailouts.releaseRun(dialogue.id, owner);
    }
    if (outcome.paused) break;
  }
  outcome.pending = pending;
  return outcome;
}

async function sendMailout(
  deps: MailoutDeps,
  dialogue: Dialogue,
  resumeAfter: string | undefined,
  owner: string,
  pace: ReturnType<typeof pacer>,
  outcome: MailoutOutcome,
): Promise<number> {
  // Read again after taking the run: a correction that got in before it is what gets sent.
  const current = (await deps.dialogues.get(dialogue.id)) ?? dialogue;
  const content = await deps.content(current);
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const limit = inFlightFor(deps.settings.maxSendRate);
  // Sends already waiting at the pacer still start before the handover, so stop taking new ones that much earlier.
  const drainMs = (limit / deps.settings.maxSendRate) * 1000;
  let lastTaken: string | undefined;
  let stopped = false;
  // The progress counter gets about a second's sends per write, not one write per email.
  let uncounted = 0;
  const countSent = async () => {
    const count = uncounted;
    uncounted = 0;
    if (count > 0) await deps.mailouts.countSent(current.id, count);
  };
  // Those the last run gave back at its stop come first; the queue then reads on from where that run stopped.
  const givenBack = await deps.mailouts.takeGivenBack(current.id);
  async function* contacts() {
    for (const contact of givenBack) yield { contact, inQueue: false };
    for await (const contact of deps.mailouts.pending(dialogue.id, deps.clock.now(), resumeAfter))
      yield { contact, inQueue: true };
    // The last run may still have been giving back its last contacts as this one started: at the end of the
    // queue they are sent now, not left behind it for the next tick.
    for (const contact of await deps.mailouts.takeGivenBack(current.id)) yield { contact, inQueue: false };
  }
  for await (const { contact, inQueue } of contacts()) {
    if (deps.remainingMs() < STOP_MARGIN_MS || handedOver(deps, drainMs) || failure) {
      outcome.paused = true;
      stopped = true;
      // Where to read on, written now, before the handover: the next run starts at the tick, while these drain.
      if (lastTaken !== undefined && lastTaken !== resumeAfter) await deps.mailouts.resumeAt(current.id, lastTaken);
      break;
    }
    if (inQueue) lastTaken = contact.emailHash;
    const task: Promise<void> = sendOne(deps, current, contact, content, owner, pace)
      .then(async (result) => {
        if (result === 'sent' || result === 'sent-to-unsubscribed') outcome.sent += 1;
        if (result === 'sent') uncounted += 1;
        if (result === 'failed') outcome.failed += 1;
        if (result === 'deferred') outcome.paused = true;
        if (uncounted >= deps.settings.maxSendRate) await countSent();
      })
      .catch((error: unknown) => {
        failure = error;
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  // Counted before any completion: that sets the counters from the contacts themselves, and no later ADD may follow.
  await countSent().catch((error: unknown) => {
    failure ??= error;
  });
  // A transient failure that outlasted the mailer's retries: the lease runs out and a later run tries again.
  if (failure) outcome.paused = true;
  // Having read to the end, the next run reads from the start, for any left behind (failed for now, or lost at a
  // crash). Whether all is done is asked only then: it reads every contact, which a run that stopped need not.
  if (!stopped && resumeAfter !== undefined) await deps.mailouts.resumeAt(current.id, undefined);
  if (!stopped && (await deps.mailouts.completeIfDone(current.id, deps.clock.now()))) {
    outcome.completed.push(current.id);
    return 0;
  }
  // Not reached, given back for time, or failed for now: still waiting, as the mailout's own counts say.
  return mailoutProgress(await deps.mailouts.get(current.id)).pending;
}
