import type { DialogueChange } from '../../shared/dialogue/lifecycle';
import type { Dialogue } from '../../shared/dialogue/schema';
import { closeDue } from '../../shared/dialogue/manage';
import { ConflictError } from '../../shared/errors';
import { NOW, daysFrom, demo } from './fixtures';

const due = (id: string, overrides: Partial<Dialogue> = {}) =>
  demo({ id, status: 'open', version: 3, closesAt: daysFrom(NOW, -1).toISOString(), ...overrides });

/** A store whose listing (an index) may be stale: `listed` is what it lists, `stored` what a read returns. */
function store(listed: Dialogue[], stored: Record<string, Dialogue>, conflicts: readonly string[] = []) {
  const replaced: Array<{ id: string; status: string; expectedVersion: number }> = [];
  return {
    replaced,
    dialogues: {
      list: async () => listed,
      get: async (id: string) => stored[id],
      write: async ({ dialogue, expectedVersion }: DialogueChange) => {
        if (conflicts.includes(dialogue.id))
          throw new ConflictError({ sv: 'ändrad under tiden', en: 'changed meanwhile' });
        replaced.push({ id: dialogue.id, status: dialogue.status, expectedVersion });
      },
      audit: async () => [],
      markResponded: async () => true,
    },
  };
}

describe('closeDue (the close-dialogues job)', () => {
  test('closes a due dialogue against the version it reads now, not the one the listing showed', async () => {
    // The listing still shows version 3; the first response has since bumped it to 4.
    const s = store([due('a')], { a: due('a', { version: 4, firstResponseAt: NOW.toISOString() }) });
    expect(await closeDue({ dialogues: s.dialogues, clock: { now: () => NOW } })).toEqual({ closed: ['a'] });
    expect(s.replaced).toEqual([{ id: 'a', status: 'closed', expectedVersion: 4 }]);
  });

  test('one dialogue changed even between the read and the write is left to the next run; the others still close', async () => {
    const s = store([due('a'), due('b')], { a: due('a'), b: due('b') }, ['a']);
    expect(await closeDue({ dialogues: s.dialogues, clock: { now: () => NOW } })).toEqual({ closed: ['b'] });
  });

  test('a dialogue the listing shows as due but that is already closed, or no longer due, is left alone', async () => {
    const later = daysFrom(NOW, 7).toISOString();
    const s = store([due('a'), due('b')], {
      a: due('a', { status: 'closed', closedAt: NOW.toISOString() }),
      b: due('b', { closesAt: later }),
    });
    expect(await closeDue({ dialogues: s.dialogues, clock: { now: () => NOW } })).toEqual({ closed: [] });
    expect(s.replaced).toEqual([]);
  });

  test('any other failure is not swallowed', async () => {
    const s = store([due('a')], { a: due('a') });
    s.dialogues.write = async () => {
      throw new Error('DynamoDB is down');
    };
    await expect(closeDue({ dialogues: s.dialogues, clock: { now: () => NOW } })).rejects.toThrow('DynamoDB is down');
  });
});
