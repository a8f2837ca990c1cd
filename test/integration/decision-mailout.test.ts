/**
 * The committee's decision and the feedback to every participant (contract section 3; issue "The committee's
 * decision, and feedback to every participant by email"), through the deployed handlers built from the real
 * runtime, against DynamoDB Local and the SES emulator (aws-ses-v2-local).
 *
 * One story of the demo dialogue, in order: citizens answer (some leave an address, one twice in different case,
 * some write free text); the lead committee closes it and registers its decision, then corrects it; the mailout
 * job sends one email to each participant; one unsubscribes; SES reports a bounce and a complaint; a later
 * dialogue's mailout then leaves the suppressed addresses out.
 *
 * The handlers read SES_ENDPOINT once, so the emulator starts first and the handlers are imported after it.
 */
import { SAFETY_LAG_MS } from './support/short-lag';
import { emfLine, publishedMetrics } from '../support/metrics';
import { randomUUID } from 'node:crypto';
import type { Context, SNSEvent } from 'aws-lambda';
import { dynamoDialogueStore } from '../../functions/adapters/dialogue-store';
import { demoDialogue } from '../../local/demo-dialogue';
import { lambdaContext } from '../../local/lambda-context';
import { scheduledEvent } from '../../local/scheduler';
import { DEMO_DIALOGUE_ID, seedDemo } from '../../local/seed';
import type { Caller } from '../../shared/access';
import type { MailoutOutcome } from '../../shared/mail/mailout-run';
import { verifyUnsubscribeToken } from '../../shared/mail/unsubscribe-token';
import { changeStatus } from '../../shared/dialogue/lifecycle';
import { drafted, moved, saved } from '../support/dialogues';
import type { Issue } from '../../shared/errors';
import { envNames } from '../../shared/env-names';
import { ljungby } from '../../shared/municipality';
import { emailHash } from '../../shared/responses/submit';
import { jobs, routes } from '../../shared/routes';
import { createTestTable } from '../support/dynamo';
import { htmlProblems } from '../support/html-validator';
import {
  type HttpHandler,
  type Official,
  administrator,
  callRaw,
  httpEvent,
  invoke,
  officialOf,
} from './support/events';
import {
  type RunningSes,
  type StoredEmail,
  bounce,
  complaint,
  parseMime,
  recordingMailer,
  sesNotification,
  startSes,
  tally,
} from './support/mail';
import { type Item, itemsOf, scanAll, tableName, testDocumentClient } from './support/table';

jest.setTimeout(30_000);

const db = testDocumentClient();
const metrics = publishedMetrics();
const emailCounts = (sent: number, failed: number, pending: number) =>
  emfLine({
    EmailsSent: { unit: 'Count', value: sent },
    EmailsFailed: { unit: 'Count', value: failed },
    EmailsPending: { unit: 'Count', value: pending },
  });
const DEMO = DEMO_DIALOGUE_ID;
const OTHER_ID = 'annan-dialog';
const BASE_URL = 'http://localhost:3000';
const KEYS = { current: 'test-unsubscribe-secret-0123456789abcdef' };
const RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

const lead = officialOf('tekniska-namnden');
const participant = officialOf('kultur-och-fritidsnamnden');
const outsider = officialOf('socialnamnden');
const seeder: Caller = { sub: 'test-seed', committees: [], isAdmin: true };

/** Free text no email may ever carry. */
const MARKER = `fritext-${randomUUID()}`;

interface Respondent {
  readonly favourite: 'natur' | 'aventyr' | 'alla';
  readonly contact?: { email: string; consent: boolean; language: 'sv' | 'en' };
  readonly comments?: string;
}

/** Ten responses to the demo: six distinct consenting addresses (Cecilia answers twice, in different case). */
const RESPONSES: readonly Respondent[] = [
  {
    favourite: 'alla',
    contact: { email: 'anna@example.se', consent: true, language: 'sv' },
    comments: `${MARKER} Anna vill ha fler bänkar`,
  },
  {
    favourite: 'alla',
    contact: { email: 'bob@example.com', consent: true, language: 'en' },
    comments: `${MARKER} Bob wants shade`,
  },
  { favourite: 'natur', contact: { email: 'Cecilia.Berg@Example.SE', consent: true, language: 'sv' } },
  { favourite: 'natur', contact: { email: 'cecilia.berg@example.se', consent: true, language: 'sv' } },
  { favourite: 'alla', contact: { email: 'david@example.org', consent: true, language: 'en' } },
  {
    favourite: 'aventyr',
    contact: { email: 'eva@example.se', consent: true, language: 'sv' },
    comments: `${MARKER} <b>Eva</b>`,
  },
  { favourite: 'alla', contact: { email: 'filip@example.se', consent: true, language: 'sv' } },
  { favourite: 'natur' },
  { favourite: 'alla', comments: `${MARKER} utan adress` },
  { favourite: 'natur' },
];
const RECIPIENTS: Record<string, 'sv' | 'en'> = {
  'anna@example.se': 'sv',
  'bob@example.com': 'en',
  'cecilia.berg@example.se': 'sv',
  'david@example.org': 'en',
  'eva@example.se': 'sv',
  'filip@example.se': 'sv',
};
const RECIPIENT_COUNT = Object.keys(RECIPIENTS).length;

const DECISION = {
  summary: 'Tekniska nämnden beslutar att bygga förslaget Lekplats för alla.',
  motivation: {
    sv: 'Flest ville ha en lekplats som alla barn kan använda.',
    en: 'Most wanted a playground every child can use.',
  },
  inputUse: {
    sv: 'Synpunkterna om skugga och sittplatser tas med i bygghandlingen.',
    en: 'The input on shade and seating goes into the construction plans.',
  },
  decidedAt: '2026-05-12',
  minutes: { meeting: 'Tekniska nämnden 2026-05-12', paragraph: '§ 47' },
  chosenAlternative: 'alla',
};
const CORRECTED = {
  ...DECISION,
  summary: {
    sv: 'Tekniska nämnden beslutar att bygga Lekplats för alla, med en sinnesträdgård.',
    en: 'The technical committee decided to build the Playground for everyone, with a sensory garden.',
  },
};

let ses: RunningSes;
let handlers: {
  register: HttpHandler;
  correct: HttpHandler;
  mailout: HttpHandler;
  submit: HttpHandler;
  status: HttpHandler;
  results: HttpHandler;
  getDialogue: HttpHandler;
  unsubscribePage: HttpHandler;
  unsubscribe: HttpHandler;
  ratingPage: HttpHandler;
  rate: HttpHandler;
  evaluation: HttpHandler;
  sesFeedback: (event: SNSEvent, context: Context) => Promise<{ handled: number }>;
  aggregateJob: (event: unknown, context: Context) => Promise<unknown>;
  mailoutJob: (event: unknown, context: Context) => Promise<MailoutOutcome>;
  recordedJob: (event: unknown, context: Context) => Promise<MailoutOutcome>;
};
/** What the recorded job handed to SES, raw MIME included (the emulator keeps no headers). */
let recorded: ReturnType<typeof recordingMailer>;

type Decided = { decision: Record<string, unknown>; mailout: Record<string, unknown> };
interface ValidationBody {
  error: 'validation';
  issues: Issue[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const decide = <T = Decided>(official: Official, id: string, body: unknown) =>
  invoke<T>(handlers.register, httpEvent(routes.registerDecision, { official, pathParameters: { id }, body }));
const correct = <T = Decided>(official: Official, id: string, body: unknown) =>
  invoke<T>(handlers.correct, httpEvent(routes.correctDecision, { official, pathParameters: { id }, body }));
const progress = <T = Record<string, unknown>>(official: Official, id: string) =>
  invoke<T>(handlers.mailout, httpEvent(routes.getMailout, { official, pathParameters: { id } }));
const runJob = (job: (event: unknown, context: Context) => Promise<MailoutOutcome>) =>
  job(scheduledEvent(jobs.mailout), lambdaContext('job-mailout', 60_000));

async function respond(id: string, respondent: Respondent) {
  const body = {
    answers: { favourite: respondent.favourite, ...(respondent.comments ? { comments: respondent.comments } : {}) },
    ...(respondent.contact ? { contact: respondent.contact } : {}),
    submissionId: randomUUID(),
  };
  const answer = await invoke<{ willReceiveFeedback: boolean }>(
    handlers.submit,
    httpEvent(routes.submitResponse, { pathParameters: { id }, body }),
  );
  expect({ status: answer.statusCode, body: answer.statusCode === 201 ? undefined : answer.json }).toEqual({
    status: 201,
  });
  expect(answer.json.willReceiveFeedback).toBe(respondent.contact?.consent === true);
}

const contacts = async (id: string): Promise<Item[]> => itemsOf(await scanAll(db), id).contacts;
const contactOf = async (id: string, email: string): Promise<Item | undefined> =>
  (await contacts(id)).find((c) => c.sk === emailHash(id, email));
const suppressions = async (): Promise<Item[]> => (await scanAll(db)).filter((i) => i.pk === 'SUPPRESSED');
const storedDecision = async (id: string) => (await dynamoDialogueStore(db, tableName()).get(id))?.decisionRecord;

const emailTo = (emails: readonly StoredEmail[], address: string): StoredEmail => {
  const found = emails.filter((e) => e.destination.to.includes(address));
  expect(found).toHaveLength(1);
  return found[0] as StoredEmail;
};
const ratingTokenIn = (text: string | undefined): { token: string; lang: string } => {
  const found = /\/rating\?token=([A-Za-z0-9._-]+)&lang=(sv|en)/.exec(text ?? '');
  if (!found) throw new Error('no rating link in the email');
  return { token: found[1] as string, lang: found[2] as string };
};
const ratingItems = async (id: string) => (await scanAll(db)).filter((i) => i.pk === `DIALOGUE#${id}#RATINGS`);
const raterItems = async (id: string) => (await scanAll(db)).filter((i) => i.pk === `DIALOGUE#${id}#RATERS`);
const ratingPost = (token: string, body: string, lang = 'sv') =>
  callRaw(handlers.rate, routes.rate, {
    query: { token, lang },
    body,
    contentType: 'application/x-www-form-urlencoded',
  });

const tokenIn = (text: string | undefined): string => {
  const token = /\/unsubscribe\?token=([A-Za-z0-9._-]+)/.exec(text ?? '')?.[1];
  if (!token) throw new Error('no unsubscribe link in the email');
  return token;
};

beforeAll(async () => {
  ses = await startSes();
  process.env[envNames.sesEndpoint] = ses.url;
  await createTestTable();
  const [
    register,
    correctModule,
    mailout,
    submit,
    status,
    results,
    getDialogue,
    page,
    remove,
    feedback,
    aggregate,
    job,
    runtimeModule,
    mailRuntimeModule,
    secret,
    ratingPage,
    rate,
    evaluation,
  ] = await Promise.all([
    import('../../functions/admin/dialogues/decision/register'),
    import('../../functions/admin/dialogues/decision/correct'),
    import('../../functions/admin/dialogues/mailout/handler'),
    import('../../functions/dialogues/submit/handler'),
    import('../../functions/admin/dialogues/status/handler'),
    import('../../functions/dialogues/results/handler'),
    import('../../functions/dialogues/get/handler'),
    import('../../functions/web/unsubscribe/page'),
    import('../../functions/web/unsubscribe/remove'),
    import('../../functions/events/ses-feedback/handler'),
    import('../../functions/jobs/aggregate/handler'),
    import('../../functions/jobs/mailout/handler'),
    import('../../functions/lib/runtime'),
    import('../../functions/lib/mail-runtime'),
    import('../../functions/adapters/secret'),
    import('../../functions/web/rating/page'),
    import('../../functions/web/rating/rate'),
    import('../../functions/admin/dialogues/evaluation/get'),
  ]);
  recorded = recordingMailer(mailRuntimeModule.mailRuntime.mailer);
  handlers = {
    register: register.handler,
    correct: correctModule.handler,
    mailout: mailout.handler,
    submit: submit.handler,
    status: status.handler,
    results: results.handler,
    getDialogue: getDialogue.handler,
    unsubscribePage: page.handler,
    unsubscribe: remove.handler,
    ratingPage: ratingPage.handler,
    rate: rate.handler,
    evaluation: evaluation.handler,
    sesFeedback: feedback.handler,
    aggregateJob: aggregate.handler,
    mailoutJob: job.handler as unknown as (event: unknown, context: Context) => Promise<MailoutOutcome>,
    // The deployed job, with the real SES mailer wrapped so the raw MIME can be read back.
    recordedJob: job.createHandler({
      ...runtimeModule.runtime,
      ...mailRuntimeModule.mailRuntime,
      mailer: recorded,
      keys: secret.unsubscribeKeys,
    }) as unknown as (event: unknown, context: Context) => Promise<MailoutOutcome>,
  };

  const now = new Date();
  await seedDemo(db, tableName(), 4, now);
  const store = dynamoDialogueStore(db, tableName());
  const other = drafted(
    { ...demoDialogue(now), title: { sv: 'Utegym vid Ljungsjön', en: 'Outdoor gym by Ljungsjön' } },
    seeder,
    ljungby,
    { id: OTHER_ID, now, responseShards: 2 },
  );
  await store.write(saved(moved(other, 'open', seeder, now)));

  for (const respondent of RESPONSES) await respond(DEMO, respondent);
  // The later dialogue: two addresses that will bounce or complain in the demo's mailout, and one fresh one.
  for (const email of ['eva@example.se', 'david@example.org', 'gustav@example.se']) {
    await respond(OTHER_ID, { favourite: 'natur', contact: { email, consent: true, language: 'sv' } });
  }
  const opened = await store.get(OTHER_ID);
  if (!opened) throw new Error('no other dialogue');
  await store.write(changeStatus(opened, 'closed', seeder, new Date()));
});

afterAll(async () => {
  await ses?.stop();
});

describe('registering the decision (POST /admin/dialogues/{id}/decision)', () => {
  it('answers 409 while the dialogue is still open, and registers nothing', async () => {
    const answer = await decide(lead, DEMO, DECISION);
    expect(answer.statusCode).toBe(409);
    expect(await storedDecision(DEMO)).toBeUndefined();
    expect((await progress(lead, DEMO)).json).toMatchObject({ status: 'not-started', sent: 0 });
  });

  describe('on the closed demo dialogue', () => {
    beforeAll(async () => {
      const closed = await invoke(
        handlers.status,
        httpEvent(routes.changeDialogueStatus, {
          official: lead,
          pathParameters: { id: DEMO },
          body: { status: 'closed' },
        }),
      );
      expect(closed.statusCode).toBe(200);
      // Past the safety lag, one aggregate run counts every response (and marks the closed dialogue complete).
      await sleep(SAFETY_LAG_MS + 200);
      await handlers.aggregateJob(scheduledEvent(jobs.aggregate), lambdaContext('job-aggregate', 60_000));
    });

    it('the same address given twice in different case is one contact; responses without an address leave none', async () => {
      const stored = await contacts(DEMO);
      expect(stored.map((c) => c.email).sort()).toEqual(Object.keys(RECIPIENTS).sort());
    });

    it('before the decision, the mailout says how many the decision would email (for the official’s confirmation)', async () => {
      const recipients = Object.keys(RECIPIENTS).length;
      expect((await progress(lead, DEMO)).json).toEqual({
        status: 'not-started',
        total: recipients,
        sent: 0,
        failed: 0,
        pending: recipients,
        percentDone: 0,
      });
    });

    it("without an officials' token the decision and its progress answer 401", async () => {
      expect(
        (
          await invoke(
            handlers.register,
            httpEvent(routes.registerDecision, { pathParameters: { id: DEMO }, body: DECISION }),
          )
        ).statusCode,
      ).toBe(401);
      expect(
        (await invoke(handlers.mailout, httpEvent(routes.getMailout, { pathParameters: { id: DEMO } }))).statusCode,
      ).toBe(401);
    });

    it('another committee (socialnamnden) gets 403', async () => {
      const answer = await decide(outsider, DEMO, DECISION);
      expect(answer.statusCode).toBe(403);
      expect(await storedDecision(DEMO)).toBeUndefined();
    });

    it('the participating committee (kultur-och-fritidsnamnden) gets 403: only the lead committee decides', async () => {
      const answer = await decide(participant, DEMO, DECISION);
      expect(answer.statusCode).toBe(403);
      expect(await storedDecision(DEMO)).toBeUndefined();
    });

    it('a body without summary gets 400 naming the field', async () => {
      const { summary: _summary, ...withoutSummary } = DECISION;
      const answer = await decide<ValidationBody>(lead, DEMO, withoutSummary);
      expect(answer.statusCode).toBe(400);
      expect(answer.json.error).toBe('validation');
      expect(answer.json.issues.map((i) => i.path)).toContain('summary');
      expect(answer.json.issues.every((i) => i.message && i.messageEn)).toBe(true);
    });

    it('a chosenAlternative the dialogue does not have gets 400 on chosenAlternative', async () => {
      const answer = await decide<ValidationBody>(lead, DEMO, { ...DECISION, chosenAlternative: 'lekstuga' });
      expect(answer.statusCode).toBe(400);
      expect(answer.json.issues.map((i) => i.path)).toEqual(['chosenAlternative']);
      expect(await storedDecision(DEMO)).toBeUndefined();
    });

    it('an unknown field or a decidedAt that is not a date gets 400', async () => {
      expect((await decide(lead, DEMO, { ...DECISION, registeredBy: 'someone-else' })).statusCode).toBe(400);
      expect((await decide(lead, DEMO, { ...DECISION, decidedAt: '12 maj 2026' })).statusCode).toBe(400);
    });

    it('the lead committee gets 202 with the decision (summary as a plain string) and a mailout to every consenting contact', async () => {
      const answer = await decide(lead, DEMO, DECISION);
      expect(answer.statusCode).toBe(202);
      expect(answer.json.decision).toMatchObject({
        summary: { sv: DECISION.summary },
        motivation: DECISION.motivation,
        decidedAt: DECISION.decidedAt,
        chosenAlternative: 'alla',
        registeredBy: lead.sub,
      });
      expect(answer.json.mailout).toMatchObject({
        status: 'sending',
        total: RECIPIENT_COUNT,
        sent: 0,
        failed: 0,
        pending: RECIPIENT_COUNT,
      });
      const items = itemsOf(await scanAll(db), DEMO).all;
      expect(items.find((i) => i.sk === 'DEFINITION')).toMatchObject({ status: 'decided' });
      expect(items.find((i) => i.sk === 'MAILOUT')).toMatchObject({
        status: 'sending',
        total: RECIPIENT_COUNT,
        sent: 0,
        failed: 0,
      });
    });

    it('a second POST gets 409 and leaves the first decision as it was', async () => {
      const before = await storedDecision(DEMO);
      const answer = await decide(lead, DEMO, { ...DECISION, summary: 'Ett annat beslut.' });
      expect(answer.statusCode).toBe(409);
      expect(await storedDecision(DEMO)).toEqual(before);
    });

    it('the progress is readable by the lead committee, not by another committee', async () => {
      expect((await progress(lead, DEMO)).json).toMatchObject({
        status: 'sending',
        total: RECIPIENT_COUNT,
        sent: 0,
        failed: 0,
        pending: RECIPIENT_COUNT,
      });
      expect((await progress(outsider, DEMO)).statusCode).toBe(403);
      expect((await progress(administrator, DEMO)).statusCode).toBe(200);
    });

    it('PUT before any email is sent answers 200 with the correction (summary as {sv, en})', async () => {
      const answer = await correct(lead, DEMO, CORRECTED);
      expect(answer.statusCode).toBe(200);
      expect(answer.json.decision).toMatchObject({ summary: CORRECTED.summary, registeredBy: lead.sub });
      expect(answer.json.mailout).toMatchObject({ status: 'sending', total: RECIPIENT_COUNT, sent: 0 });
      expect((await storedDecision(DEMO))?.summary).toEqual(CORRECTED.summary);
    });

    it('PUT by another committee gets 403', async () => {
      expect((await correct(outsider, DEMO, { ...CORRECTED, summary: 'Kapat.' })).statusCode).toBe(403);
      expect((await storedDecision(DEMO))?.summary).toEqual(CORRECTED.summary);
    });

    it('the public results and the dialogue show status decided, with the corrected decision and not who registered it', async () => {
      const results = await invoke<Record<string, unknown>>(
        handlers.results,
        httpEvent(routes.getResults, { pathParameters: { id: DEMO } }),
      );
      expect(results.statusCode).toBe(200);
      expect(results.json).toMatchObject({
        status: 'decided',
        responseCount: RESPONSES.length,
        decision: { summary: CORRECTED.summary, decidedAt: DECISION.decidedAt },
      });
      expect(results.json.decision).not.toHaveProperty('registeredBy');
      const dialogue = await invoke<Record<string, unknown>>(
        handlers.getDialogue,
        httpEvent(routes.getDialogue, { pathParameters: { id: DEMO } }),
      );
      expect(dialogue.json).toMatchObject({ id: DEMO, status: 'decided' });
    });
  });
});

describe('the feedback mailout (the mailout job, SES emulator)', () => {
  let emails: StoredEmail[];
  let outcome: MailoutOutcome;
  let published: unknown[];

  beforeAll(async () => {
    await ses.clear();
    metrics.take();
    outcome = await runJob(handlers.recordedJob);
    published = metrics.take();
    emails = await ses.emails();
  });

  it('the job sends to every recipient and completes the mailout', () => {
    expect(outcome).toEqual({ sent: RECIPIENT_COUNT, failed: 0, pending: 0, paused: false, completed: [DEMO] });
  });

  it('the job publishes EmailsSent for every recipient, and EmailsFailed and EmailsPending 0', () => {
    expect(published).toEqual([emailCounts(RECIPIENT_COUNT, 0, 0)]);
  });

  it('exactly one email reaches each recipient, the address given twice included', () => {
    expect(tally(emails.flatMap((e) => e.destination.to))).toEqual(
      Object.fromEntries(Object.keys(RECIPIENTS).map((to) => [to, 1])),
    );
    expect(emails.every((e) => e.from.includes('medborgardialog@ljungby.example'))).toBe(true);
  });

  it('each email is in the language the participant chose, with the corrected decision, motivation, count and links', () => {
    for (const [address, language] of Object.entries(RECIPIENTS)) {
      const email = emailTo(emails, address);
      const text = email.body.text ?? '';
      if (language === 'sv') {
        expect(email.subject).toBe('Resultat och beslut: Lekplatsen vid Lagaparken i Lagan');
        expect(text).toContain(CORRECTED.summary.sv);
        expect(text).toContain(DECISION.motivation.sv);
        expect(text).toContain(DECISION.inputUse.sv);
        expect(text).toContain(`${RESPONSES.length} personer svarade.`);
        expect(text).toContain('Flest valde förslaget ”Lekplats för alla” (50\u00a0% av dem som svarade på frågan).');
        // The decision is said once: the summary names the chosen proposal, so no line repeats it.
        expect(text.split('Lekplats för alla')).toHaveLength(3);
        expect(text).not.toContain('Valt förslag');
        expect(text).toContain('Tekniska nämnden beslutade 12 maj 2026.');
        expect(text).toContain(`Hela resultatet och beslutet: ${BASE_URL}/results/${DEMO}?lang=sv`);
        expect(text).toContain(`Ta bort min e-postadress: ${BASE_URL}/unsubscribe?token=`);
      } else {
        expect(email.subject).toBe('Result and decision: The playground at Lagaparken in Lagan');
        expect(text).toContain(CORRECTED.summary.en);
        expect(text).toContain(DECISION.motivation.en);
        expect(text).toContain(`${RESPONSES.length} people answered.`);
        expect(text).toContain(
          'Most chose the proposal “Playground for everyone” (50% of those who answered the question).',
        );
        expect(text.split('Playground for everyone')).toHaveLength(3);
        expect(text).not.toContain('Chosen proposal');
        expect(text).toContain(`The full result and decision: ${BASE_URL}/results/${DEMO}?lang=en`);
        expect(text).toContain(`Remove my email address: ${BASE_URL}/unsubscribe?token=`);
        expect(text).not.toContain(CORRECTED.summary.sv);
      }
      expect(text).not.toContain(DECISION.summary);
      expect(email.body.html).toContain(`href="${BASE_URL}/unsubscribe?token=${tokenIn(text)}"`);
      const token = verifyUnsubscribeToken(KEYS, tokenIn(text));
      expect(token).toEqual({ dialogueId: DEMO, emailHash: emailHash(DEMO, address) });
    }
  });

  it('no email carries any free text a citizen wrote', () => {
    expect(recorded.sent).toHaveLength(RECIPIENT_COUNT);
    for (const email of emails) {
      expect(`${email.subject}\n${email.body.text}\n${email.body.html}`).not.toContain(MARKER);
      expect(email.body.text).not.toContain('bänkar');
    }
    for (const message of recorded.sent) {
      const mime = parseMime(message.raw);
      expect(mime.parts.map((p) => p.body).join('\n')).not.toContain(MARKER);
      expect(message.raw).not.toContain(MARKER);
    }
  });

  it('the raw message carries RFC 8058 one-click unsubscribe headers with the same token as the body, and the dialogue tag', () => {
    for (const message of recorded.sent) {
      const mime = parseMime(message.raw);
      const text = mime.parts.find((p) => p.headers['content-type']?.startsWith('text/plain'))?.body;
      expect(mime.headers['list-unsubscribe']).toBe(`<${BASE_URL}/unsubscribe?token=${tokenIn(text)}>`);
      expect(mime.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(mime.headers['content-language']).toBe(RECIPIENTS[message.to]);
      expect(mime.headers['reply-to']).toBe('kommun@ljungby.example');
      expect(message.tags).toEqual({ dialogue: DEMO });
    }
  });

  it('GET /admin/dialogues/demo/mailout reports done: every one sent, none failed or pending', async () => {
    const answer = await progress(lead, DEMO);
    expect(answer.statusCode).toBe(200);
    expect(answer.json).toMatchObject({
      status: 'done',
      total: RECIPIENT_COUNT,
      sent: RECIPIENT_COUNT,
      failed: 0,
      pending: 0,
    });
  });

  it(`every sent contact expires by TTL about ${RETENTION_DAYS} days after its email`, async () => {
    const expected = (Date.now() + RETENTION_DAYS * DAY_MS) / 1000;
    const stored = await contacts(DEMO);
    expect(stored).toHaveLength(RECIPIENT_COUNT);
    for (const contact of stored) {
      expect(contact.state).toBe('sent');
      expect(contact).not.toHaveProperty('leaseUntil');
      expect(Number.isInteger(contact.expiresAt)).toBe(true);
      expect(Math.abs(Number(contact.expiresAt) - expected)).toBeLessThan(120);
    }
  });

  it('PUT after the mailout started gets 409 and the mailed decision stays', async () => {
    const answer = await correct(lead, DEMO, { ...CORRECTED, summary: 'För sent att ändra.' });
    expect(answer.statusCode).toBe(409);
    expect((await storedDecision(DEMO))?.summary).toEqual(CORRECTED.summary);
  });

  it('a later run of the job sends nothing more', async () => {
    const again = await runJob(handlers.mailoutJob);
    expect(again).toEqual({ sent: 0, failed: 0, pending: 0, paused: false, completed: [] });
    expect(await ses.emails()).toHaveLength(RECIPIENT_COUNT);
  });
});

describe('unsubscribing (GET /unsubscribe shows a confirmation, POST removes)', () => {
  const address = 'filip@example.se';
  let token: string;

  beforeAll(async () => {
    token = tokenIn(emailTo(await ses.emails(), address).body.text);
  });

  it('GET with the token from the email answers 200 with a form that posts back the token, and deletes nothing', async () => {
    const page = await callRaw(handlers.unsubscribePage, routes.unsubscribePage, {
      query: { token },
      contentType: null,
    });
    expect(page.statusCode).toBe(200);
    expect(String(page.headers?.['content-type'])).toContain('text/html');
    expect(page.body).toContain(`<form method="post" action="${BASE_URL}/unsubscribe?token=${token}"`);
    // Before deciding, the reader can go to what the address is kept for, in either language.
    expect(page.body).toContain(`<a href="${BASE_URL}/results/${DEMO}">Till resultatsidan</a>`);
    expect(page.body).toContain(`<a href="${BASE_URL}/results/${DEMO}?lang=en">Go to the results page</a>`);
    expect(await contactOf(DEMO, address)).toBeDefined();
  });

  it('a forged or tampered token answers 400 on GET and POST and deletes nothing', async () => {
    const [dialogueId, hash, signature] = token.split('.') as [string, string, string];
    const forged = [
      `${dialogueId}.${emailHash(DEMO, 'anna@example.se')}.${signature}`,
      `${dialogueId}.${hash}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      `${OTHER_ID}.${hash}.${signature}`,
      'not-a-token',
    ];
    for (const bad of forged) {
      const page = await callRaw(handlers.unsubscribePage, routes.unsubscribePage, {
        query: { token: bad },
        contentType: null,
      });
      expect(page.statusCode).toBe(400);
      const post = await callRaw(handlers.unsubscribe, routes.unsubscribe, {
        query: { token: bad },
        body: 'List-Unsubscribe=One-Click',
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(post.statusCode).toBe(400);
    }
    const withoutToken = await callRaw(handlers.unsubscribe, routes.unsubscribe, {
      body: 'List-Unsubscribe=One-Click',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(withoutToken.statusCode).toBe(400);
    expect(await contacts(DEMO)).toHaveLength(RECIPIENT_COUNT);
  });

  it('the RFC 8058 one-click POST (List-Unsubscribe=One-Click, token in the URL) answers 200 and deletes the contact', async () => {
    const post = await callRaw(handlers.unsubscribe, routes.unsubscribe, {
      query: { token },
      body: 'List-Unsubscribe=One-Click',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(post.statusCode).toBe(200);
    expect(post.body).toContain('Din e-postadress är borttagen');
    // The page leads on to what the address was kept for: the dialogue's results.
    expect(post.body).toMatch(new RegExp(`<a href="[^"]+/results/${DEMO}">Till resultatsidan</a>`));
    expect(await contactOf(DEMO, address)).toBeUndefined();
    expect(await contacts(DEMO)).toHaveLength(RECIPIENT_COUNT - 1);
  });

  it('the same click again still answers 200, says the address was removed already, and leaves the finished mailout unchanged', async () => {
    const post = await callRaw(handlers.unsubscribe, routes.unsubscribe, {
      query: { token },
      body: 'List-Unsubscribe=One-Click',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(post.statusCode).toBe(200);
    expect(post.body).toContain('Din e-postadress är redan borttagen');
    expect(post.body).toContain('Your email address is already removed');
    expect(post.body).not.toContain('Din e-postadress är borttagen');
    expect((await progress(lead, DEMO)).json).toMatchObject({
      status: 'done',
      total: RECIPIENT_COUNT,
      sent: RECIPIENT_COUNT,
      failed: 0,
      pending: 0,
    });
  });

  it('opening the used link says the address is already removed, with no form to remove it again', async () => {
    const page = await callRaw(handlers.unsubscribePage, routes.unsubscribePage, {
      query: { token },
      contentType: null,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Din e-postadress är redan borttagen</h1>');
    expect(page.body).toContain('<h2>Your email address is already removed</h2>');
    expect(page.body).not.toContain('<form');
    expect(page.body).toContain(`<a href="${BASE_URL}/results/${DEMO}">Till resultatsidan</a>`);
  });
});

describe('the participants’ rating from the feedback email (P14: GET /rating asks, POST /rating records once)', () => {
  let links: Record<string, { token: string; lang: string }>;

  beforeAll(async () => {
    const emails = await ses.emails();
    links = Object.fromEntries(Object.keys(RECIPIENTS).map((a) => [a, ratingTokenIn(emailTo(emails, a).body.text)]));
  });

  it('every email links to the rating in its reader’s language, in the text and the HTML, each link its own', async () => {
    const emails = await ses.emails();
    for (const [address, language] of Object.entries(RECIPIENTS)) {
      const email = emailTo(emails, address);
      const { token, lang } = links[address] as { token: string; lang: string };
      expect(lang).toBe(language);
      expect(email.body.text).toContain(language === 'sv' ? 'Kände du dig hörd?' : 'Did you feel heard?');
      expect(email.body.html).toContain(`href="${BASE_URL}/rating?token=${token}&amp;lang=${lang}"`);
      // The link names neither the address nor its hash.
      expect(token).not.toContain(emailHash(DEMO, address));
      expect(token).not.toContain(address.split('@')[0]);
    }
    expect(new Set(Object.values(links).map((l) => l.token)).size).toBe(RECIPIENT_COUNT);
  });

  it('GET shows the question as a form that posts back to the link, and stores nothing', async () => {
    const { token } = links['anna@example.se'] as { token: string };
    const page = await callRaw(handlers.ratingPage, routes.ratingPage, { query: { token }, contentType: null });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Kände du dig hörd?</h1>');
    expect(page.body).toContain(`action="${BASE_URL}/rating?token=${token}&amp;lang=sv"`);
    expect(page.body.match(/type="radio"\s+id="md-q-heard-\d"\s+name="q\.heard"/g)).toHaveLength(5);
    expect(page.body).toContain('Lekplatsen vid Lagaparken i Lagan');
    expect(await ratingItems(DEMO)).toEqual([]);
    expect(await htmlProblems({ rating: page.body })).toEqual([]);
  });

  it('a forged, tampered or missing token answers 400 on GET and POST and stores nothing', async () => {
    const { token } = links['anna@example.se'] as { token: string };
    const [id, rater, signature] = token.split('.') as [string, string, string];
    const unsubscribe = tokenIn(emailTo(await ses.emails(), 'anna@example.se').body.text);
    const forged = [
      `${id}.${rater}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      `${OTHER_ID}.${rater}.${signature}`,
      `${id}.${(links['bob@example.com'] as { token: string }).token.split('.')[1]}.${signature}`,
      // The unsubscribe token is signed with the same secret but for another purpose.
      unsubscribe,
      'not-a-token',
    ];
    for (const bad of forged) {
      const page = await callRaw(handlers.ratingPage, routes.ratingPage, { query: { token: bad }, contentType: null });
      expect([bad, page.statusCode]).toEqual([bad, 400]);
      expect(page.body).toContain('Länken fungerar inte');
      expect((await ratingPost(bad, 'q.heard=5')).statusCode).toBe(400);
    }
    expect((await callRaw(handlers.ratingPage, routes.ratingPage, { contentType: null })).statusCode).toBe(400);
    expect(await ratingItems(DEMO)).toEqual([]);
  });

  it('a post without a score, or with one off the scale, gets the question again with every problem named, and stores nothing', async () => {
    const { token } = links['anna@example.se'] as { token: string };
    const empty = await ratingPost(token, `q.comment=${'x'.repeat(1001)}`);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<title>Fel: Kände du dig hörd?');
    expect(empty.body).toContain('href="#md-q-heard"');
    expect(empty.body).toContain('href="#md-q-comment"');
    // What was written is kept, so nothing is lost.
    expect(empty.body).toContain('x'.repeat(1001));
    const off = await ratingPost(token, 'q.heard=9', 'en');
    expect(off.statusCode).toBe(400);
    expect(off.body).toContain('<html lang="en"');
    expect(await ratingItems(DEMO)).toEqual([]);
    expect(await raterItems(DEMO)).toEqual([]);
  });

  it('the link records one rating: 201 and thanks; the same link again is refused with 409 and stores nothing', async () => {
    const { token } = links['anna@example.se'] as { token: string };
    const first = await ratingPost(token, 'q.heard=4&q.comment=Bra+att+ni+svarade.');
    expect(first.statusCode).toBe(201);
    expect(first.body).toContain('Tack för ditt svar');
    const second = await ratingPost(token, 'q.heard=1');
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Du har redan svarat');
    const again = await callRaw(handlers.ratingPage, routes.ratingPage, { query: { token }, contentType: null });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Du har redan svarat');
    expect(again.body).not.toContain('<form');
    const stored = await ratingItems(DEMO);
    expect(stored).toHaveLength(1);
    expect(stored.map((r) => ({ score: r.score, comment: r.comment }))).toEqual([
      { score: 4, comment: 'Bra att ni svarade.' },
    ]);
  });

  it('two clicks at once store one rating; each address’s link rates apart', async () => {
    const { token } = links['bob@example.com'] as { token: string };
    const both = await Promise.all([ratingPost(token, 'q.heard=5', 'en'), ratingPost(token, 'q.heard=2', 'en')]);
    expect(both.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect((await ratingPost((links['eva@example.se'] as { token: string }).token, 'q.heard=3')).statusCode).toBe(201);
    expect((await ratingItems(DEMO)).map((r) => r.score).sort()).toHaveLength(3);
  });

  it('nothing stored says who rated or when: no address, hash, contact or time, and the marker is apart from the rating', async () => {
    const stored = [...(await ratingItems(DEMO)), ...(await raterItems(DEMO))];
    expect(stored).toHaveLength(6);
    const everything = JSON.stringify(stored);
    for (const address of Object.keys(RECIPIENTS)) {
      expect(everything).not.toContain(address);
      expect(everything).not.toContain(emailHash(DEMO, address));
    }
    for (const item of stored)
      expect(Object.keys(item).sort()).toEqual(
        expect.not.arrayContaining(['receivedAt', 'createdAt', 'at', 'expiresAt']),
      );
    for (const rating of await ratingItems(DEMO))
      expect(Object.keys(rating).sort()).toEqual(
        rating.comment ? ['comment', 'kind', 'pk', 'score', 'sk'] : ['kind', 'pk', 'score', 'sk'],
      );
  });
});

describe('SES bounces and complaints (SNS to the ses-feedback handler)', () => {
  const feed = (notification: unknown) =>
    handlers.sesFeedback(sesNotification(notification), lambdaContext('ses-feedback'));

  it('a permanent bounce fails the sent contact, moves it from sent to failed and suppresses the address', async () => {
    const result = await feed(bounce(DEMO, 'Eva@Example.se', 'Permanent'));
    expect(result).toEqual({ handled: 1 });
    expect(await contactOf(DEMO, 'eva@example.se')).toMatchObject({ state: 'failed', failedReason: 'bounce' });
    expect((await progress(lead, DEMO)).json).toMatchObject({
      total: RECIPIENT_COUNT,
      sent: RECIPIENT_COUNT - 1,
      failed: 1,
      pending: 0,
    });
    expect(await suppressions()).toHaveLength(1);
  });

  it('the same bounce delivered twice (SNS delivers at least once) is counted once', async () => {
    await feed(bounce(DEMO, 'eva@example.se', 'Permanent'));
    expect((await progress(lead, DEMO)).json).toMatchObject({ sent: RECIPIENT_COUNT - 1, failed: 1 });
    expect(await suppressions()).toHaveLength(1);
  });

  it('a transient bounce changes nothing', async () => {
    const before = await scanAll(db);
    expect(await feed(bounce(DEMO, 'anna@example.se', 'Transient'))).toEqual({ handled: 0 });
    expect(await scanAll(db)).toEqual(before);
  });

  it('a delivery notification or a message that is no SES notification is ignored', async () => {
    const before = await scanAll(db);
    expect(await feed({ notificationType: 'Delivery', mail: { tags: { dialogue: [DEMO] } } })).toEqual({ handled: 0 });
    expect(
      await handlers.sesFeedback(
        {
          Records: [
            {
              ...sesNotification({}).Records[0]!,
              Sns: { ...sesNotification({}).Records[0]!.Sns, Message: 'not json' },
            },
          ],
        },
        lambdaContext('ses-feedback'),
      ),
    ).toEqual({ handled: 0 });
    expect(await scanAll(db)).toEqual(before);
  });

  it('a complaint fails the contact and suppresses the address', async () => {
    expect(await feed(complaint(DEMO, 'david@example.org'))).toEqual({ handled: 1 });
    expect(await contactOf(DEMO, 'david@example.org')).toMatchObject({ state: 'failed', failedReason: 'complaint' });
    expect((await progress(lead, DEMO)).json).toMatchObject({
      total: RECIPIENT_COUNT,
      sent: RECIPIENT_COUNT - 2,
      failed: 2,
      pending: 0,
    });
    expect(await suppressions()).toHaveLength(2);
  });

  it("a later dialogue's mailout marks the suppressed addresses failed without sending to them, and publishes them failed", async () => {
    const decided = await decide(lead, OTHER_ID, { ...DECISION, chosenAlternative: 'natur' });
    expect(decided.statusCode).toBe(202);
    expect(decided.json.mailout).toMatchObject({ total: 3 });
    await ses.clear();
    metrics.take();
    const outcome = await runJob(handlers.mailoutJob);
    expect(outcome).toEqual({ sent: 1, failed: 2, pending: 0, paused: false, completed: [OTHER_ID] });
    expect(metrics.take()).toEqual([emailCounts(1, 2, 0)]);
    expect((await ses.emails()).flatMap((e) => e.destination.to)).toEqual(['gustav@example.se']);
    expect(await contactOf(OTHER_ID, 'eva@example.se')).toMatchObject({ state: 'failed', failedReason: 'suppressed' });
    expect(await contactOf(OTHER_ID, 'david@example.org')).toMatchObject({
      state: 'failed',
      failedReason: 'suppressed',
    });
    expect((await progress(lead, OTHER_ID)).json).toMatchObject({
      status: 'done',
      total: 3,
      sent: 1,
      failed: 2,
      pending: 0,
    });
  });

  it('the evaluation counts the emails: recipients, sent, failed, bounced and unsubscribed (P14)', async () => {
    const answer = await invoke<{ emails: Record<string, number> }>(
      handlers.evaluation,
      httpEvent(routes.getDialogueEvaluation, { official: lead, pathParameters: { id: DEMO } }),
    );
    expect(answer.json.emails).toEqual({
      recipients: RECIPIENT_COUNT,
      sent: RECIPIENT_COUNT - 2,
      failed: 2,
      bounced: 2,
      unsubscribed: 1,
    });
  });
});
