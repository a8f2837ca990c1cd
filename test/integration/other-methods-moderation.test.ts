/**
 * P10 and moderation through the deployed handlers on DynamoDB Local: responses officials enter from a paper form or
 * a meeting count like any, marked with their method; free texts are hidden until an official marks one
 * publishable; both go to the change log, which never holds what anyone answered.
 */
import { randomUUID } from 'node:crypto';
import { dynamoAggregateStore, dynamoResponseReader } from '../../functions/adapters/aggregate-store';
import { dynamoDialogueStore } from '../../functions/adapters/dialogue-store';
import { handler as auditHandler } from '../../functions/admin/dialogues/audit/handler';
import { handler as moderationHandler } from '../../functions/admin/dialogues/moderation/handler';
import { handler as resultsHandler } from '../../functions/admin/dialogues/results/handler';
import { handler as entryHandler } from '../../functions/admin/dialogues/responses/handler';
import { handler as submitHandler } from '../../functions/dialogues/submit/handler';
import { handler as publicResultsHandler } from '../../functions/dialogues/results/handler';
import { demoDialogue } from '../../local/demo-dialogue';
import { aggregateDialogue } from '../../shared/aggregation/run';
import type { AuditEntry } from '../../shared/dialogue/audit';
import { changeStatus, createDialogue } from '../../shared/dialogue/lifecycle';
import type { Dialogue } from '../../shared/dialogue/schema';
import type { officialResultsBody } from '../../shared/http-bodies';
import { ljungby } from '../../shared/municipality';
import { routes } from '../../shared/routes';
import { createTestTable } from '../support/dynamo';
import { httpEvent, invoke, officialOf } from './support/events';
import { scanAll, testDocumentClient } from './support/table';
import type * as z from 'zod/mini';

const LEAD = 'tekniska-namnden';
const lead = officialOf(LEAD);
const participant = officialOf('kultur-och-fritidsnamnden');
const db = testDocumentClient();
const table = () => process.env.TABLE_NAME ?? '';
const store = () => dynamoDialogueStore(db, table());
const seeder = { sub: 'seeder', committees: [], isAdmin: true };

async function openDialogue(): Promise<Dialogue> {
  const now = new Date();
  const created = createDialogue({ ...demoDialogue(now), title: { sv: 'Andra metoder' } }, seeder, ljungby, {
    id: `metoder-${randomUUID().slice(0, 8)}`,
    now,
    responseShards: 2,
  });
  await store().write(created);
  const opened = changeStatus(created.dialogue, 'open', seeder, now);
  await store().write(opened);
  return opened.dialogue;
}

const enter = (dialogue: Dialogue, body: unknown, official = lead) =>
  invoke<{ responseId: string; method: string; willReceiveFeedback: boolean; message?: string }>(
    entryHandler,
    httpEvent(routes.enterResponse, { official, pathParameters: { id: dialogue.id }, body }),
  );
const moderate = (dialogue: Dialogue, body: unknown, official = lead) =>
  invoke<{ state: string; issues?: Array<{ path: string }> }>(
    moderationHandler,
    httpEvent(routes.moderateFreeText, { official, pathParameters: { id: dialogue.id }, body }),
  );
const audit = async (dialogue: Dialogue) =>
  (
    await invoke<AuditEntry[]>(
      auditHandler,
      httpEvent(routes.getAuditLog, { official: lead, pathParameters: { id: dialogue.id } }),
    )
  ).json;
type OfficialResults = z.infer<typeof officialResultsBody>;
async function aggregated(dialogue: Dialogue, official = lead): Promise<OfficialResults> {
  const later = { now: () => new Date(Date.now() + 60_000) };
  const current = await store().get(dialogue.id);
  if (!current) throw new Error('dialogue gone');
  await aggregateDialogue(
    {
      aggregates: dynamoAggregateStore(db, table()),
      responses: dynamoResponseReader(db, table()),
      clock: later,
      safetyLagMs: 0,
    },
    current,
  );
  return (
    await invoke<OfficialResults>(
      resultsHandler,
      httpEvent(routes.getOfficialResults, { official, pathParameters: { id: dialogue.id } }),
    )
  ).json;
}
const citizenAnswers = async (dialogue: Dialogue, comments: string) =>
  invoke(
    submitHandler,
    httpEvent(routes.submitResponse, {
      pathParameters: { id: dialogue.id },
      body: { submissionId: randomUUID(), answers: { favourite: 'alla', comments } },
    }),
  );

beforeAll(async () => {
  await createTestTable();
});
afterAll(() => db.destroy());

describe('POST /admin/dialogues/{id}/responses: input from other methods (P10)', () => {
  it('counts a paper and a meeting response with the web ones, and results say web, other methods and the total', async () => {
    const dialogue = await openDialogue();
    expect((await citizenAnswers(dialogue, 'Webb')).statusCode).toBe(201);
    const paper = await enter(dialogue, {
      method: 'paper',
      submissionId: randomUUID(),
      answers: { favourite: 'natur' },
    });
    expect(paper.statusCode).toBe(201);
    expect(paper.json).toMatchObject({ method: 'paper', willReceiveFeedback: false });
    const meeting = { method: 'meeting', submissionId: randomUUID(), answers: { favourite: 'natur' } };
    expect((await enter(dialogue, meeting)).statusCode).toBe(201);
    const results = await aggregated(dialogue);
    expect(results.responseCount).toBe(3);
    expect(results.byMethod).toEqual({ web: 1, paper: 1, meeting: 1 });
    expect(results.questions.favourite?.counts).toMatchObject({ natur: 2, alla: 1 });
  });

  it('stores a retry of an entry once, with its first receipt, and logs it once', async () => {
    const dialogue = await openDialogue();
    const body = { method: 'paper', submissionId: randomUUID(), answers: { favourite: 'natur' } };
    const first = await enter(dialogue, body);
    const again = await enter(dialogue, body);
    expect(again.statusCode).toBe(201);
    expect(again.json.responseId).toBe(first.json.responseId);
    const items = (await scanAll(db)).filter((i) => i.dialogueId === dialogue.id && i.kind === 'response');
    expect(items).toHaveLength(1);
    expect(items[0]?.method).toBe('paper');
    expect((await audit(dialogue)).filter((e) => e.action === 'response-entered')).toHaveLength(1);
  });

  it('logs who entered it and how it came in, never what it answered; the questions lock as with any response', async () => {
    const dialogue = await openDialogue();
    const answers = { favourite: 'aventyr', comments: 'Skrivet på papper av någon' };
    await enter(dialogue, { method: 'paper', submissionId: randomUUID(), answers });
    const entry = (await audit(dialogue)).find((e) => e.action === 'response-entered');
    expect(entry).toMatchObject({ by: lead.sub, changes: { responses: { after: { method: 'paper' } } } });
    expect(JSON.stringify(entry)).not.toContain('Skrivet på papper');
    expect(JSON.stringify(entry)).not.toContain('aventyr');
    expect((await store().get(dialogue.id))?.firstResponseAt).toBeDefined();
  });

  it('keeps a contact only as the paper form’s consent gave it, apart from the response', async () => {
    const dialogue = await openDialogue();
    const contact = { email: 'Pappersvan@Example.se', consent: true, language: 'sv' };
    const given = await enter(dialogue, {
      method: 'paper',
      submissionId: randomUUID(),
      answers: { favourite: 'natur' },
      contact,
    });
    expect(given.json.willReceiveFeedback).toBe(true);
    const items = (await scanAll(db)).filter((i) => i.dialogueId === dialogue.id);
    expect(items.filter((i) => i.kind === 'contact').map((i) => i.email)).toEqual(['pappersvan@example.se']);
    expect(JSON.stringify(items.find((i) => i.kind === 'response'))).not.toContain('pappersvan');
    const noConsent = await enter(dialogue, {
      method: 'paper',
      submissionId: randomUUID(),
      answers: { favourite: 'natur' },
      contact: { ...contact, consent: false },
    });
    expect(noConsent.statusCode).toBe(400);
  });

  it('answers 400 with every problem at once: the method and the answers', async () => {
    const dialogue = await openDialogue();
    const answer = await enter(dialogue, { method: 'fax', submissionId: randomUUID(), answers: { favourite: 'nej' } });
    expect(answer.statusCode).toBe(400);
    const paths = (answer.json as unknown as { issues: Array<{ path: string; message: string; messageEn: string }> })
      .issues;
    expect(paths.map((i) => i.path).sort()).toEqual(['answers.favourite', 'method']);
    expect(paths.every((i) => i.message && i.messageEn)).toBe(true);
  });

  it('answers 409, in words, once the dialogue is closed; 403 for a participating committee', async () => {
    const dialogue = await openDialogue();
    const body = () => ({ method: 'paper', submissionId: randomUUID(), answers: { favourite: 'natur' } });
    expect((await enter(dialogue, body(), participant)).statusCode).toBe(403);
    const current = await store().get(dialogue.id);
    if (!current) throw new Error('dialogue gone');
    await store().write(changeStatus(current, 'closed', seeder, new Date()));
    const late = await enter(dialogue, body());
    expect(late.statusCode).toBe(409);
    expect(late.json.message).toContain('medan dialogen är öppen');
  });
});

describe('POST /admin/dialogues/{id}/moderation: free texts hidden until marked publishable', () => {
  it('lists every free text hidden, then as the lead committee marks them, and logs each choice without the text', async () => {
    const dialogue = await openDialogue();
    await citizenAnswers(dialogue, 'Jag heter Anna Andersson och bor på Storgatan 1');
    await citizenAnswers(dialogue, 'Fler gungor, tack');
    let texts = (await aggregated(dialogue)).freeTexts?.comments;
    expect(texts?.texts.map((t) => t.state)).toEqual(['hidden', 'hidden']);
    expect(texts?.publishable).toBe(0);
    const [personal, swings] = texts?.texts ?? [];
    if (!personal || !swings) throw new Error('texts missing');

    const marked = await moderate(dialogue, { questionId: 'comments', textId: swings.id, state: 'publishable' });
    expect(marked.statusCode).toBe(200);
    expect(marked.json.state).toBe('publishable');
    texts = (await aggregated(dialogue)).freeTexts?.comments;
    expect(texts?.publishable).toBe(1);
    expect(texts?.texts.map((t) => [t.text, t.state])).toEqual([
      [personal.text, 'hidden'],
      [swings.text, 'publishable'],
    ]);

    // The same choice again changes nothing; hiding it again is a change of its own.
    await moderate(dialogue, { questionId: 'comments', textId: swings.id, state: 'publishable' });
    await moderate(dialogue, { questionId: 'comments', textId: swings.id, state: 'hidden' });
    const log = (await audit(dialogue)).filter((e) => e.action.startsWith('free-text'));
    expect(log.map((e) => e.action)).toEqual(['free-text-published', 'free-text-hidden']);
    expect(log[0]?.changes['freeTexts.comments']).toEqual({
      before: { text: swings.id, state: 'hidden' },
      after: { text: swings.id, state: 'publishable' },
    });
    expect(JSON.stringify(log)).not.toContain('gungor');
    const stored = (await scanAll(db)).filter((i) => i.dialogueId === dialogue.id && i.kind === 'moderation');
    expect(stored).toEqual([expect.objectContaining({ state: 'hidden' })]);
    expect(stored[0]).not.toHaveProperty('text');
  });

  it('never shows a free text in the public results, hidden or not', async () => {
    const dialogue = await openDialogue();
    await citizenAnswers(dialogue, 'Hemlig text 4711');
    const [text] = (await aggregated(dialogue)).freeTexts?.comments?.texts ?? [];
    await moderate(dialogue, { questionId: 'comments', textId: text?.id, state: 'publishable' });
    const shown = await invoke(
      publicResultsHandler,
      httpEvent(routes.getResults, { pathParameters: { id: dialogue.id } }),
    );
    expect(JSON.stringify(shown.json)).not.toContain('4711');
  });

  it('answers 404 for a text that is not there, 400 for a state that is none, 403 for a participating committee', async () => {
    const dialogue = await openDialogue();
    await citizenAnswers(dialogue, 'Finns');
    const [text] = (await aggregated(dialogue)).freeTexts?.comments?.texts ?? [];
    const id = text?.id ?? '';
    expect((await moderate(dialogue, { questionId: 'comments', textId: '0~nej', state: 'hidden' })).statusCode).toBe(
      404,
    );
    expect((await moderate(dialogue, { questionId: 'favourite', textId: id, state: 'hidden' })).statusCode).toBe(404);
    const bad = await moderate(dialogue, { questionId: 'comments', textId: id, state: 'public' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json.issues?.map((i) => i.path)).toEqual(['state']);
    const other = await moderate(dialogue, { questionId: 'comments', textId: id, state: 'publishable' }, participant);
    expect(other.statusCode).toBe(403);
  });
});
