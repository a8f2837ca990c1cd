/**
 * Scheduled aggregation and the results routes (contract section 2; officials' results, section 3), through the
 * deployed handlers and the real DynamoDB adapters against DynamoDB Local, with a 1 s safety lag.
 *
 * The file tells one story of the demo dialogue, in order: responses arrive while it is open and run after run
 * of the job counts them; its public results stay hidden; the lead committee closes it; the public, the
 * committees and the case file (CSV) read its results. Two other dialogues in the same table show what a run
 * guarantees when runs overlap or die.
 */
import { SAFETY_LAG_MS } from './support/short-lag';
import { emfLine, publishedMetrics } from '../support/metrics';
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ResponseReader, StoredAggregate } from '../../shared/aggregation/run';
import { handler as officialResultsHandler } from '../../functions/admin/dialogues/results/handler';
import { handler as statusHandler } from '../../functions/admin/dialogues/status/handler';
import { handler as publicResultsHandler } from '../../functions/dialogues/results/handler';
import { handler as submitHandler } from '../../functions/dialogues/submit/handler';
import { handler as aggregateJob } from '../../functions/jobs/aggregate/handler';
import { client as runtimeClient, runtime } from '../../functions/lib/runtime';
import { handler as resultsPageHandler } from '../../functions/web/results-page/handler';
import { demoDialogue } from '../../local/demo-dialogue';
import { lambdaContext } from '../../local/lambda-context';
import { scheduledEvent } from '../../local/scheduler';
import { DEMO_DIALOGUE_ID, seedDemo } from '../../local/seed';
import type { Caller } from '../../shared/access';
import type { ResultsBody } from '../../shared/aggregation/present';
import type { FreeTexts } from '../../shared/aggregation/results';
import { type AggregateDeps, aggregateDialogue, needsAggregation } from '../../shared/aggregation/run';
import { type StoredResponse, emptyState, fold } from '../../shared/aggregation/state';
import { drafted, moved, saved } from '../support/dialogues';
import type { Dialogue } from '../../shared/dialogue/schema';
import { csvNumber, formatPercent } from '../../shared/messages/format';
import { keys } from '../../shared/keys';
import { ljungby } from '../../shared/municipality';
import type { AnswerValue } from '../../shared/responses/schema';
import { jobs, routes } from '../../shared/routes';
import { createTestTable } from '../support/dynamo';
import { type Official, administrator, callRaw, httpEvent, invoke, officialOf } from './support/events';
import { itemsOf, scanAll, tableName, testDocumentClient } from './support/table';

jest.setTimeout(30_000);

const db = testDocumentClient();
const metrics = publishedMetrics();
const DRAFT_ID = 'utkast';
const OVERLAP_ID = 'samtidiga-korningar';
const DYING_ID = 'avbrutna-korningar';

const lead = officialOf('tekniska-namnden');
const participant = officialOf('kultur-och-fritidsnamnden');
const outsider = officialOf('socialnamnden');
const seeder: Caller = { sub: 'test-seed', committees: [], isAdmin: true };

type ResultsJson = ResultsBody & { freeTexts?: FreeTexts };
interface Spec {
  readonly answers: Record<string, AnswerValue>;
  readonly profile?: { relation?: string[]; ageBand?: string; locality?: string };
}

/**
 * Twelve responses to the demo. Groups: relation:lives 9, ageBand:30-44 7, locality:Lagan 8 (shown publicly);
 * relation:works 2, relation:visits 1, locality:Ljungby 1, locality:Ryssby 1 and four age bands of 1 (suppressed).
 */
const DEMO: readonly Spec[] = [
  {
    answers: {
      favourite: 'natur',
      ranking: ['natur', 'alla', 'aventyr'],
      important: ['shade'],
      'rating-alla': 4,
      visits: true,
      comments: 'Fler träd, tack.',
    },
    profile: { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
  },
  {
    answers: {
      favourite: 'alla',
      ranking: ['alla', 'natur', 'aventyr'],
      'rating-alla': 5,
      visits: true,
      comments: '=SUM(A1:A9)',
    },
    profile: { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
  },
  {
    answers: { favourite: 'alla', important: ['toddlers', 'seating'], 'rating-alla': 5, visits: false },
    profile: { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
  },
  {
    answers: { favourite: 'aventyr', ranking: ['aventyr', 'alla', 'natur'], visits: true },
    profile: { relation: ['lives', 'works'], ageBand: '20-29', locality: 'Lagan' },
  },
  {
    answers: { favourite: 'natur', 'rating-alla': 3 },
    profile: { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
  },
  {
    answers: {
      favourite: 'alla',
      important: ['toilet'],
      'rating-alla': 4,
      visits: false,
      comments: 'Semikolon; och "citat"',
    },
    profile: { relation: ['lives'], ageBand: '45-64', locality: 'Lagan' },
  },
  {
    answers: { favourite: 'alla', ranking: ['alla', 'aventyr', 'natur'], 'rating-alla': 5, visits: true },
    profile: { relation: ['works'], ageBand: '30-44', locality: 'Ljungby' },
  },
  {
    answers: { favourite: 'natur', important: ['shade', 'lighting'], visits: false },
    profile: { relation: ['visits'], ageBand: '65-79', locality: 'Ryssby' },
  },
  { answers: { favourite: 'aventyr', 'rating-alla': 2 } },
  {
    answers: { favourite: 'alla', 'rating-alla': 5, visits: true },
    profile: { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
  },
  { answers: { favourite: 'natur' }, profile: { relation: ['lives'], ageBand: '16-19', locality: 'Lagan' } },
  {
    answers: { favourite: 'alla', important: ['seating'], 'rating-alla': 4 },
    profile: { relation: ['lives'], ageBand: '30-44' },
  },
];
const FREE_TEXTS = DEMO.flatMap((s) => (typeof s.answers.comments === 'string' ? [s.answers.comments] : []));

/** How many of the specs gave `value` to a question (a choice in a list counts once). */
const countOf = (specs: readonly Spec[], questionId: string, value: string): number =>
  specs.filter((s) => {
    const answer = s.answers[questionId];
    return answer !== undefined && (Array.isArray(answer) ? answer.includes(value) : String(answer) === value);
  }).length;

/** A share as the results give it: percent of `of`, one decimal. */
const percent = (n: number, of: number): number => Math.round((1000 * n) / of) / 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Until every response sent so far is older than the safety lag. */
const pastTheLag = () => sleep(SAFETY_LAG_MS + 200);

async function submit(
  id: string,
  spec: Spec,
  extra: Record<string, unknown> = {},
): Promise<{ responseId: string; receivedAt: string }> {
  const body = {
    answers: spec.answers,
    ...(spec.profile ? { profile: spec.profile } : {}),
    submissionId: randomUUID(),
    ...extra,
  };
  const answer = await invoke<{ responseId: string; receivedAt: string }>(
    submitHandler,
    httpEvent(routes.submitResponse, { pathParameters: { id }, body }),
  );
  expect(answer.statusCode).toBe(201);
  return answer.json;
}

const runJob = () =>
  aggregateJob(scheduledEvent(jobs.aggregate), lambdaContext('job-aggregate', 60_000)) as Promise<{
    dialogues: number;
    folded: number;
  }>;
const stored = (id: string) => runtime.aggregates.get(id);
const dialogue = async (id: string): Promise<Dialogue> => {
  const found = await runtime.dialogues.get(id);
  if (!found) throw new Error(`no dialogue ${id}`);
  return found;
};
const deps = (overrides: Partial<AggregateDeps> = {}): AggregateDeps => ({
  aggregates: runtime.aggregates,
  responses: runtime.responseReader,
  clock: runtime.clock,
  safetyLagMs: runtime.safetyLagMs,
  ...overrides,
});

/** What the aggregate must be: every response stored in the table (read by a scan, not by the reader), folded once. */
async function everyStoredResponseFolded(id: string) {
  const items = itemsOf(await scanAll(db), id).responses;
  const responses: StoredResponse[] = items.map((i) => ({
    receivedAt: String(i.receivedAt),
    answers: i.answers as StoredResponse['answers'],
    profile: (i.profile ?? {}) as StoredResponse['profile'],
  }));
  return fold(emptyState(), responses, await dialogue(id));
}

const publicResults = (id = DEMO_DIALOGUE_ID) =>
  invoke<ResultsJson>(publicResultsHandler, httpEvent(routes.getResults, { pathParameters: { id } }));
const officialResults = (official: Official | undefined, id = DEMO_DIALOGUE_ID) =>
  invoke<ResultsJson>(
    officialResultsHandler,
    httpEvent(routes.getOfficialResults, { pathParameters: { id }, ...(official ? { official } : {}) }),
  );
const officialCsv = (official: Official) =>
  callRaw(officialResultsHandler, routes.getOfficialResults, {
    pathParameters: { id: DEMO_DIALOGUE_ID },
    official,
    query: { format: 'csv' },
  });
const resultsPage = (id = DEMO_DIALOGUE_ID, lang?: 'sv' | 'en') =>
  callRaw(resultsPageHandler, routes.resultsPage, { pathParameters: { id }, ...(lang ? { query: { lang } } : {}) });

/** The page's table rows as text, cells joined by `|`. */
const tableRows = (page: string): string[] =>
  [...page.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)]
      .map((c) => (c[1] ?? '').replace(/<[^>]+>/g, '').trim())
      .join('|'),
  );

async function createOpenDialogue(id: string, title: string): Promise<void> {
  const now = new Date();
  const draft = drafted({ ...demoDialogue(now), title: { sv: title } }, seeder, ljungby, {
    id,
    now,
    responseShards: runtime.responseShards,
  });
  await runtime.dialogues.write(saved(moved(draft, 'open', seeder, now)));
}

beforeAll(async () => {
  await createTestTable();
  const now = new Date();
  await seedDemo(db, tableName(), runtime.responseShards, now);
  await runtime.dialogues.write(
    saved(
      drafted({ ...demoDialogue(now), title: { sv: 'Ett utkast' } }, seeder, ljungby, {
        id: DRAFT_ID,
        now,
        responseShards: runtime.responseShards,
      }),
    ),
  );
});

afterAll(() => db.destroy());

describe('the scheduled job while the demo dialogue is open', () => {
  it('runs with the 1 s safety lag set in AGGREGATION_LAG_SECONDS', () => {
    expect(runtime.safetyLagMs).toBe(SAFETY_LAG_MS);
  });

  it('leaves responses younger than the safety lag for a later run, which counts them', async () => {
    const receipts: Array<{ receivedAt: string }> = [];
    for (const spec of DEMO.slice(0, 3)) receipts.push(await submit(DEMO_DIALOGUE_ID, spec));
    const started = Date.now();
    await runJob();
    const finished = Date.now();
    // The run's cutoff lies between started − lag and finished − lag; a busy machine may make an early response old enough.
    const olderThan = (t: number) => receipts.filter((r) => Date.parse(r.receivedAt) < t - SAFETY_LAG_MS).length;
    expect(olderThan(finished)).toBeLessThan(receipts.length); // at least the last response was still young
    const counted = (await stored(DEMO_DIALOGUE_ID))?.state.responseCount ?? 0;
    expect(counted).toBeGreaterThanOrEqual(olderThan(started));
    expect(counted).toBeLessThanOrEqual(olderThan(finished));

    await pastTheLag();
    await runJob();
    const aggregate = await stored(DEMO_DIALOGUE_ID);
    expect(aggregate?.state.responseCount).toBe(3);
    expect(aggregate?.complete).toBe(false);
    expect(aggregate?.state).toEqual(await everyStoredResponseFolded(DEMO_DIALOGUE_ID));
  });

  it('counts every response exactly once over many runs falling anywhere between arrivals; a retried submission and a honeypot hit count not at all, in the results and in ResponsesSubmitted', async () => {
    metrics.take();
    const rest = DEMO.slice(3);
    for (let i = 0; i < rest.length; i += 3) {
      for (const spec of rest.slice(i, i + 3)) await submit(DEMO_DIALOGUE_ID, spec);
      await runJob(); // the newest are younger than the lag now
      if (i % 2 === 0) await pastTheLag();
      await runJob();
    }
    const retried = randomUUID();
    const first = await submit(DEMO_DIALOGUE_ID, { answers: { favourite: 'natur' } }, { submissionId: retried });
    await runJob();
    await pastTheLag();
    await runJob();
    expect(
      (await submit(DEMO_DIALOGUE_ID, { answers: { favourite: 'natur' } }, { submissionId: retried })).responseId,
    ).toBe(first.responseId);
    await submit(DEMO_DIALOGUE_ID, { answers: { favourite: 'aventyr' } }, { homepage: 'https://spam.example' });
    await pastTheLag();
    for (let i = 0; i < 4; i++) await runJob();

    const aggregate = await stored(DEMO_DIALOGUE_ID);
    expect(aggregate?.state.responseCount).toBe(DEMO.length + 1);
    expect(aggregate?.state).toEqual(await everyStoredResponseFolded(DEMO_DIALOGUE_ID));
    const submitted = metrics.take().map((line) => (line as { ResponsesSubmitted: number }).ResponsesSubmitted);
    expect(submitted.reduce((a, b) => a + b, 0)).toBe(rest.length + 1);
    expect(aggregate?.state.questions.favourite?.counts).toEqual({
      natur: countOf(DEMO, 'favourite', 'natur') + 1,
      aventyr: countOf(DEMO, 'favourite', 'aventyr'),
      alla: countOf(DEMO, 'favourite', 'alla'),
    });
  });

  it('commits nothing when a run finds nothing new', async () => {
    const before = await stored(DEMO_DIALOGUE_ID);
    await runJob();
    await runJob();
    expect(await stored(DEMO_DIALOGUE_ID)).toEqual(before);
  });

  it('publishes AggregationRuns 1, the responses it folded (none new here), and the lag: the safety lag and the run’s own time, not how long ago the last commit was', async () => {
    await pastTheLag();
    const updatedAt = Date.parse((await stored(DEMO_DIALOGUE_ID))?.updatedAt ?? '');
    metrics.take();
    const started = Date.now();
    await runJob();
    const finished = Date.now();
    const [line, ...more] = metrics.take();
    expect(more).toEqual([]);
    expect(line).toEqual(
      emfLine({
        AggregationRuns: { unit: 'Count', value: 1 },
        AggregationLagSeconds: { unit: 'Seconds', value: expect.any(Number) },
        ResponsesSubmitted: { unit: 'Count', value: 0 },
      }),
    );
    const lag = (line as { AggregationLagSeconds: number }).AggregationLagSeconds;
    expect(lag).toBeGreaterThanOrEqual(SAFETY_LAG_MS / 1000);
    expect(lag).toBeLessThanOrEqual((SAFETY_LAG_MS + finished - started) / 1000);
    // The run found nothing new and committed nothing: the aggregate's updatedAt would say the results are older.
    expect(lag).toBeLessThan((SAFETY_LAG_MS + started - updatedAt) / 1000);
  });

  it('keeps a watermark per shard: the sort key of the newest response counted in it', async () => {
    const aggregate = await stored(DEMO_DIALOGUE_ID);
    const responses = itemsOf(await scanAll(db), DEMO_DIALOGUE_ID).responses;
    const newest: Record<string, string> = {};
    for (const r of responses) {
      const shard = String(r.gsi2pk).split('#').at(-1) ?? '';
      if (!newest[shard] || String(r.gsi2sk) > newest[shard]) newest[shard] = String(r.gsi2sk);
    }
    expect(aggregate?.watermarks).toEqual(newest);
  });

  it('gives with a full recompute (npm run aggregate -- --full) exactly the incremental result', async () => {
    const incremental = (await stored(DEMO_DIALOGUE_ID)) as StoredAggregate;
    const outcome = await aggregateDialogue(deps(), await dialogue(DEMO_DIALOGUE_ID), { full: true });
    expect(outcome).toEqual({
      folded: DEMO.length + 1,
      committed: true,
      complete: false,
      countedUntil: expect.any(String),
    });
    const full = await stored(DEMO_DIALOGUE_ID);
    expect(full?.state).toEqual(incremental.state);
    expect(full?.watermarks).toEqual(incremental.watermarks);
    expect(full?.version).toBe(incremental.version + 1);
  });

  it('never touches a draft dialogue', async () => {
    await runJob();
    expect(await stored(DRAFT_ID)).toBeUndefined();
    // The draft and the audit entry of its creation, nothing more.
    expect(itemsOf(await scanAll(db), DRAFT_ID).all.map((i) => i.sk)).toEqual([
      'DEFINITION',
      keys.audit(DRAFT_ID, 1).sk,
    ]);
    expect(needsAggregation(await dialogue(DRAFT_ID), undefined)).toBe(false);
  });
});

describe('results while the demo dialogue is open (results shown after close)', () => {
  it('GET /dialogues/demo/results answers 200 with the response count and visibility "hidden", and no figure per question', async () => {
    const answer = await publicResults();
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('public, max-age=60');
    const demo = await dialogue(DEMO_DIALOGUE_ID);
    expect(answer.json).toEqual({
      dialogueId: DEMO_DIALOGUE_ID,
      status: 'open',
      responseCount: DEMO.length + 1,
      byMethod: { web: DEMO.length + 1, paper: 0, meeting: 0 },
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      visibility: 'hidden',
      visibleFrom: demo.closesAt,
      questions: {},
      alternatives: [],
      participationPerDay: [],
      respondentsByGroup: {},
    });
  });

  it('GET /results/demo says how many answered and when the results will be shown, with no table', async () => {
    const page = await resultsPage();
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${DEMO.length + 1} personer har svarat.`);
    expect(page.body).toContain('Resultaten visas när dialogen har stängt');
    expect(page.body).not.toContain('<table');
  });

  it('officials of the lead committee already see the full results', async () => {
    const answer = await officialResults(lead);
    expect(answer.statusCode).toBe(200);
    expect(answer.json.visibility).toBe('full');
    expect(answer.json.questions.favourite?.answered).toBe(DEMO.length + 1);
  });
});

describe('closing the demo dialogue', () => {
  let closedAt = '';
  it('POST /admin/dialogues/demo/status as the lead committee closes it', async () => {
    const answer = await invoke<Dialogue>(
      statusHandler,
      httpEvent(routes.changeDialogueStatus, {
        pathParameters: { id: DEMO_DIALOGUE_ID },
        official: lead,
        body: { status: 'closed' },
      }),
    );
    expect(answer.statusCode).toBe(200);
    expect(answer.json).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    closedAt = answer.json.closedAt ?? '';
  });

  it('marks the aggregate complete at the first run past close + lag, and from then on the job leaves it alone', async () => {
    await runJob();
    expect(Date.now() - Date.parse(closedAt)).toBeLessThan(SAFETY_LAG_MS); // so that run's cutoff was before the close
    expect((await stored(DEMO_DIALOGUE_ID))?.complete).toBe(false);

    await pastTheLag();
    await runJob();
    const complete = await stored(DEMO_DIALOGUE_ID);
    expect(complete?.complete).toBe(true);
    expect(complete?.state.responseCount).toBe(DEMO.length + 1);
    expect(needsAggregation(await dialogue(DEMO_DIALOGUE_ID), complete)).toBe(false);

    await sleep(20);
    await runJob();
    expect(await stored(DEMO_DIALOGUE_ID)).toEqual(complete);
  });
});

describe('public results after the close', () => {
  let body: ResultsJson;
  beforeAll(async () => {
    const answer = await publicResults();
    expect(answer.statusCode).toBe(200);
    body = answer.json;
  });
  const all = [...DEMO, { answers: { favourite: 'natur' } }];

  it('has the contract’s fields: dialogueId, responseCount, updatedAt and questions keyed by id', () => {
    expect(body).toMatchObject({
      dialogueId: DEMO_DIALOGUE_ID,
      status: 'closed',
      visibility: 'full',
      responseCount: all.length,
      updatedAt: expect.any(String),
    });
    expect(Object.keys(body.questions)).toEqual([
      'favourite',
      'ranking',
      'important',
      'rating-alla',
      'visits',
      'comments',
    ]);
  });

  it('counts single and multiple choice by option id, yes/no by "true"/"false", ratings by the value', () => {
    expect(body.questions.favourite?.counts).toEqual({
      natur: countOf(all, 'favourite', 'natur'),
      aventyr: countOf(all, 'favourite', 'aventyr'),
      alla: countOf(all, 'favourite', 'alla'),
    });
    expect(body.questions.important?.counts).toEqual(
      Object.fromEntries(
        ['shade', 'seating', 'toddlers', 'lighting', 'toilet'].map((o) => [o, countOf(all, 'important', o)]),
      ),
    );
    expect(body.questions.visits?.counts).toEqual({
      true: countOf(all, 'visits', 'true'),
      false: countOf(all, 'visits', 'false'),
    });
    expect(body.questions['rating-alla']?.counts).toEqual(
      Object.fromEntries(['1', '2', '3', '4', '5'].map((v) => [v, countOf(all, 'rating-alla', v)])),
    );
    expect(body.questions.comments).toEqual({
      type: 'text',
      answered: FREE_TEXTS.length,
      skipped: all.length - FREE_TEXTS.length,
    });
  });

  it('shows breakdown cells of 5 or more respondents and suppresses smaller ones', () => {
    const cells = body.questions.favourite?.byGroup ?? {};
    expect(cells['relation:lives']).toEqual({ respondents: 9, counts: { natur: 3, aventyr: 1, alla: 5 } });
    expect(cells['ageBand:30-44']).toMatchObject({ respondents: 7 });
    for (const small of [
      'relation:works',
      'relation:visits',
      'locality:Ljungby',
      'locality:Ryssby',
      'ageBand:65-79',
      'ageBand:16-19',
    ]) {
      expect(cells[small]).toEqual({ suppressed: true, fewerThan: 5 });
    }
    expect(body.respondentsByGroup['relation:works']).toEqual({ suppressed: true, fewerThan: 5 });
    expect(body.respondentsByGroup['locality:Lagan']).toBe(8);
  });

  it('officials see the same cells unsuppressed', async () => {
    const cells = (await officialResults(lead)).json.questions.favourite?.byGroup ?? {};
    expect(cells['relation:works']).toEqual({ respondents: 2, counts: { natur: 0, aventyr: 1, alla: 1 } });
    expect(cells['locality:Ryssby']).toEqual({ respondents: 1, counts: { natur: 1, aventyr: 0, alla: 0 } });
  });

  it('never carries a free text', () => {
    for (const text of FREE_TEXTS) expect(JSON.stringify(body)).not.toContain(JSON.stringify(text).slice(1, -1));
  });

  it('answers 404 for an unknown dialogue and for a draft', async () => {
    expect((await publicResults('finns-inte')).statusCode).toBe(404);
    expect((await publicResults(DRAFT_ID)).statusCode).toBe(404);
  });
});

describe('GET /admin/dialogues/demo/results: who sees what', () => {
  it('gives the lead committee every free text', async () => {
    const answer = await officialResults(lead);
    expect(answer.statusCode).toBe(200);
    expect(answer.json.freeTexts).toEqual({
      comments: {
        total: FREE_TEXTS.length,
        publishable: 0,
        texts: expect.arrayContaining(FREE_TEXTS.map((text) => ({ id: expect.any(String), text, state: 'hidden' }))),
        truncated: false,
      },
    });
    expect(answer.json.freeTexts?.comments?.texts).toHaveLength(FREE_TEXTS.length);
  });

  it('gives an administrator the free texts too', async () => {
    expect((await officialResults(administrator)).json.freeTexts?.comments?.total).toBe(FREE_TEXTS.length);
  });

  it('gives the participating committee the results without free texts', async () => {
    const answer = await officialResults(participant);
    expect(answer.statusCode).toBe(200);
    expect(answer.json).not.toHaveProperty('freeTexts');
    expect(answer.json.questions.favourite?.byGroup?.['relation:works']).toMatchObject({ respondents: 2 });
    for (const text of FREE_TEXTS) expect(JSON.stringify(answer.json)).not.toContain(JSON.stringify(text).slice(1, -1));
  });

  it('answers 403 to another committee, 401 without a token, 404 for an unknown dialogue', async () => {
    expect((await officialResults(outsider)).statusCode).toBe(403);
    const anonymous = await officialResults(undefined);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json).toMatchObject({ error: 'unauthorized' });
    expect((await officialResults(lead, 'finns-inte')).statusCode).toBe(404);
  });

  it('?format=csv gives the case file: text/csv, a BOM, semicolons, formulas neutralised, the free texts', async () => {
    const csv = await officialCsv(lead);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="resultat-demo.csv"');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.body.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^"dialog";"demo";"Lekplatsen vid Lagaparken i Lagan";"TN2026\/0142"$/);
    expect(lines[1]).toMatch(new RegExp(`^"svar totalt";"${DEMO.length + 1}";`));
    const alla = countOf(DEMO, 'favourite', 'alla');
    const favourite = '"favourite";"Vilket förslag tycker du bäst om?"';
    // Labels beside the ids, the share with a decimal comma.
    expect(percent(alla, DEMO.length + 1) % 1).not.toBe(0);
    expect(lines).toContain(
      `"fråga";${favourite};"alla";"";"alla";"Lekplats för alla";"${alla}";"${csvNumber(percent(alla, DEMO.length + 1))}";"";""`,
    );
    const comments = '"comments";"Vill du lägga till något?"';
    expect(lines).toContain(`"fritext";${comments};"";"";"'=SUM(A1:A9)";"dold"`);
    expect(lines).toContain(`"fritext";${comments};"";"";"Semikolon; och ""citat""";"dold"`);
    expect(lines).toContain(
      `"uppdelning";${favourite};"relation:works";"Jag arbetar eller studerar här";"aventyr";"Äventyrslekplats";"1"`,
    );
  });

  it('?format=csv for the participating committee has no free texts', async () => {
    const csv = await officialCsv(participant);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain('"fritext"');
    expect(csv.body).not.toContain('SUM(A1:A9)');
  });
});

describe('GET /results/demo (the results page)', () => {
  it('answers an unknown dialogue with a 404 page a person can read, in their language', async () => {
    const page = await resultsPage('finns-inte');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('Det finns ingen dialog med den adressen.');
    expect((await resultsPage('finns-inte', 'en')).body).toContain('There is no dialogue at that address.');
  });

  it('answers 200 text/html with every question’s label and the counts as table text', async () => {
    const page = await resultsPage();
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="sv">');
    expect(page.body).toContain('Resultat: Lekplatsen vid Lagaparken i Lagan');
    for (const label of demoDialogue(new Date()).questions.map((q) => q.label.sv)) expect(page.body).toContain(label);
    const rows = tableRows(page.body);
    const all = DEMO.length + 1;
    const alla = countOf(DEMO, 'favourite', 'alla');
    expect(rows).toContain(`Lekplats för alla|${alla}|${formatPercent(percent(alla, all), 'sv')}`);
    const yes = countOf(DEMO, 'visits', 'true');
    expect(rows).toContain(`Ja|${yes}|${formatPercent(percent(yes, yes + countOf(DEMO, 'visits', 'false')), 'sv')}`);
    expect(rows).toContain('Grupp|Svarande|Naturlekplats|Äventyrslekplats|Lekplats för alla');
    expect(rows).toContain('Jag bor här|9|3|1|5');
    expect(page.body).toContain('färre än 5');
    expect(page.body).toContain(`${all} personer har svarat.`);
    expect(page.body).toContain(`${FREE_TEXTS.length} fritextsvar.`);
    for (const text of FREE_TEXTS) expect(page.body).not.toContain(text.slice(0, 8));
  });

  it('?lang=en is in English', async () => {
    const page = await resultsPage(DEMO_DIALOGUE_ID, 'en');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="en">');
    for (const label of demoDialogue(new Date()).questions.map((q) => q.label.en ?? ''))
      expect(page.body).toContain(label);
    expect(page.body).toContain('fewer than 5');
    const alla = countOf(DEMO, 'favourite', 'alla');
    expect(tableRows(page.body)).toContain(
      `Playground for everyone|${alla}|${formatPercent(percent(alla, DEMO.length + 1), 'en')}`,
    );
    expect(tableRows(page.body)).toContain('I live here|9|3|1|5');
  });

  it('answers 404 for an unknown dialogue', async () => {
    expect((await resultsPage('finns-inte')).statusCode).toBe(404);
  });
});

describe('runs that overlap', () => {
  beforeAll(() => createOpenDialogue(OVERLAP_ID, 'Samtidiga körningar'));

  /** The real store, but each run waits after reading until the other has read too: both see one version. */
  function bothReadFirst() {
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothHere = new Promise<void>((resolve) => (release = resolve));
    return {
      ...runtime.aggregates,
      async get(id: string) {
        const aggregate = await runtime.aggregates.get(id);
        if (++arrived === 2) release();
        await bothHere;
        return aggregate;
      },
    };
  }

  async function overlappingRuns() {
    const d = await dialogue(OVERLAP_ID);
    const aggregates = bothReadFirst();
    return Promise.all([aggregateDialogue(deps({ aggregates }), d), aggregateDialogue(deps({ aggregates }), d)]);
  }

  it('commit exactly once when both start with no aggregate, and the total is right', async () => {
    for (const spec of DEMO.slice(0, 6)) await submit(OVERLAP_ID, spec);
    await pastTheLag();
    const outcomes = await overlappingRuns();
    expect(outcomes.map((o) => o.committed).sort()).toEqual([false, true]);
    expect(outcomes.map((o) => o.folded).sort()).toEqual([0, 6]);
    const aggregate = await stored(OVERLAP_ID);
    expect(aggregate?.version).toBe(1);
    expect(aggregate?.state.responseCount).toBe(6);
  });

  it('commit exactly once when both start from the same stored version, and the total is right', async () => {
    for (const spec of DEMO.slice(6, 10)) await submit(OVERLAP_ID, spec);
    await pastTheLag();
    const outcomes = await overlappingRuns();
    expect(outcomes.filter((o) => o.committed)).toHaveLength(1);
    const aggregate = await stored(OVERLAP_ID);
    expect(aggregate?.version).toBe(2);
    expect(aggregate?.state.responseCount).toBe(10);
    expect(aggregate?.state).toEqual(await everyStoredResponseFolded(OVERLAP_ID));
  });
});

describe('runs that die before committing', () => {
  beforeAll(() => createOpenDialogue(DYING_ID, 'Avbrutna körningar'));

  /** The real reader, which throws once it has handed out `limit` responses. */
  const dyingReader = (limit: number): ResponseReader => {
    let handed = 0;
    return {
      async *read(...args) {
        for await (const page of runtime.responseReader.read(...args))
          for (const response of page) {
            if (handed++ >= limit) throw new Error('the run died half-way');
            yield [response];
          }
      },
    };
  };
  /** The real store, but the run dies as it commits (say, the Lambda times out): everything was folded, nothing written. */
  const diesAtCommit = { ...runtime.aggregates, commit: () => Promise.reject(new Error('Task timed out')) };

  it('lose nothing: a run that dies reading half-way, or just before committing, changes nothing, and the next run counts everything', async () => {
    for (const spec of DEMO.slice(0, 6)) await submit(DYING_ID, spec);
    await pastTheLag();
    const d = await dialogue(DYING_ID);

    await expect(aggregateDialogue(deps({ responses: dyingReader(3) }), d)).rejects.toThrow('died half-way');
    await expect(aggregateDialogue(deps({ aggregates: diesAtCommit }), d)).rejects.toThrow('timed out');
    expect(await stored(DYING_ID)).toBeUndefined();

    expect(await aggregateDialogue(deps(), d)).toMatchObject({ folded: 6, committed: true });
    const first = await stored(DYING_ID);
    expect(first?.state.responseCount).toBe(6);

    for (const spec of DEMO.slice(6)) await submit(DYING_ID, spec);
    await pastTheLag();
    await expect(aggregateDialogue(deps({ responses: dyingReader(DEMO.length - 7) }), d)).rejects.toThrow(
      'died half-way',
    );
    await expect(aggregateDialogue(deps({ aggregates: diesAtCommit }), d)).rejects.toThrow('timed out');
    expect(await stored(DYING_ID)).toEqual(first);

    expect(await aggregateDialogue(deps(), d)).toMatchObject({ folded: DEMO.length - 6, committed: true });
    const after = await stored(DYING_ID);
    expect(after?.version).toBe(2);
    expect(after?.state.responseCount).toBe(DEMO.length);
    expect(after?.state).toEqual(await everyStoredResponseFolded(DYING_ID));
  });
});

describe('the arrival-index reader', () => {
  const READER_ID = 'sidor-ur-indexet';

  it('hands out a shard a page at a time, oldest first, cut at the cutoff, and reads no further than one page ahead', async () => {
    // 4,500 responses a second apart in one shard: five DynamoDB pages of up to 1,000, the cutoff inside the third.
    const start = Date.parse('2026-03-01T08:00:00.000Z');
    const at = (i: number) => new Date(start + i * 1000).toISOString();
    const items = Array.from({ length: 4500 }, (_, i) => ({
      ...keys.response(READER_ID, randomUUID()),
      ...keys.responseArrival(keys.responsePartition(READER_ID, 0), at(i), randomUUID()),
      kind: 'response',
      dialogueId: READER_ID,
      receivedAt: at(i),
      answers: { favourite: 'natur' },
      profile: {},
    }));
    for (let i = 0; i < items.length; i += 25)
      await db.send(
        new BatchWriteCommand({
          RequestItems: { [tableName()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
        }),
      );
    const queries = jest.spyOn(runtimeClient, 'send');
    const pages: string[][] = [];
    for await (const page of runtime.responseReader.read(READER_ID, 0, undefined, at(2200)))
      pages.push(page.map((response) => response.receivedAt));
    const queried = queries.mock.calls.length;
    queries.mockRestore();

    expect(pages.map((page) => page.length)).toEqual([1000, 1000, 200]);
    expect(pages.flat()).toEqual(items.slice(0, 2200).map((item) => item.receivedAt));
    // The third page held the cutoff: the reader stopped there. The fourth was asked for ahead; the fifth never.
    expect(queried).toBe(4);

    const after = pages[1]?.at(-1) as string;
    const watermark = items[1999]?.gsi2sk as string;
    const rest: string[] = [];
    for await (const page of runtime.responseReader.read(READER_ID, 0, watermark, '\uffff'))
      rest.push(...page.map((response) => response.receivedAt));
    expect((rest[0] as string) > after).toBe(true);
    expect(rest).toHaveLength(2500);
  });
});
