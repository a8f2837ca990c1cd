/**
 * Reminders before the feedback date (issue 14, part 3), through the deployed job built from the real runtime on a
 * clock the test moves, against DynamoDB Local and the SES emulator: the lead committee's address gets the upcoming
 * reminder once, however often and however overlapping the job runs, and the overdue one after the date; drafts,
 * dialogues promising no date and decided ones get none.
 *
 * The handler reads SES_ENDPOINT once, so the emulator starts first and the handler is imported after it.
 */
import { emfLine, publishedMetrics } from '../support/metrics';
import type { Context } from 'aws-lambda';
import { dynamoDialogueStore } from '../../functions/adapters/dialogue-store';
import { demoDialogue } from '../../local/demo-dialogue';
import { lambdaContext } from '../../local/lambda-context';
import { scheduledEvent } from '../../local/scheduler';
import type { Caller } from '../../shared/access';
import { decide } from '../../shared/dialogue/lifecycle';
import type { Dialogue } from '../../shared/dialogue/schema';
import { envNames } from '../../shared/env-names';
import { ljungby } from '../../shared/municipality';
import type { ReminderOutcome } from '../../shared/reminders/run';
import { jobs } from '../../shared/routes';
import { getStageConfig } from '../../shared/stages';
import { drafted, saved } from '../support/dialogues';
import { createTestTable } from '../support/dynamo';
import { type RunningSes, type StoredEmail, startSes } from './support/mail';
import { scanAll, tableName, testDocumentClient } from './support/table';

const db = testDocumentClient();
const metrics = publishedMetrics();
const feedbackOverdue = (value: number) => emfLine({ FeedbackOverdue: { unit: 'Count', value } });
const store = dynamoDialogueStore(db, tableName());
const seeder: Caller = { sub: 'test-seed', committees: [], isAdmin: true };
const BY = '2027-03-15';
const LEAD_ADDRESS = 'tekniska.namnden@ljungby.example';
const OTHER_ADDRESS = 'kommun@ljungby.example';

let ses: RunningSes;
let now = new Date('2027-03-01T09:00:00Z');
let run: () => Promise<ReminderOutcome>;

/** A dialogue as the life cycle leaves it, with the feedback promised by BY unless told otherwise. */
function stored(id: string, overrides: Partial<Dialogue>): Dialogue {
  const definition = demoDialogue(new Date('2027-01-10T09:00:00Z'));
  const created = drafted({ ...definition, title: { sv: `Dialog ${id}` } }, seeder, ljungby, {
    id,
    now: new Date('2027-01-10T09:00:00Z'),
    responseShards: 2,
  });
  return {
    ...created,
    status: 'closed',
    closedAt: '2027-02-10T09:00:00.000Z',
    feedbackPromise: { how: definition.feedbackPromise?.how ?? { sv: 'Mejl.' }, byDate: BY },
    ...overrides,
  };
}

const to = (emails: readonly StoredEmail[]) => emails.map((e) => [e.destination.to.join(','), e.subject]).sort();

beforeAll(async () => {
  ses = await startSes();
  process.env[envNames.sesEndpoint] = ses.url;
  await createTestTable();
  const job = await import('../../functions/jobs/feedback-reminders/handler');
  const handler = job.createHandler({ ...job.dependencies, clock: { now: () => now } });
  run = () =>
    (handler as unknown as (event: unknown, context: Context) => Promise<ReminderOutcome>)(
      scheduledEvent(jobs.feedbackReminders),
      lambdaContext('job-feedback-reminders', 60_000),
    );
  for (const dialogue of [
    stored('paminn', {}),
    // Led by a committee the stage names no address for: the stage's other address gets it.
    stored('social', { leadCommittee: 'socialnamnden', participatingCommittees: [] }),
    stored('utkast', { status: 'draft' }),
    stored('utan-datum', { feedbackPromise: undefined }),
    stored('oppen', {
      status: 'open',
      closedAt: undefined,
      feedbackPromise: { how: { sv: 'Mejl.' }, byDate: '2027-06-30' },
    }),
    stored('beslutas', {}),
  ])
    await store.write(saved(dialogue));
});

afterAll(async () => {
  await ses?.stop();
});

describe('the feedback-reminders job', () => {
  it('the local stage reminds 7 days before and names the demo’s lead committee’s address', () => {
    const { reminders } = getStageConfig('local');
    expect(reminders.daysBefore).toBe(7);
    expect(reminders.committeeContacts['tekniska-namnden']).toBe(LEAD_ADDRESS);
  });

  it('sends nothing more than 7 days before the date', async () => {
    expect(await run()).toEqual({ overdue: 0, sent: [], failed: [] });
    expect(await ses.emails()).toEqual([]);
  });

  it('publishes FeedbackOverdue 0 while no promised date has passed', async () => {
    metrics.take();
    await run();
    expect(metrics.take()).toEqual([feedbackOverdue(0)]);
  });

  it('7 days before, each undecided dialogue’s lead committee gets the upcoming reminder in the SES inbox', async () => {
    now = new Date('2027-03-08T07:00:00Z');
    const outcome = await run();
    expect(outcome.sent.sort((a, b) => a.dialogueId.localeCompare(b.dialogueId))).toEqual([
      { dialogueId: 'beslutas', kind: 'upcoming' },
      { dialogueId: 'paminn', kind: 'upcoming' },
      { dialogueId: 'social', kind: 'upcoming' },
    ]);
    const emails = await ses.emails();
    expect(to(emails)).toEqual(
      [
        [LEAD_ADDRESS, 'Påminnelse: återkoppling senast 15 mars 2027, ”Dialog beslutas”'],
        [LEAD_ADDRESS, 'Påminnelse: återkoppling senast 15 mars 2027, ”Dialog paminn”'],
        [OTHER_ADDRESS, 'Påminnelse: återkoppling senast 15 mars 2027, ”Dialog social”'],
      ].sort(),
    );
    const paminn = emails.find((e) => e.subject.includes('Dialog paminn'));
    expect(paminn?.from).toContain('medborgardialog@ljungby.example');
    expect(paminn?.body.text).toContain('lovade Tekniska nämnden deltagarna återkoppling senast 15 mars 2027');
    expect(paminn?.body.text).toContain('Dialogen i konsolen: http://localhost:3000/console/#/d/paminn');
    expect(paminn?.body.html).toContain('<a href="http://localhost:3000/console/#/d/paminn">');
  });

  it('a rerun, and two runs at once, send none of them again', async () => {
    now = new Date('2027-03-09T07:00:00Z');
    expect(await run()).toEqual({ overdue: 0, sent: [], failed: [] });
    const overlapping = await Promise.all([run(), run()]);
    expect(overlapping.flatMap((o) => o.sent)).toEqual([]);
    expect(await ses.emails()).toHaveLength(3);
    const reminders = (await scanAll(db)).filter((i) => String(i.sk).startsWith('REMINDER#'));
    expect(reminders.map((i) => [i.dialogueId, i.reminder, i.state]).sort()).toEqual([
      ['beslutas', 'upcoming', 'sent'],
      ['paminn', 'upcoming', 'sent'],
      ['social', 'upcoming', 'sent'],
    ]);
  });

  it('after the date the overdue one goes out once, to those still undecided; a decision registered meanwhile stops it', async () => {
    const beslutas = await store.get('beslutas');
    if (!beslutas) throw new Error('no dialogue');
    const decision = { summary: { sv: 'Beslut.' }, motivation: { sv: 'Skäl.' }, decidedAt: '2027-03-12' };
    await store.write(decide(beslutas, decision, seeder, new Date('2027-03-12T10:00:00Z')));
    await ses.clear();
    // 23:30 UTC on the 15th is already the 16th in Sweden: the promise is read in Swedish days.
    now = new Date('2027-03-15T23:30:00Z');
    const outcome = await Promise.all([run(), run()]);
    expect(outcome.flatMap((o) => o.sent).sort((a, b) => a.dialogueId.localeCompare(b.dialogueId))).toEqual([
      { dialogueId: 'paminn', kind: 'overdue' },
      { dialogueId: 'social', kind: 'overdue' },
    ]);
    expect(to(await ses.emails())).toEqual(
      [
        [OTHER_ADDRESS, 'Återkopplingen är försenad: ”Dialog social”'],
        [LEAD_ADDRESS, 'Återkopplingen är försenad: ”Dialog paminn”'],
      ].sort(),
    );
    now = new Date('2027-04-15T09:00:00Z');
    expect(await run()).toEqual({ overdue: 2, sent: [], failed: [] });
    expect(await ses.emails()).toHaveLength(2);
  });

  it('publishes FeedbackOverdue each run after the date: the two dialogues still undecided, reminded already', async () => {
    metrics.take();
    await run();
    expect(metrics.take()).toEqual([feedbackOverdue(2)]);
  });
});
