/**
 * Retention sweeps (gallring; issue 14, part 5) through the deployed job built from the real runtime on a clock the
 * test moves, against DynamoDB Local, under the local stage's settings (responses 730 days after the decision,
 * contacts of an undecided dialogue 180 days after its close): what is deleted and what is kept, the record on the
 * dialogue and in its change log, a run stopped mid-way finished by the next, deletes DynamoDB left unprocessed
 * retried, and reruns that delete nothing more.
 */
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, type BatchWriteCommandInput, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { dynamoAggregateStore, dynamoResponseReader } from '../../functions/adapters/aggregate-store';
import { moderationItem } from '../../functions/adapters/dialogue-items';
import { dynamoDialogueStore } from '../../functions/adapters/dialogue-store';
import { dynamoResponseStore } from '../../functions/adapters/response-store';
import { dynamoRetentionStore } from '../../functions/adapters/retention-store';
import { demoDialogue } from '../../local/demo-dialogue';
import { lambdaContext } from '../../local/lambda-context';
import { scheduledEvent } from '../../local/scheduler';
import type { Caller } from '../../shared/access';
import { ResponsesCulledError, aggregateDialogue } from '../../shared/aggregation/run';
import type { Dialogue } from '../../shared/dialogue/schema';
import { keys } from '../../shared/keys';
import { ljungby } from '../../shared/municipality';
import { emailHash } from '../../shared/responses/submit';
import type { SweepOutcome } from '../../shared/retention/sweep';
import { jobs } from '../../shared/routes';
import { getStageConfig } from '../../shared/stages';
import { drafted, saved } from '../support/dialogues';
import { createTestTable } from '../support/dynamo';
import { type Item, itemsOf, scanAll, tableName, testDocumentClient } from './support/table';

jest.setTimeout(60_000);

const db = testDocumentClient();
const dialogues = dynamoDialogueStore(db, tableName());
const seeder: Caller = { sub: 'test-seed', committees: [], isAdmin: true };
const SHARDS = 2;
/** More than one page (250 keys) per shard, so paging, batching and stopping between pages are all exercised. */
const PER_SHARD = 300;

type Handler = (event: unknown, context: Context) => Promise<SweepOutcome>;
let job: typeof import('../../functions/jobs/retention/handler');
let now: Date;
const clock = { now: () => now };

const sweep = (handler: Handler, context = lambdaContext('job-retention', 300_000)) =>
  handler(scheduledEvent(jobs.retention), context);
const realSweep = () => sweep(job.createHandler({ ...job.dependencies, clock }) as unknown as Handler);

function dialogue(id: string, overrides: Partial<Dialogue>): Dialogue {
  const created = drafted(demoDialogue(new Date('2026-11-01T09:00:00Z')), seeder, ljungby, {
    id,
    now: new Date('2026-11-01T09:00:00Z'),
    responseShards: SHARDS,
  });
  return { ...created, status: 'closed', openedAt: '2026-11-01T10:00:00.000Z', ...overrides };
}
const decisionAt = (registeredAt: string) => ({
  summary: { sv: 'Beslut.' },
  motivation: { sv: 'Skäl.' },
  decidedAt: registeredAt.slice(0, 10),
  registeredAt,
  registeredBy: 'official',
});

/** Responses spread evenly over the shards (two of them quarantined), every third with a contact. */
async function respond(id: string, perShard: number) {
  const responses = dynamoResponseStore(db, tableName());
  const all = Array.from({ length: perShard * SHARDS + 2 }, (_, n) => n);
  for (let i = 0; i < all.length; i += 25) {
    await Promise.all(
      all.slice(i, i + 25).map((n) => {
        const email = `deltagare-${n}@example.se`;
        return responses.save({
          dialogueId: id,
          dialogueVersion: 1,
          submissionId: randomUUID(),
          responseId: randomUUID(),
          shard: n % SHARDS,
          receivedAt: new Date(Date.parse('2026-11-02T00:00:00Z') + n * 1000).toISOString(),
          answers: { favourite: 'alla', comments: `fritext ${n}` },
          profile: {},
          quarantined: n >= perShard * SHARDS,
          ...(n % 3 === 0 ? { contact: { email, emailHash: emailHash(id, email), language: 'sv' as const } } : {}),
        });
      }),
    );
  }
}

const put = (item: Item) => db.send(new PutCommand({ TableName: tableName(), Item: item }));
const byKind = (items: readonly Item[]) =>
  items.reduce<Record<string, number>>(
    (counts, i) => ({ ...counts, [String(i.kind)]: (counts[String(i.kind)] ?? 0) + 1 }),
    {},
  );
const itemsNow = async (id: string) => itemsOf(await scanAll(db), id);

beforeAll(async () => {
  await createTestTable();
  job = await import('../../functions/jobs/retention/handler');
  await dialogues.write(
    saved(
      dialogue('beslutad', {
        status: 'decided',
        closedAt: '2026-12-20T09:00:00.000Z',
        decisionRecord: decisionAt('2027-01-01T10:00:00.000Z'),
      }),
    ),
  );
  await dialogues.write(saved(dialogue('obeslutad', { closedAt: '2027-01-01T09:00:00.000Z' })));
  await dialogues.write(
    saved(
      dialogue('ny', {
        status: 'decided',
        closedAt: '2028-11-20T09:00:00.000Z',
        decisionRecord: decisionAt('2028-12-01T10:00:00.000Z'),
      }),
    ),
  );
  await respond('beslutad', PER_SHARD);
  await respond('obeslutad', 10);
  await respond('ny', 10);
  const beslutad = (await dialogues.get('beslutad')) as Dialogue;
  await aggregateDialogue(
    {
      aggregates: dynamoAggregateStore(db, tableName()),
      responses: dynamoResponseReader(db, tableName()),
      clock: { now: () => new Date('2027-01-02T00:00:00Z') },
      safetyLagMs: 0,
    },
    beslutad,
  );
  await put(
    moderationItem({
      dialogueId: 'beslutad',
      questionId: 'comments',
      textId: 't1',
      state: 'publishable',
      text: 'fritext 1',
      at: '2026-12-21T09:00:00.000Z',
      by: 'official',
    }),
  );
  await put({ ...keys.mailout('beslutad'), kind: 'mailout', status: 'done' });
  await put({ ...keys.rating('beslutad', randomUUID()), kind: 'rating', rating: 4 });
});

describe('the retention job under the local stage’s settings', () => {
  it('the local stage keeps responses 730 days after the decision, and undecided contacts 180 days after the close', () => {
    expect(getStageConfig('local').retention).toEqual({ responsesAfterDecisionDays: 730, undecidedContactsDays: 180 });
  });

  it('before either time has passed it deletes nothing', async () => {
    const before = (await scanAll(db)).length;
    now = new Date('2027-06-01T09:00:00Z');
    expect(await realSweep()).toEqual({
      recorded: [],
      deleted: { responses: 0, contacts: 0 },
      paused: false,
      failed: [],
    });
    expect((await scanAll(db)).length).toBe(before);
  });

  it('180 days after an undecided dialogue closed, its contacts go; its responses and every other dialogue’s stay', async () => {
    const kept = await itemsNow('obeslutad');
    expect(kept.contacts).toHaveLength(8);
    now = new Date('2027-07-01T09:00:00Z');
    const outcome = await realSweep();
    expect(outcome).toEqual({
      recorded: [{ dialogueId: 'obeslutad', culling: 'contacts', days: 180 }],
      deleted: { responses: 0, contacts: 8 },
      paused: false,
      failed: [],
    });
    const after = await itemsNow('obeslutad');
    expect(after.contacts).toEqual([]);
    expect(after.responses).toHaveLength(20);
    expect((await itemsNow('beslutad')).contacts).toHaveLength(201);
    const stored = await dialogues.get('obeslutad');
    expect(stored?.contactsCulled).toEqual({ at: now.toISOString(), afterCloseDays: 180 });
    const log = await dialogues.audit('obeslutad');
    expect(log.at(-1)).toMatchObject({ action: 'contacts-culled', by: 'job:retention', at: now.toISOString() });
  });

  describe('730 days after the decision', () => {
    let faults = 0;
    let batches = 0;
    /** The real client, but the first BatchWriteItem leaves half its deletes unprocessed, as a throttled one does. */
    const throttling = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'send') return Reflect.get(target, property, receiver);
        return async (command: unknown) => {
          if (!(command instanceof BatchWriteCommand)) return target.send(command as never);
          batches += 1;
          const input = command.input as BatchWriteCommandInput;
          const requests = input.RequestItems?.[tableName()] ?? [];
          if (faults > 0 || requests.length < 2) return target.send(command);
          faults += 1;
          const half = Math.floor(requests.length / 2);
          await target.send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests.slice(0, half) } }));
          return { UnprocessedItems: { [tableName()]: requests.slice(half) } };
        };
      },
    });

    it('a run stopped for time after its first page records the culling and deletes part; DynamoDB’s unprocessed half is retried', async () => {
      now = new Date('2029-01-15T09:00:00Z');
      const handler = job.createHandler({
        ...job.dependencies,
        clock,
        store: dynamoRetentionStore(throttling, tableName()),
      }) as unknown as Handler;
      // Time runs short once the first page's ten batches are written.
      const context = {
        ...lambdaContext('job-retention'),
        getRemainingTimeInMillis: () => (batches >= 10 ? 1_000 : 300_000),
      };
      const outcome = await sweep(handler, context);
      expect(faults).toBe(1);
      expect(outcome).toMatchObject({
        recorded: [{ dialogueId: 'beslutad', culling: 'responses', days: 730 }],
        deleted: { responses: 250 },
        paused: true,
        failed: [],
      });
      const left = await itemsNow('beslutad');
      expect(left.responses.length + left.quarantined.length).toBe(PER_SHARD * SHARDS + 2 - 250);
      expect((await dialogues.get('beslutad'))?.responsesCulled).toEqual({
        at: now.toISOString(),
        afterDecisionDays: 730,
      });
    });

    it('the next run finishes it: every response of every shard and the quarantine, and the free texts’ moderations, are gone', async () => {
      const outcome = await realSweep();
      expect(outcome).toMatchObject({ recorded: [], paused: false, failed: [] });
      expect(outcome.deleted.responses).toBe(PER_SHARD * SHARDS + 2 - 250 + 1);
      const after = await itemsNow('beslutad');
      expect(after.responses).toEqual([]);
      expect(after.quarantined).toEqual([]);
      expect(after.all.filter((i) => String(i.pk).endsWith('#MODERATION'))).toEqual([]);
      expect(after.all.some((i) => String(i.pk).includes('#SUBMISSION#'))).toBe(false);
    });

    it('the dialogue, its results, change log, mailout, ratings and (TTL’s) contacts stay; a dialogue decided lately keeps all', async () => {
      const after = await itemsNow('beslutad');
      expect(byKind(after.all)).toEqual({ dialogue: 1, aggregate: 1, audit: 2, mailout: 1, rating: 1, contact: 201 });
      const results = await dynamoAggregateStore(db, tableName()).get('beslutad');
      expect(results?.state.responseCount).toBe(PER_SHARD * SHARDS);
      expect((await dialogues.audit('beslutad')).map((e) => [e.action, e.by])).toEqual([
        ['created', 'test'],
        ['responses-culled', 'job:retention'],
      ]);
      expect((await itemsNow('ny')).responses).toHaveLength(20);
    });

    it('a rerun deletes nothing and records nothing; results can no longer be recomputed from nothing', async () => {
      now = new Date('2029-02-15T09:00:00Z');
      expect(await realSweep()).toEqual({
        recorded: [],
        deleted: { responses: 0, contacts: 0 },
        paused: false,
        failed: [],
      });
      expect((await dialogues.audit('beslutad')).filter((e) => e.action === 'responses-culled')).toHaveLength(1);
      const culled = (await dialogues.get('beslutad')) as Dialogue;
      const deps = {
        aggregates: dynamoAggregateStore(db, tableName()),
        responses: dynamoResponseReader(db, tableName()),
        clock,
        safetyLagMs: 0,
      };
      await expect(aggregateDialogue(deps, culled, { full: true })).rejects.toThrow(ResponsesCulledError);
    });
  });
});
