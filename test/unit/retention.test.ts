/**
 * Retention (gallring, shared/retention/): which dialogue's responses or contacts go at a given time (the pure
 * rule), its record on the dialogue and in the change log, and the sweep on plain fakes; DynamoDB in
 * test/integration/retention.test.ts.
 */
import { callers } from './fixtures';
import { editDialogue, recordCulling } from '../../shared/dialogue/lifecycle';
import type { DialogueChange } from '../../shared/dialogue/lifecycle';
import type { Dialogue } from '../../shared/dialogue/schema';
import { ConflictError } from '../../shared/errors';
import { ljungby } from '../../shared/municipality';
import { cullingsDue, cullingsRecorded } from '../../shared/retention/rules';
import { type RetentionStore, type SweepDeps, sweepRetention } from '../../shared/retention/sweep';
import { DAY_MS, NOW, demo, demoDefinition } from './fixtures';

const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString();
const decision = (registeredAt: string) => ({
  summary: { sv: 'Beslutat.' },
  motivation: { sv: 'Därför.' },
  decidedAt: registeredAt.slice(0, 10),
  registeredAt,
  registeredBy: 'official',
});
const decided = (daysAgo: number, overrides: Partial<Dialogue> = {}) =>
  demo({ status: 'decided', closedAt: ago(daysAgo + 10), decisionRecord: decision(ago(daysAgo)), ...overrides });
const closed = (daysAgo: number, overrides: Partial<Dialogue> = {}) =>
  demo({ status: 'closed', closedAt: ago(daysAgo), ...overrides });
const settings = { responsesAfterDecisionDays: 730, undecidedContactsDays: 180 };

describe('cullingsDue: what goes at a given time', () => {
  test('responses, once the decision was registered longer ago than the setting; not a day before', () => {
    expect(cullingsDue(decided(731), NOW, settings)).toEqual([{ culling: 'responses', days: 730 }]);
    expect(cullingsDue(decided(729), NOW, settings)).toEqual([]);
  });

  test('the contacts of a dialogue closed longer ago than the setting with no decision; a decided one’s stay for TTL', () => {
    expect(cullingsDue(closed(181), NOW, settings)).toEqual([{ culling: 'contacts', days: 180 }]);
    expect(cullingsDue(closed(179), NOW, settings)).toEqual([]);
    expect(cullingsDue(decided(200), NOW, settings)).toEqual([]);
  });

  test('nothing of an open dialogue or a draft, however old', () => {
    expect(cullingsDue(demo({ status: 'open', openedAt: ago(5000) }), NOW, settings)).toEqual([]);
    expect(cullingsDue(demo({ status: 'draft', createdAt: ago(5000) }), NOW, settings)).toEqual([]);
  });

  test('a setting left out keeps: nothing is culled under it', () => {
    expect(cullingsDue(decided(5000), NOW, { undecidedContactsDays: 180 })).toEqual([]);
    expect(cullingsDue(closed(5000), NOW, { responsesAfterDecisionDays: 730 })).toEqual([]);
  });

  test('once recorded, never due again; the recorded ones are what the sweep deletes', () => {
    const culled = decided(800, { responsesCulled: { at: ago(60), afterDecisionDays: 730 } });
    expect(cullingsDue(culled, NOW, settings)).toEqual([]);
    expect(cullingsRecorded(culled)).toEqual(['responses']);
    const forgotten = closed(400, { contactsCulled: { at: ago(200), afterCloseDays: 180 } });
    expect(cullingsDue(forgotten, NOW, settings)).toEqual([]);
    expect(cullingsRecorded(forgotten)).toEqual(['contacts']);
    expect(cullingsRecorded(decided(800))).toEqual([]);
  });
});

describe('recordCulling: the record on the dialogue and in the change log', () => {
  test('says when and under which setting, by the retention job, as a new version', () => {
    const before = decided(731);
    const change = recordCulling(before, 'responses', 730, NOW);
    expect(change.dialogue.responsesCulled).toEqual({ at: NOW.toISOString(), afterDecisionDays: 730 });
    expect(change.expectedVersion).toBe(before.version);
    expect(change.audit).toMatchObject({
      action: 'responses-culled',
      by: 'job:retention',
      changes: { responsesCulled: { after: { at: NOW.toISOString(), afterDecisionDays: 730 } } },
    });
    expect(recordCulling(closed(181), 'contacts', 180, NOW).audit.action).toBe('contacts-culled');
  });

  test('an edit of a closed dialogue keeps the record of its culled contacts', () => {
    const culled = recordCulling(closed(181), 'contacts', 180, NOW).dialogue;
    const edited = editDialogue(culled, demoDefinition(), callers.lead, ljungby, NOW).dialogue;
    expect(edited.contactsCulled).toEqual(culled.contactsCulled);
  });
});

describe('sweepRetention on plain fakes', () => {
  function fakes(dialogues: Dialogue[], options: { conflicts?: string[]; leftAfterDeletes?: number } = {}) {
    const stored = new Map(dialogues.map((d) => [d.id, d]));
    const events: string[] = [];
    let left = options.leftAfterDeletes ?? 0;
    const store: RetentionStore = {
      deleteResponses: async (dialogue) => {
        events.push(`delete responses ${dialogue.id}`);
        return { deleted: 3, complete: left-- <= 0 };
      },
      deleteContacts: async (id) => {
        events.push(`delete contacts ${id}`);
        return { deleted: 2, complete: true };
      },
    };
    const deps: SweepDeps = {
      dialogues: {
        list: async () => [...stored.values()],
        get: async (id) => stored.get(id),
        write: async (change: DialogueChange) => {
          if (options.conflicts?.includes(change.dialogue.id))
            throw new ConflictError({ sv: 'ändrad under tiden', en: 'changed meanwhile' });
          events.push(`record ${change.audit.action} ${change.dialogue.id}`);
          stored.set(change.dialogue.id, change.dialogue);
        },
      },
      store,
      clock: { now: () => NOW },
      settings,
      remainingMs: () => 300_000,
    };
    return { deps, events, stored };
  }

  test('records each culling before deleting, then deletes; a rerun deletes again and records nothing', async () => {
    const { deps, events } = fakes([decided(731, { id: 'a' }), closed(181, { id: 'b' }), decided(10, { id: 'c' })]);
    const first = await sweepRetention(deps);
    expect(first).toEqual({
      recorded: [
        { dialogueId: 'a', culling: 'responses', days: 730 },
        { dialogueId: 'b', culling: 'contacts', days: 180 },
      ],
      deleted: { responses: 3, contacts: 2 },
      paused: false,
      failed: [],
    });
    expect(events).toEqual([
      'record responses-culled a',
      'delete responses a',
      'record contacts-culled b',
      'delete contacts b',
    ]);
    events.length = 0;
    expect((await sweepRetention(deps)).recorded).toEqual([]);
    expect(events).toEqual(['delete responses a', 'delete contacts b']);
  });

  test('a dialogue changed meanwhile (a late decision) is neither recorded nor culled this run', async () => {
    const { deps, events } = fakes([closed(181, { id: 'b' })], { conflicts: ['b'] });
    expect(await sweepRetention(deps)).toMatchObject({ recorded: [], deleted: { responses: 0, contacts: 0 } });
    expect(events).toEqual([]);
  });

  test('a deletion stopped for time pauses the run; the next run finishes it', async () => {
    const { deps } = fakes([decided(731, { id: 'a' }), closed(181, { id: 'b' })], { leftAfterDeletes: 1 });
    const first = await sweepRetention(deps);
    expect(first).toMatchObject({ paused: true, deleted: { responses: 3, contacts: 0 } });
    const second = await sweepRetention(deps);
    expect(second).toMatchObject({ paused: false, deleted: { responses: 3, contacts: 2 } });
  });

  test('with too little time left it starts nothing', async () => {
    const { deps, events } = fakes([decided(731, { id: 'a' })]);
    expect(await sweepRetention({ ...deps, remainingMs: () => 10_000 })).toMatchObject({ paused: true, recorded: [] });
    expect(events).toEqual([]);
  });
});
