/**
 * Reminders before the feedback date (shared/reminders/): which dialogue gets which reminder at a given time (the
 * pure rule), the email's words, and the run on plain fakes; DynamoDB and SES in test/integration/feedback-reminders.
 */
import type { Dialogue } from '../../shared/dialogue/schema';
import type { Mailer } from '../../shared/mail/mailout-run';
import { ljungby } from '../../shared/municipality';
import { reminderEmail } from '../../shared/presentation/reminder-email';
import { type ReminderKind, reminderDue } from '../../shared/reminders/due';
import { type ReminderDeps, type ReminderStore, sendReminders } from '../../shared/reminders/run';
import { contactOf } from '../../shared/reminders/settings';
import { parseMime } from '../support/mime';
import { demo } from './fixtures';

const BY = '2026-04-20';
const promised = (overrides: Partial<Dialogue> = {}): Dialogue =>
  demo({ status: 'closed', feedbackPromise: { how: { sv: 'Via mejl.' }, byDate: BY }, ...overrides });
const decision = {
  summary: { sv: 'Beslutat.' },
  motivation: { sv: 'Därför.' },
  decidedAt: '2026-04-15',
  registeredAt: '2026-04-15T10:00:00.000Z',
  registeredBy: 'official',
};
const at = (iso: string) => new Date(iso);

describe('reminderDue: which dialogue gets which reminder at a given time (7 days before)', () => {
  test.each<[string, string, ReminderKind | undefined]>([
    ['eight Swedish days before the date', '2026-04-12T12:00:00Z', undefined],
    // 22:30 UTC is 00:30 the next day in Sweden (CEST): the promise is read in Swedish calendar days.
    ['seven Swedish days before, just after midnight in Sweden', '2026-04-12T22:30:00Z', 'upcoming'],
    ['the last hour of the promised day in Sweden', '2026-04-20T21:30:00Z', 'upcoming'],
    ['the first minutes of the day after, in Sweden', '2026-04-20T22:30:00Z', 'overdue'],
    ['a month after', '2026-05-20T08:00:00Z', 'overdue'],
  ])('a closed, undecided dialogue: %s', (_, now, expected) => {
    expect(reminderDue(promised(), at(now), 7)).toBe(expected);
  });

  test('an open dialogue is reminded as a closed one is, before and after the date', () => {
    expect(reminderDue(promised({ status: 'open' }), at('2026-04-15T08:00:00Z'), 7)).toBe('upcoming');
    expect(reminderDue(promised({ status: 'open' }), at('2026-04-25T08:00:00Z'), 7)).toBe('overdue');
  });

  test('no reminder for a draft, a dialogue promising no date, or one whose decision is registered', () => {
    for (const now of ['2026-04-15T08:00:00Z', '2026-04-25T08:00:00Z']) {
      expect(reminderDue(promised({ status: 'draft' }), at(now), 7)).toBeUndefined();
      expect(reminderDue(demo({ status: 'closed', feedbackPromise: undefined }), at(now), 7)).toBeUndefined();
      expect(reminderDue(promised({ status: 'decided', decisionRecord: decision }), at(now), 7)).toBeUndefined();
    }
  });

  test('the number of days is the setting’s', () => {
    expect(reminderDue(promised(), at('2026-04-06T08:00:00Z'), 14)).toBe('upcoming');
    expect(reminderDue(promised(), at('2026-04-06T08:00:00Z'), 7)).toBeUndefined();
  });
});

describe('the reminder email', () => {
  const dialogue = {
    title: 'Ny lekplats i Lagan',
    committeeName: 'Tekniska nämnden',
    byDate: BY,
    consoleUrl: 'https://dialog.ljungby.se/console/#/d/lekplatsen-3f9a',
  };

  test('says in Swedish which dialogue, by which date in words, and links to its page in the console', () => {
    const email = reminderEmail('upcoming', dialogue);
    expect(email.subject).toBe('Påminnelse: återkoppling senast 20 april 2026, ”Ny lekplats i Lagan”');
    expect(email.text).toContain(
      'I medborgardialogen ”Ny lekplats i Lagan” lovade Tekniska nämnden deltagarna återkoppling senast 20 april 2026. Inget beslut är registrerat ännu.',
    );
    expect(email.text).toContain(`Dialogen i konsolen: ${dialogue.consoleUrl}`);
    expect(email.html).toContain(`<a href="${dialogue.consoleUrl}">`);
    expect(email.html).toMatch(/^<!doctype html><html lang="sv">/);
  });

  test('the overdue one says the date has passed', () => {
    const email = reminderEmail('overdue', dialogue);
    expect(email.subject).toBe('Återkopplingen är försenad: ”Ny lekplats i Lagan”');
    expect(email.text).toContain('Datumet har passerat och inget beslut är registrerat.');
  });

  test('a committee without an address of its own is reminded at the stage’s other one', () => {
    const settings = {
      daysBefore: 7,
      committeeContacts: { 'tekniska-namnden': 'tn@ljungby.example' },
      otherwise: 'kommun@ljungby.example',
    };
    expect(contactOf(settings, 'tekniska-namnden')).toBe('tn@ljungby.example');
    expect(contactOf(settings, 'socialnamnden')).toBe('kommun@ljungby.example');
  });
});

describe('sendReminders on plain fakes', () => {
  /** The ReminderStore contract in memory: a claim holds until marked sent, or released. */
  function memoryStore(): ReminderStore & { sent: Set<string> } {
    const held = new Map<string, string>();
    const sent = new Set<string>();
    return {
      sent,
      claim: async (id, kind, owner) => {
        const key = `${id}/${kind}`;
        if (held.has(key) || sent.has(key)) return false;
        held.set(key, owner);
        return true;
      },
      markSent: async (id, kind) => {
        held.delete(`${id}/${kind}`);
        sent.add(`${id}/${kind}`);
      },
      release: async (id, kind) => {
        held.delete(`${id}/${kind}`);
      },
    };
  }
  const deps = (dialogues: Dialogue[], mailer: Mailer, reminders: ReminderStore, now: string): ReminderDeps => ({
    dialogues: { list: async () => dialogues, get: async (id) => dialogues.find((d) => d.id === id) },
    reminders,
    mailer,
    clock: { now: () => at(now) },
    municipality: ljungby,
    settings: {
      daysBefore: 7,
      committeeContacts: { 'tekniska-namnden': 'tn@ljungby.example' },
      otherwise: 'kommun@ljungby.example',
      from: 'Ljungby kommun <medborgardialog@ljungby.example>',
      publicBaseUrl: 'http://localhost:3000',
    },
  });

  test('mails the lead committee once per kind: a rerun sends nothing, the date passing sends the overdue one', async () => {
    const raws: string[] = [];
    const mailer: Mailer = { send: async (raw) => void raws.push(raw) };
    const store = memoryStore();
    const dialogues = [promised({ id: 'a' }), promised({ id: 'b', status: 'draft' })];
    const before = await sendReminders(deps(dialogues, mailer, store, '2026-04-15T08:00:00Z'));
    expect(before).toEqual({ overdue: 0, sent: [{ dialogueId: 'a', kind: 'upcoming' }], failed: [] });
    expect(await sendReminders(deps(dialogues, mailer, store, '2026-04-16T08:00:00Z'))).toEqual({
      overdue: 0,
      sent: [],
      failed: [],
    });
    const after = await sendReminders(deps(dialogues, mailer, store, '2026-04-21T08:00:00Z'));
    expect(after.sent).toEqual([{ dialogueId: 'a', kind: 'overdue' }]);
    expect(raws.map((raw) => parseMime(raw).headers.to)).toEqual(['tn@ljungby.example', 'tn@ljungby.example']);
  });

  test('a dialogue decided since the listing was read is read again and not reminded', async () => {
    const listed = promised({ id: 'a' });
    const store = memoryStore();
    const d = deps([listed], { send: async () => undefined }, store, '2026-04-15T08:00:00Z');
    const decided = { ...listed, status: 'decided' as const, decisionRecord: decision };
    const outcome = await sendReminders({ ...d, dialogues: { list: async () => [listed], get: async () => decided } });
    expect(outcome.sent).toEqual([]);
  });

  test('a send that fails gives the reminder back, by the error’s name only, and the next run sends it', async () => {
    const store = memoryStore();
    const failing: Mailer = {
      send: async () => {
        throw Object.assign(new Error('Email address is not verified: tn@ljungby.example'), {
          name: 'MessageRejected',
        });
      },
    };
    const dialogues = [promised({ id: 'a' })];
    const failed = await sendReminders(deps(dialogues, failing, store, '2026-04-15T08:00:00Z'));
    expect(failed).toEqual({
      overdue: 0,
      sent: [],
      failed: [{ dialogueId: 'a', kind: 'upcoming', error: 'MessageRejected' }],
    });
    const retried = await sendReminders(
      deps(dialogues, { send: async () => undefined }, store, '2026-04-15T09:00:00Z'),
    );
    expect(retried.sent).toEqual([{ dialogueId: 'a', kind: 'upcoming' }]);
  });

  test('counts the dialogues overdue at the run, reminded now, before, or failing to be; not a draft, one not yet due, one decided', async () => {
    const store = memoryStore();
    const dialogues = [
      promised({ id: 'a' }),
      promised({ id: 'b' }),
      promised({ id: 'c', status: 'draft' }),
      promised({ id: 'd', feedbackPromise: { how: { sv: 'Via mejl.' }, byDate: '2026-05-30' } }),
      promised({ id: 'e', status: 'decided', decisionRecord: decision }),
    ];
    const run = (mailer: Mailer) => sendReminders(deps(dialogues, mailer, store, '2026-04-21T08:00:00Z'));
    const failing: Mailer = {
      send: async () => {
        throw new Error('throttled');
      },
    };
    expect(await run(failing)).toMatchObject({ overdue: 2, sent: [] });
    expect(await run({ send: async () => undefined })).toMatchObject({ overdue: 2, failed: [] });
    expect(await run({ send: async () => undefined })).toEqual({ overdue: 2, sent: [], failed: [] });
  });

  test('a dialogue decided since the listing was read is not counted overdue', async () => {
    const listed = promised({ id: 'a' });
    const d = deps([listed], { send: async () => undefined }, memoryStore(), '2026-04-21T08:00:00Z');
    const decided = { ...listed, status: 'decided' as const, decisionRecord: decision };
    const outcome = await sendReminders({ ...d, dialogues: { list: async () => [listed], get: async () => decided } });
    expect(outcome).toEqual({ overdue: 0, sent: [], failed: [] });
  });
});
