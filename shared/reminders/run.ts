import { randomUUID } from 'node:crypto';
import type { Dialogue } from '../dialogue/schema';
import { type Mailer } from '../mail/mailout-run';
import { mimeMessage } from '../mail/mime';
import { type Municipality, committeeName } from '../municipality';
import type { Clock } from '../ports';
import { publicLinks } from '../presentation/links';
import { reminderEmail } from '../presentation/reminder-email';
import { type ReminderKind, reminderDue } from './due';
import { type ReminderSettings, contactOf } from './settings';

/** The record that a dialogue's reminder of one kind went out: claimed with a lease, then marked sent for good. */
export interface ReminderStore {
  /** Takes the reminder for this run until `leaseUntil`; false if it was sent already or another run holds it. */
  claim(dialogueId: string, kind: ReminderKind, owner: string, now: Date, leaseUntil: Date): Promise<boolean>;
  /** From then on no run sends it again. */
  markSent(dialogueId: string, kind: ReminderKind, owner: string, sentAt: Date): Promise<void>;
  /** Gives it back unsent (SES refused or failed), for a later run. */
  release(dialogueId: string, kind: ReminderKind, owner: string): Promise<void>;
}

export interface ReminderDeps {
  readonly dialogues: { list(): Promise<Dialogue[]>; get(id: string): Promise<Dialogue | undefined> };
  readonly reminders: ReminderStore;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly municipality: Municipality;
  readonly settings: ReminderSettings & { readonly from: string; readonly publicBaseUrl: string };
}

export interface ReminderOutcome {
  /** Dialogues whose promised feedback date has passed with no decision registered, reminded or not. */
  overdue: number;
  sent: Array<{ dialogueId: string; kind: ReminderKind }>;
  /** Given back for the next run; the error's name only, since SES's messages may name the address. */
  failed: Array<{ dialogueId: string; kind: ReminderKind; error: string }>;
}

/** Longer than one send with the mailer's retries can take; a run that died holding a claim frees it then. */
const LEASE_MS = 5 * 60_000;

function message(deps: ReminderDeps, dialogue: Dialogue, byDate: string, kind: ReminderKind) {
  const email = reminderEmail(kind, {
    title: dialogue.title.sv,
    committeeName: committeeName(deps.municipality, dialogue.leadCommittee),
    byDate,
    consoleUrl: publicLinks(deps.settings.publicBaseUrl).consoleDialogue(dialogue.id),
  });
  return mimeMessage(
    {
      from: deps.settings.from,
      to: contactOf(deps.settings, dialogue.leadCommittee),
      subject: email.subject,
      text: email.text,
      html: email.html,
      language: 'sv',
    },
    deps.clock.now(),
  );
}

/**
 * The reminder job: the lead committee of each dialogue whose promised feedback date is near, or past, with no
 * decision registered, gets one email of each kind. The claim is a conditional write, so reruns and overlapping runs
 * send none twice; the one way to a second copy is a run that dies after SES accepted and before `markSent` (its
 * lease runs out and a later run sends again), as with the feedback mailout.
 */
export async function sendReminders(deps: ReminderDeps): Promise<ReminderOutcome> {
  const outcome: ReminderOutcome = { overdue: 0, sent: [], failed: [] };
  const owner = randomUUID();
  const now = deps.clock.now();
  const due = (d: Dialogue | undefined) => d && reminderDue(d, now, deps.settings.daysBefore);
  for (const listed of await deps.dialogues.list()) {
    if (!due(listed)) continue;
    // The listing is an index and may lag behind a decision just registered: read the dialogue before reminding.
    const dialogue = await deps.dialogues.get(listed.id);
    const kind = due(dialogue);
    if (!dialogue?.feedbackPromise || !kind) continue;
    if (kind === 'overdue') outcome.overdue += 1;
    if (!(await deps.reminders.claim(dialogue.id, kind, owner, now, new Date(now.getTime() + LEASE_MS)))) continue;
    const raw = message(deps, dialogue, dialogue.feedbackPromise.byDate, kind);
    try {
      await deps.mailer.send(raw, { reminder: kind });
    } catch (error) {
      await deps.reminders.release(dialogue.id, kind, owner);
      outcome.failed.push({ dialogueId: dialogue.id, kind, error: error instanceof Error ? error.name : 'Error' });
      continue;
    }
    await deps.reminders.markSent(dialogue.id, kind, owner, deps.clock.now());
    outcome.sent.push({ dialogueId: dialogue.id, kind });
  }
  return outcome;
}
