/**
 * Properties of the aggregation that make scheduled, incremental runs safe, on random response streams to the
 * demo dialogue:
 * - folding is additive: batch by batch (each on a structuredClone, as a run does) equals all at once;
 * - `aggregateDialogue` run incrementally at random times, with writes still in flight (shorter than the
 *   safety lag), overlapping runs and runs that die half-way, ends with exactly what a `{ full: true }`
 *   recompute gives, which is the fold of every response;
 * - the lag `aggregateAll` reports is how far behind now the results are known to hold every response.
 * The stores are plain in-memory fakes of the ports; no module is mocked.
 */
import * as fc from 'fast-check';
import {
  type AggregateDeps,
  type AggregateStore,
  type ReadResponse,
  type ResponseReader,
  type StoredAggregate,
  aggregateAll,
  aggregateDialogue,
} from '../../shared/aggregation/run';
import { type AggregateState, type StoredResponse, emptyState, fold } from '../../shared/aggregation/state';
import { ageBands, relations } from '../../shared/dialogue/profile';
import type { Dialogue } from '../../shared/dialogue/schema';
import { ljungby } from '../../shared/municipality';
import type { AnswerValue, Profile } from '../../shared/responses/schema';
import { validateResponse } from '../../shared/responses/validate';
import { demo } from './fixtures';

const NUM_RUNS = 500;
const dialogue = demo({ status: 'closed', closedAt: '2026-04-09T09:00:00.000Z' });

const optionIds = (id: string): string[] => {
  const q = dialogue.questions.find((x) => x.id === id);
  return q && 'options' in q && q.options ? q.options.map((o) => o.id) : [];
};
const alternativeIds = dialogue.format.kind === 'alternatives' ? dialogue.format.alternatives.map((a) => a.id) : [];

/** Answers valid for the demo dialogue: `favourite` always (it is required), every other question maybe. */
const answersArb: fc.Arbitrary<Record<string, AnswerValue>> = fc
  .record(
    {
      favourite: fc.constantFrom(...optionIds('favourite')),
      ranking: fc.shuffledSubarray(alternativeIds, {
        minLength: alternativeIds.length,
        maxLength: alternativeIds.length,
      }),
      important: fc.subarray(optionIds('important'), { minLength: 1, maxLength: 3 }),
      'rating-alla': fc.integer({ min: 1, max: 5 }),
      visits: fc.boolean(),
      comments: fc
        .string({ minLength: 1, maxLength: 20 })
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    },
    { requiredKeys: ['favourite'] },
  )
  .map((answers) => answers as Record<string, AnswerValue>);

const profileArb: fc.Arbitrary<Profile> = fc.record(
  {
    relation: fc.subarray([...relations], { minLength: 1 }),
    ageBand: fc.constantFrom(...ageBands),
    locality: fc.constantFrom(...ljungby.localities),
  },
  { requiredKeys: [] },
);

const MIN_TIME = Date.parse('2026-03-09T09:00:00.000Z');
const MAX_TIME = Date.parse('2026-04-09T09:00:00.000Z');
const timeArb = fc.integer({ min: MIN_TIME, max: MAX_TIME });

const responseArb: fc.Arbitrary<StoredResponse> = fc.record({
  receivedAt: timeArb.map((t) => new Date(t).toISOString()),
  answers: answersArb,
  profile: profileArb,
});

/** A stream of responses and where to cut it into consecutive batches. */
const batchedArb = fc
  .tuple(fc.array(responseArb, { maxLength: 60 }), fc.array(fc.nat({ max: 60 }), { maxLength: 8 }))
  .map(([responses, cuts]) => {
    const points = [...new Set(cuts.map((c) => Math.min(c, responses.length)))].sort((a, b) => a - b);
    const bounds = [0, ...points, responses.length];
    return { responses, batches: bounds.slice(1).map((end, i) => responses.slice(bounds[i], end)) };
  });

describe('the generated responses', () => {
  it('are valid for the demo dialogue and stored as generated (so the properties are about real input)', () => {
    fc.assert(
      fc.property(responseArb, (r) => {
        const body = {
          answers: r.answers,
          profile: r.profile,
          submissionId: '00000000-0000-4000-8000-000000000000',
        } as Parameters<typeof validateResponse>[1];
        expect(validateResponse(dialogue, body, ljungby)).toEqual({ answers: r.answers, profile: r.profile });
      }),
      { numRuns: 200 },
    );
  });
});

describe('fold is additive', () => {
  it(`folding consecutive batches one run at a time, each on a clone, equals folding the stream at once (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(batchedArb, ({ responses, batches }) => {
        let state = emptyState();
        for (const batch of batches) state = fold(structuredClone(state), batch, dialogue);
        const once = fold(emptyState(), responses, dialogue);
        expect(state).toEqual(once);
        expect(state.responseCount).toBe(responses.length);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('folding into a clone leaves the state it was cloned from as it was', () => {
    fc.assert(
      fc.property(
        fc.array(responseArb, { maxLength: 10 }),
        fc.array(responseArb, { minLength: 1, maxLength: 10 }),
        (first, second) => {
          const before = fold(emptyState(), first, dialogue);
          const snapshot = structuredClone(before);
          fold(structuredClone(before), second, dialogue);
          expect(before).toEqual(snapshot);
        },
      ),
      { numRuns: 100 },
    );
  });
});

// ---- incremental runs with in-memory fakes of the ports ----

const LAG_MS = 15_000;

interface Arrival {
  readonly response: StoredResponse & { readonly sortKey: string };
  readonly shard: number;
  /** When its write becomes visible to a reader: after receivedAt, but always within the safety lag. */
  readonly visibleAt: number;
}

/** The world a run sees: a clock, the responses written so far, the stored aggregate. */
class World {
  now = MIN_TIME;
  readonly arrivals: Arrival[] = [];
  stored: StoredAggregate | undefined;
  commits = 0;

  readonly aggregates: AggregateStore = {
    get: async () => {
      await Promise.resolve();
      return this.stored && structuredClone(this.stored);
    },
    commit: async (aggregate, expectedVersion) => {
      await Promise.resolve();
      if ((this.stored?.version ?? 0) !== expectedVersion) return false;
      this.stored = structuredClone(aggregate);
      this.commits += 1;
      return true;
    },
  };

  /**
   * Like the DynamoDB reader: one shard in sort-key order, after the watermark, stopping at the cutoff, in pages
   * (of two here, so a run sees full, partial and cut-off pages; the table's are of a thousand).
   */
  reader(failAfter = Infinity): ResponseReader {
    let yielded = 0;
    const visibleIn = (shard: number) =>
      this.arrivals
        .filter((a) => a.shard === shard && a.visibleAt <= this.now)
        .map((a) => a.response)
        .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    return {
      async *read(_dialogueId, shard, after, before) {
        let page: ReadResponse[] = [];
        for (const response of visibleIn(shard)) {
          if (after !== undefined && response.sortKey <= after) continue;
          if (response.receivedAt >= before) break;
          await Promise.resolve();
          if (yielded++ >= failAfter) throw new Error('the run died half-way');
          page.push(response);
          if (page.length === 2) {
            yield page;
            page = [];
          }
        }
        if (page.length > 0) yield page;
      },
    };
  }

  deps(reader: ResponseReader = this.reader()): AggregateDeps {
    return {
      aggregates: this.aggregates,
      responses: reader,
      clock: { now: () => new Date(this.now) },
      safetyLagMs: LAG_MS,
    };
  }
}

type Run = { readonly at: number; readonly kind: 'normal' | 'overlapping' | 'dies'; readonly dieAfter: number };

const scheduleArb = fc.record({
  shards: fc.integer({ min: 1, max: 4 }),
  arrivals: fc.array(
    fc.record({
      // Few distinct instants, so several responses often share a millisecond (ties broken by the response id).
      receivedAt: fc.integer({ min: 0, max: 120 }).map((s) => MIN_TIME + s * 500),
      delay: fc.integer({ min: 0, max: LAG_MS - 1 }),
      shard: fc.nat({ max: 3 }),
      answers: answersArb,
      profile: profileArb,
    }),
    { maxLength: 40 },
  ),
  runs: fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 90_000 }).map((ms) => MIN_TIME + ms),
      kind: fc.constantFrom<Run['kind']>('normal', 'normal', 'overlapping', 'dies'),
      dieAfter: fc.nat({ max: 10 }),
    }),
    { maxLength: 12 },
  ),
});

async function runAt(world: World, d: Dialogue, run: Run): Promise<void> {
  world.now = Math.max(world.now, run.at);
  if (run.kind === 'normal') await aggregateDialogue(world.deps(), d);
  else if (run.kind === 'overlapping') {
    const outcomes = await Promise.all([aggregateDialogue(world.deps(), d), aggregateDialogue(world.deps(), d)]);
    // Both read the same version; at most one of them may commit.
    expect(outcomes.filter((o) => o.committed).length).toBeLessThanOrEqual(1);
  } else {
    const before = world.stored;
    await aggregateDialogue(world.deps(world.reader(run.dieAfter)), d).catch(() => undefined);
    if (world.stored !== before) expect(world.stored?.version).toBe((before?.version ?? 0) + 1);
  }
}

describe('incremental runs of aggregateDialogue', () => {
  it(`over random arrival schedules, with in-flight writes, overlapping and dying runs, equal a full recompute (${NUM_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArb, async ({ shards, arrivals, runs }) => {
        const d: Dialogue = { ...dialogue, responseShards: shards };
        const world = new World();
        arrivals.forEach((a, i) => {
          const receivedAt = new Date(a.receivedAt).toISOString();
          world.arrivals.push({
            response: {
              receivedAt,
              answers: a.answers,
              profile: a.profile,
              sortKey: `${receivedAt}#r${String(i).padStart(4, '0')}`,
            },
            shard: a.shard % shards,
            visibleAt: a.receivedAt + a.delay,
          });
        });
        for (const run of [...runs].sort((a, b) => a.at - b.at)) await runAt(world, d, run);

        // A last ordinary run once everything is older than the lag.
        world.now = MIN_TIME + 200_000;
        await aggregateDialogue(world.deps(), d);
        const incremental = world.stored?.state ?? emptyState();
        const version = world.stored?.version ?? 0;

        const everything = fold(
          emptyState(),
          world.arrivals.map((a) => a.response),
          d,
        );
        expect(incremental).toEqual(everything);

        const full = await aggregateDialogue(world.deps(), d, { full: true });
        expect(full.committed).toBe(true);
        expect(world.stored?.version).toBe(version + 1);
        expect(world.stored?.state).toEqual(incremental);
        expect(full.folded).toBe(arrivals.length);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('leaves a response younger than the lag for the next run, and does not count it again after', async () => {
    const world = new World();
    const at = (s: number) => MIN_TIME + s * 1000;
    const add = (receivedSeconds: number, i: number) => {
      const receivedAt = new Date(at(receivedSeconds)).toISOString();
      world.arrivals.push({
        response: { receivedAt, answers: { favourite: 'natur' }, profile: {}, sortKey: `${receivedAt}#${i}` },
        shard: i % 4,
        visibleAt: at(receivedSeconds),
      });
    };
    add(0, 0);
    add(10, 1);
    world.now = at(20); // cutoff 5 s: only the first
    expect(await aggregateDialogue(world.deps(), dialogue)).toMatchObject({ folded: 1, committed: true });
    world.now = at(30); // cutoff 15 s: the second now
    expect(await aggregateDialogue(world.deps(), dialogue)).toMatchObject({ folded: 1, committed: true });
    world.now = at(60);
    expect(await aggregateDialogue(world.deps(), dialogue)).toMatchObject({ folded: 0, committed: false });
    expect(world.stored?.state.responseCount).toBe(2);
    expect(world.commits).toBe(2);
  });

  it('marks the aggregate complete only once the cutoff (now minus the lag) is past the close', async () => {
    const closedAt = Date.parse(dialogue.closedAt ?? '');
    const world = new World();
    world.now = closedAt + LAG_MS; // cutoff == closedAt: not yet
    expect((await aggregateDialogue(world.deps(), dialogue)).complete).toBe(false);
    world.now = closedAt + LAG_MS + 1;
    expect(await aggregateDialogue(world.deps(), dialogue)).toMatchObject({ complete: true, committed: true });
    expect(world.stored?.complete).toBe(true);
  });

  it('an open dialogue without a close time is never complete', async () => {
    const open: Dialogue = demo({ status: 'open' });
    const world = new World();
    world.now = MAX_TIME;
    expect((await aggregateDialogue(world.deps(), open)).complete).toBe(false);
  });
});

describe('the lag aggregateAll reports', () => {
  const open: Dialogue = demo({ status: 'open', openedAt: new Date(MIN_TIME).toISOString() });
  const HOUR = 3_600_000;
  const runAll = (world: World, dialogues: Dialogue[], reader?: ResponseReader) =>
    aggregateAll({ ...world.deps(reader), dialogues: { list: async () => dialogues } });
  const respond = (world: World, at: number) => {
    const receivedAt = new Date(at).toISOString();
    world.arrivals.push({
      response: { receivedAt, answers: { favourite: 'natur' }, profile: {}, sortKey: `${receivedAt}#r` },
      shard: 0,
      visibleAt: at,
    });
  };

  it('is the safety lag after a run, also an hour on when a run finds nothing new (not the time since the last commit)', async () => {
    const world = new World();
    respond(world, MIN_TIME);
    world.now = MIN_TIME + HOUR;
    expect(await runAll(world, [open])).toMatchObject({ folded: 1, lagSeconds: LAG_MS / 1000 });
    world.now += HOUR;
    expect(await runAll(world, [open])).toMatchObject({ folded: 0, lagSeconds: LAG_MS / 1000 });
    expect(world.commits).toBe(1);
  });

  it('counts from the last commit’s cutoff for an open dialogue whose run fails, or from its opening with none', async () => {
    const world = new World();
    respond(world, MIN_TIME);
    world.now = MIN_TIME + HOUR;
    expect((await runAll(world, [open], world.reader(0))).lagSeconds).toBe(HOUR / 1000);
    await runAll(world, [open]);
    respond(world, world.now);
    world.now += 2 * HOUR;
    const failing = await runAll(world, [open], world.reader(0));
    expect(failing.failed).toEqual([{ dialogueId: open.id, error: 'the run died half-way' }]);
    expect(failing.lagSeconds).toBe((2 * HOUR + LAG_MS) / 1000);
  });

  it('is 0 with no open dialogue: closed ones and drafts do not count', async () => {
    const world = new World();
    world.now = MAX_TIME + HOUR;
    expect((await runAll(world, [dialogue, demo({ status: 'draft' })])).lagSeconds).toBe(0);
  });
});

/** So the property's oracle is not itself the thing under test: the stream folded gives counts you can count. */
describe('the oracle', () => {
  it('counts each favourite as often as it was given', () => {
    fc.assert(
      fc.property(fc.array(responseArb, { maxLength: 30 }), (responses) => {
        const state: AggregateState = fold(emptyState(), responses, dialogue);
        for (const option of optionIds('favourite')) {
          expect(state.questions.favourite?.counts[option] ?? 0).toBe(
            responses.filter((r) => r.answers.favourite === option).length,
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});
