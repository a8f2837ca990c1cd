import { demoDialogue } from '../../local/demo-dialogue';
import type { Caller } from '../../shared/access';
import type { Dialogue, DialogueDefinition } from '../../shared/dialogue/schema';
import { ljungby } from '../../shared/municipality';
import type { DialogueStore } from '../../shared/ports';

/** A fixed "now" so dates in the demo dialogue (opens yesterday, closes in 30 days) are predictable. */
export const NOW = new Date('2026-03-10T09:00:00.000Z');
export const DAY_MS = 86_400_000;
export const daysFrom = (from: Date, days: number): Date => new Date(from.getTime() + days * DAY_MS);

/** The demo dialogue's definition (every question type, alternatives format, all policy fields). */
export const demoDefinition = (now: Date = NOW): DialogueDefinition => demoDialogue(now);

/** A stored dialogue: a definition plus the server-managed fields. */
export function asDialogue(definition: DialogueDefinition, overrides: Partial<Dialogue> = {}): Dialogue {
  return {
    ...definition,
    id: 'lekplatsen-3f9a',
    status: 'open',
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    version: 3,
    responseShards: 4,
    createdBy: 'official-1',
    ...overrides,
  };
}

export const demo = (overrides: Partial<Dialogue> = {}, now: Date = NOW): Dialogue =>
  asDialogue(demoDefinition(now), overrides);

/** The demo with its decision registered (the feedback's, the mailout's and the rating's tests start there). */
export const decidedDemo = (overrides: Partial<Dialogue> = {}): Dialogue =>
  demo({
    status: 'decided',
    decisionRecord: {
      summary: { sv: 'Beslut.' },
      motivation: { sv: 'Motivering.' },
      decidedAt: '2026-05-12',
      registeredAt: '2026-05-13T08:00:00.000Z',
      registeredBy: 'official',
    },
    ...overrides,
  });

/** The demo's lead is tekniska-namnden; kultur-och-fritidsnamnden participates. */
export const callers = {
  lead: { sub: 'lead-official', committees: ['tekniska-namnden'], isAdmin: false },
  participating: { sub: 'participating-official', committees: ['kultur-och-fritidsnamnden'], isAdmin: false },
  other: { sub: 'other-official', committees: ['socialnamnden'], isAdmin: false },
  admin: { sub: 'admin-official', committees: [], isAdmin: true },
} satisfies Record<string, Caller>;

/** Runs `fn`, expecting it to throw an instance of `type`; returns the error for further assertions. */
export function thrown<E extends Error>(fn: () => unknown, type: new (...args: never[]) => E): E {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error(`expected ${type.name} to be thrown, but nothing was thrown`);
}

/**
 * The public path's dependencies as plain fakes around one dialogue, for handlers and submitResponse: a store that
 * refuses every write, so a test proves that a refused response stored nothing.
 */
export function neverStoringDeps(dialogue: Dialogue) {
  const dialogues: DialogueStore = {
    get: async () => dialogue,
    write: async () => undefined,
    audit: async () => [],
    list: async () => [dialogue],
    markResponded: async () => true,
  };
  return {
    dialogues,
    cachedDialogues: dialogues,
    responses: {
      save: async (): Promise<never> => {
        throw new Error('nothing may be stored');
      },
      find: async () => undefined,
    },
    municipality: ljungby,
    clock: { now: () => NOW },
    ids: { newId: () => 'response-1', shard: () => 0, suffix: () => '3f9a' },
  };
}
