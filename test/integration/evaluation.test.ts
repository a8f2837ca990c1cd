/**
 * P14 through the deployed handlers on DynamoDB Local: one dialogue's figures from what was really stored (web and
 * paper responses with and without a profile, the decision and its mailout, three ratings), the lead committee's
 * own evaluation moving it to `evaluated`, and the year's figures per committee as JSON and as a CSV that a CSV
 * parser reads back with å, ä and ö intact.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { dynamoAggregateStore, dynamoResponseReader } from '../../functions/adapters/aggregate-store';
import { dynamoDialogueStore } from '../../functions/adapters/dialogue-store';
import { dynamoRatingStore } from '../../functions/adapters/rating-store';
import { handler as auditHandler } from '../../functions/admin/dialogues/audit/handler';
import { handler as decisionHandler } from '../../functions/admin/dialogues/decision/register';
import { handler as getHandler } from '../../functions/admin/dialogues/evaluation/get';
import { handler as recordHandler } from '../../functions/admin/dialogues/evaluation/record';
import { handler as entryHandler } from '../../functions/admin/dialogues/responses/handler';
import { handler as yearHandler } from '../../functions/admin/evaluation/handler';
import { handler as submitHandler } from '../../functions/dialogues/submit/handler';
import { demoDialogue } from '../../local/demo-dialogue';
import { aggregateDialogue } from '../../shared/aggregation/run';
import type { AuditEntry } from '../../shared/dialogue/audit';
import { changeStatus, createDialogue, decide } from '../../shared/dialogue/lifecycle';
import type { Dialogue } from '../../shared/dialogue/schema';
import type { dialogueEvaluationBody, yearEvaluationBody } from '../../shared/http-bodies';
import { ljungby } from '../../shared/municipality';
import { routes } from '../../shared/routes';
import { createTestTable } from '../support/dynamo';
import { callRaw, httpEvent, invoke, officialOf } from './support/events';
import { testDocumentClient } from './support/table';
import type * as z from 'zod/mini';

const lead = officialOf('tekniska-namnden');
const participant = officialOf('kultur-och-fritidsnamnden');
const outsider = officialOf('socialnamnden');
const db = testDocumentClient();
const table = () => process.env.TABLE_NAME ?? '';
const store = () => dynamoDialogueStore(db, table());
const seeder = { sub: 'seeder', committees: [], isAdmin: true };
const DAY = 86_400_000;
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
const daysFromToday = (days: number) =>
  new Date(Date.now() + days * DAY).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
const YEAR = Number(today().slice(0, 4));

type Figures = z.infer<typeof dialogueEvaluationBody>;
type Year = z.infer<typeof yearEvaluationBody>;

async function opened(title: string, lead = 'tekniska-namnden', promisedInDays = 60): Promise<Dialogue> {
  const now = new Date();
  const definition = demoDialogue(now);
  const created = createDialogue(
    {
      ...definition,
      title: { sv: title },
      leadCommittee: lead,
      participatingCommittees: lead === 'tekniska-namnden' ? ['kultur-och-fritidsnamnden'] : [],
      decision: { committee: lead, expectedDate: daysFromToday(promisedInDays) },
      feedbackPromise: { how: { sv: 'Mejl och resultatsidan.' }, byDate: daysFromToday(promisedInDays) },
    },
    seeder,
    ljungby,
    { id: `utv-${randomUUID().slice(0, 8)}`, now, responseShards: 2 },
  );
  await store().write(created);
  const open = changeStatus(created.dialogue, 'open', seeder, now);
  await store().write(open);
  return open.dialogue;
}

async function close(dialogue: Dialogue): Promise<Dialogue> {
  const current = await store().get(dialogue.id);
  if (!current) throw new Error('dialogue gone');
  const closed = changeStatus(current, 'closed', seeder, new Date());
  await store().write(closed);
  await aggregateDialogue(
    {
      aggregates: dynamoAggregateStore(db, table()),
      responses: dynamoResponseReader(db, table()),
      clock: { now: () => new Date(Date.now() + 60_000) },
      safetyLagMs: 0,
    },
    closed.dialogue,
  );
  return closed.dialogue;
}

const submit = (dialogue: Dialogue, profile?: Record<string, unknown>) =>
  invoke(
    submitHandler,
    httpEvent(routes.submitResponse, {
      pathParameters: { id: dialogue.id },
      body: { submissionId: randomUUID(), answers: { favourite: 'alla' }, ...(profile ? { profile } : {}) },
    }),
  );
const enter = (dialogue: Dialogue, method: 'paper' | 'meeting') =>
  invoke(
    entryHandler,
    httpEvent(routes.enterResponse, {
      official: lead,
      pathParameters: { id: dialogue.id },
      body: { method, submissionId: randomUUID(), answers: { favourite: 'natur' } },
    }),
  );
const figures = (dialogue: Dialogue, official = lead) =>
  invoke<Figures>(
    getHandler,
    httpEvent(routes.getDialogueEvaluation, { official, pathParameters: { id: dialogue.id } }),
  );
const record = (dialogue: Dialogue, body: unknown, official = lead) =>
  invoke<Figures & { issues?: Array<{ path: string; message: string; messageEn: string }> }>(
    recordHandler,
    httpEvent(routes.recordEvaluation, { official, pathParameters: { id: dialogue.id }, body }),
  );
const year = (query: Record<string, string>, official = outsider) =>
  callRaw(yearHandler, routes.getEvaluation, { official, query, contentType: null });

const EVALUATION = {
  purpose: { answer: 'yes', comment: 'Vi fick veta vilket förslag familjerna i Lagan ville ha.' },
  method: { answer: 'partly', comment: 'Få unga svarade på webbenkäten.' },
  accessibility: { answer: 'yes' },
  representation: { reached: 'Familjer med små barn i Lagan.', missed: 'Unga mellan 13 och 19 år.' },
  worked: 'Pappersblanketten på biblioteket.',
  change: 'Besöka skolan nästa gång.',
};

let playground: Dialogue;
let overdue: Dialogue;
let late: Dialogue;

beforeAll(async () => {
  await createTestTable();
  playground = await opened('Lekplatsen i Lagan');
  // Inside the target group (lives in Lagan), outside it (works in Ljungby), unknown (no locality), no profile.
  for (const profile of [
    { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
    { relation: ['works'], locality: 'Ljungby' },
    { relation: ['lives'] },
    undefined,
  ])
    expect((await submit(playground, profile)).statusCode).toBe(201);
  expect((await enter(playground, 'paper')).statusCode).toBe(201);
  expect((await enter(playground, 'meeting')).statusCode).toBe(201);
  playground = await close(playground);
  const decided = await invoke(
    decisionHandler,
    httpEvent(routes.registerDecision, {
      official: lead,
      pathParameters: { id: playground.id },
      body: { summary: 'Lekplats för alla byggs.', motivation: 'Flest ville det.', decidedAt: today() },
    }),
  );
  expect(decided.statusCode).toBe(202);
  const ratings = dynamoRatingStore(db, table());
  await ratings.record(playground.id, 'rater-a', { score: 4 });
  await ratings.record(playground.id, 'rater-b', { score: 5, comment: 'Bra att vi fick svar.' });
  await ratings.record(playground.id, 'rater-c', { score: 2 });

  // Promised two days ago, still undecided: overdue. Another committee's, decided after its promise: late.
  overdue = await close(await opened('Gång- och cykelväg', 'tekniska-namnden', -2));
  late = await close(await opened('Bibliotekets öppettider', 'kultur-och-fritidsnamnden', -5));
  await store().write(
    decide(late, { summary: { sv: 'B.' }, motivation: { sv: 'M.' }, decidedAt: today() }, seeder, new Date()),
  );
  await store().write(createDraft());
}, 60_000);
afterAll(() => db.destroy());

/** A draft, which no evaluation counts. */
function createDraft() {
  return createDialogue({ ...demoDialogue(new Date()), title: { sv: 'Utkast' } }, seeder, ljungby, {
    id: `utkast-${randomUUID().slice(0, 8)}`,
    now: new Date(),
    responseShards: 1,
  });
}

describe('GET /admin/dialogues/{id}/evaluation: one dialogue (P14)', () => {
  it('counts participation by channel, the reach of the target group, the days, the promise, the emails and the rating', async () => {
    const answer = await figures(playground);
    expect(answer.statusCode).toBe(200);
    expect(answer.json).toMatchObject({
      status: 'decided',
      participation: { total: 6, byMethod: { web: 4, paper: 1, meeting: 1 } },
      reach: { criteria: true, inside: 1, outside: 1, unknown: 4, insideSharePercent: 50, noProfile: 3 },
      days: { closeToDecision: 0, decisionToFeedback: 0 },
      feedback: { state: 'on-time', promisedBy: daysFromToday(60) },
      emails: { recipients: 0, sent: 0, failed: 0, bounced: 0, unsubscribed: 0 },
      rating: { count: 3, mean: 3.67, distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 } },
    });
    expect(answer.json.rating.comments).toEqual(['Bra att vi fick svar.']);
    expect(answer.json.reach.groups).toEqual(
      expect.arrayContaining([
        { group: 'locality:Lagan', respondents: 1, sharePercent: 16.7 },
        { group: 'relation:lives', respondents: 2, sharePercent: 33.3 },
      ]),
    );
  });

  it('a participating committee reads the figures but not the participants’ comments; another committee gets 403', async () => {
    const read = await figures(playground, participant);
    expect(read.statusCode).toBe(200);
    expect(read.json.rating).toMatchObject({ count: 3, comments: [] });
    expect((await figures(playground, outsider)).statusCode).toBe(403);
    expect(
      (await callRaw(getHandler, routes.getDialogueEvaluation, { pathParameters: { id: playground.id } })).statusCode,
    ).toBe(401);
  });
});

describe('PUT /admin/dialogues/{id}/evaluation: the committee’s own evaluation', () => {
  it('lists every problem of a body at once, in Swedish and English, and stores nothing', async () => {
    const answer = await record(playground, {
      purpose: { answer: 'kanske' },
      method: {},
      representation: { reached: '' },
    });
    expect(answer.statusCode).toBe(400);
    const paths = (answer.json.issues ?? []).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'purpose.answer',
        'method.answer',
        'accessibility',
        'representation.reached',
        'representation.missed',
      ]),
    );
    for (const issue of answer.json.issues ?? []) expect([issue.message, issue.messageEn].every(Boolean)).toBe(true);
    expect((await store().get(playground.id))?.status).toBe('decided');
  });

  it('is refused to a participating committee (403) and before any decision (409)', async () => {
    expect((await record(playground, EVALUATION, participant)).statusCode).toBe(403);
    expect((await record(overdue, EVALUATION)).statusCode).toBe(409);
  });

  it('the lead committee records it: the dialogue is evaluated, with the evaluation and its entry in the change log', async () => {
    const answer = await record(playground, EVALUATION);
    expect(answer.statusCode).toBe(200);
    expect(answer.json.status).toBe('evaluated');
    expect(answer.json.evaluation).toMatchObject({ ...EVALUATION, evaluatedBy: lead.sub });
    const corrected = await record(playground, {
      ...EVALUATION,
      accessibility: { answer: 'partly', comment: 'Ingen teckenspråkstolk.' },
    });
    expect(corrected.json.evaluation?.accessibility).toEqual({ answer: 'partly', comment: 'Ingen teckenspråkstolk.' });
    const log = await invoke<AuditEntry[]>(
      auditHandler,
      httpEvent(routes.getAuditLog, { official: lead, pathParameters: { id: playground.id } }),
    );
    expect(log.json.map((e) => e.action).slice(-2)).toEqual(['evaluation-recorded', 'evaluation-corrected']);
  });
});

describe('GET /admin/evaluation?year=YYYY: per committee and year', () => {
  it('gives each committee’s dialogues by influence and method, median participation, feedback on time, mean rating and the overdue list', async () => {
    const answer = await year({ year: String(YEAR) });
    expect(answer.statusCode).toBe(200);
    const body = JSON.parse(answer.body) as Year;
    expect(body.dialogues.map((d) => d.id).sort()).toEqual([playground.id, overdue.id, late.id].sort());
    const tekniska = body.committees.find((c) => c.committee.id === 'tekniska-namnden');
    expect(tekniska).toMatchObject({
      dialogues: 2,
      byInfluence: { consultation: 2 },
      byMethod: { 'web-survey': 2, walk: 2, meeting: 0 },
      medianParticipation: 3,
      feedback: { 'on-time': 1, late: 0, overdue: 1, pending: 0, onTimePercent: 50 },
      rating: { count: 3, mean: 3.67 },
      evaluated: 1,
      overdue: [{ id: overdue.id, title: { sv: 'Gång- och cykelväg' }, promisedBy: daysFromToday(-2) }],
    });
    expect(body.committees.find((c) => c.committee.id === 'kultur-och-fritidsnamnden')?.feedback).toMatchObject({
      late: 1,
      onTimePercent: 0,
    });
    expect(body.total).toMatchObject({ dialogues: 3, medianParticipation: 0, feedback: { onTimePercent: 33.3 } });
    // Every official may read the year; no participant's comment and no committee's own texts are in it.
    expect(answer.body).not.toContain('Bra att vi fick svar.');
    expect(answer.body).not.toContain(EVALUATION.representation.missed);
  });

  it('as CSV: UTF-8 with a BOM, and a CSV parser reads the committees’ names and the figures back', async () => {
    const answer = await year({ year: String(YEAR), format: 'csv' });
    expect(answer.statusCode).toBe(200);
    expect(String(answer.headers?.['content-type'])).toContain('text/csv');
    expect(String(answer.headers?.['content-disposition'])).toContain(`utvardering-${YEAR}.csv`);
    const bytes = Buffer.from(answer.body, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, delimiter: ';', relax_column_count: true }) as string[][];
    expect(rows[0]?.slice(0, 5)).toEqual(['år', 'nämnd', 'dialoger', 'median deltagare', 'återkoppling i tid %']);
    expect(rows.find((r) => r[1] === 'Tekniska nämnden')?.slice(0, 8)).toEqual([
      String(YEAR),
      'Tekniska nämnden',
      '2',
      '3',
      '50',
      '1/0/1/0',
      '3,67',
      '3',
    ]);
    expect(rows.find((r) => r[1] === 'Kultur- och fritidsnämnden')).toBeDefined();
    expect(rows.find((r) => r[0] === playground.id)?.slice(1, 3)).toEqual(['Lekplatsen i Lagan', 'Tekniska nämnden']);
    expect(rows.find((r) => r[0] === overdue.id && r[3] === daysFromToday(-2))).toBeDefined();
  });

  it('answers 400 in words for a year that is none, and 401 without a token', async () => {
    const bad = await year({ year: 'förra' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv året med fyra siffror, till exempel 2026.');
    expect(bad.body).toContain('Write the year in four digits');
    expect(
      (await callRaw(yearHandler, routes.getEvaluation, { query: { year: String(YEAR) }, contentType: null }))
        .statusCode,
    ).toBe(401);
  });
});
