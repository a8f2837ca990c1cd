/**
 * The public register (issue 14, part 4) through the deployed handlers on DynamoDB Local: every dialogue but drafts,
 * with whether its feedback came on time, late or is overdue; filters; the page valid HTML.
 */
import { randomUUID } from 'node:crypto';
import { dynamoDialogueStore } from '../../functions/adapters/dialogue-store';
import { handler as registerHandler } from '../../functions/dialogues/register/handler';
import { handler as pageHandler } from '../../functions/web/register-page/handler';
import { demoDialogue } from '../../local/demo-dialogue';
import { changeStatus, createDialogue, decide } from '../../shared/dialogue/lifecycle';
import type { Dialogue } from '../../shared/dialogue/schema';
import type { registerBody } from '../../shared/http-bodies';
import { ljungby } from '../../shared/municipality';
import { routes } from '../../shared/routes';
import { createTestTable } from '../support/dynamo';
import { htmlProblems } from '../support/html-validator';
import { callRaw, httpEvent, invoke } from './support/events';
import { testDocumentClient } from './support/table';
import type * as z from 'zod/mini';

const db = testDocumentClient();
const store = () => dynamoDialogueStore(db, process.env.TABLE_NAME ?? '');
const seeder = { sub: 'seeder', committees: [], isAdmin: true };
const DAY = 86_400_000;
const tag = randomUUID().slice(0, 6);

/** A dialogue taken to `status`, its feedback promised `promisedInDays` from now, decided `decidedInDays` from now. */
async function dialogue(
  title: string,
  status: 'draft' | 'open' | 'closed' | 'decided',
  promisedInDays: number,
  lead = 'tekniska-namnden',
  decidedInDays = 0,
): Promise<Dialogue> {
  const now = new Date();
  const definition = demoDialogue(now);
  const byDate = new Date(now.getTime() + promisedInDays * DAY).toISOString().slice(0, 10);
  let change = createDialogue(
    {
      ...definition,
      title: { sv: `${title} ${tag}` },
      leadCommittee: lead,
      participatingCommittees: [],
      decision: { committee: lead, expectedDate: definition.decision?.expectedDate ?? byDate },
      feedbackPromise: { how: { sv: 'Mejl.' }, byDate },
    },
    seeder,
    ljungby,
    { id: `register-${randomUUID().slice(0, 8)}`, now, responseShards: 1 },
  );
  await store().write(change);
  const steps = ['open', 'closed'].slice(0, { draft: 0, open: 1, closed: 2, decided: 2 }[status]) as Array<
    'open' | 'closed'
  >;
  for (const step of steps) {
    change = changeStatus(change.dialogue, step, seeder, now);
    await store().write(change);
  }
  if (status === 'decided') {
    const at = new Date(now.getTime() + decidedInDays * DAY);
    change = decide(
      change.dialogue,
      { summary: { sv: 'B.' }, motivation: { sv: 'M.' }, decidedAt: '2026-12-01' },
      seeder,
      at,
    );
    await store().write(change);
  }
  return change.dialogue;
}

type Register = z.infer<typeof registerBody>;
const register = async (query: Record<string, string> = {}) =>
  (await invoke<Register>(registerHandler, httpEvent(routes.register, { query }))).json.filter((e) =>
    e.title.sv.endsWith(tag),
  );

let seeded: Record<string, Dialogue>;
beforeAll(async () => {
  await createTestTable();
  seeded = {
    draft: await dialogue('Utkast', 'draft', 30),
    open: await dialogue('Öppen', 'open', 30, 'kultur-och-fritidsnamnden'),
    overdue: await dialogue('Försenad', 'closed', -2),
    late: await dialogue('Sen', 'decided', -3),
    onTime: await dialogue('I tid', 'decided', 10),
  };
});
afterAll(() => db.destroy());

describe('GET /dialogues: the public register', () => {
  it('lists every dialogue but drafts, and says whether feedback came on time, late, or is overdue', async () => {
    const entries = await register();
    const state = Object.fromEntries(entries.map((e) => [e.id, e.feedback.state]));
    expect(state).toEqual({
      [seeded.open?.id ?? '']: 'pending',
      [seeded.overdue?.id ?? '']: 'overdue',
      [seeded.late?.id ?? '']: 'late',
      [seeded.onTime?.id ?? '']: 'on-time',
    });
    const late = entries.find((e) => e.id === seeded.late?.id);
    expect(late).toMatchObject({ status: 'decided', decidedAt: '2026-12-01', influenceLevel: 'consultation' });
    expect(late?.leadCommittee).toEqual({ id: 'tekniska-namnden', name: 'Tekniska nämnden' });
    expect(late?.resultsUrl).toMatch(new RegExp(`/results/${late?.id}$`));
  });

  it('filters by committee, status and year; an empty filter is "all"', async () => {
    expect((await register({ committee: 'kultur-och-fritidsnamnden' })).map((e) => e.id)).toEqual([seeded.open?.id]);
    expect((await register({ status: 'decided' })).map((e) => e.feedback.state).sort()).toEqual(['late', 'on-time']);
    expect(await register({ year: '1999' })).toEqual([]);
    expect(await register({ year: String(new Date().getFullYear()), status: '' })).toHaveLength(4);
  });

  it('answers 400 in words for a filter that is none', async () => {
    const answer = await callRaw(registerHandler, routes.register, { query: { status: 'draft' } });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('status');
  });
});

describe('GET /dialoger: the register as a page', () => {
  it('shows a late feedback as late, is valid HTML, and keeps the chosen filter in its form', async () => {
    const answer = await callRaw(pageHandler, routes.registerPage, { query: { status: 'decided' } });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toMatch(new RegExp(`data-dialogue="${seeded.late?.id}" data-feedback="late"`));
    expect(answer.body).toContain('Given för sent');
    expect(answer.body).toContain('<option value="decided" selected>');
    expect(answer.body).not.toContain(seeded.open?.id);
    expect(await htmlProblems({ register: answer.body })).toEqual([]);
    const english = await callRaw(pageHandler, routes.registerPage, { query: { lang: 'en' } });
    expect(english.body).toContain('Given late');
  });
});
