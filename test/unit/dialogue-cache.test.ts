import { cachedDialogues } from '../../functions/adapters/dialogue-cache';
import type { Dialogue } from '../../shared/dialogue/schema';
import { NOW, demo } from './fixtures';

/** A store whose reads are counted and answer the current copy; the clock is moved by hand. */
function setup(initial: Dialogue | undefined) {
  let current = initial;
  let reads = 0;
  let now = NOW.getTime();
  let onMark: () => void = () => undefined;
  const store = {
    get: async () => {
      reads += 1;
      return current;
    },
    markResponded: async () => {
      onMark();
      return true;
    },
  };
  const cache = cachedDialogues(store, { now: () => new Date(now) }, 5000);
  return {
    cache,
    reads: () => reads,
    set: (dialogue: Dialogue | undefined) => (current = dialogue),
    advance: (ms: number) => (now += ms),
    duringMark: (fn: () => void) => (onMark = fn),
  };
}

describe('cachedDialogues', () => {
  test('an open dialogue is read once within the cache time, and again after it', async () => {
    const t = setup(demo({ status: 'open' }));
    await t.cache.get('d', false);
    await t.cache.get('d', false);
    expect(t.reads()).toBe(1);
    t.advance(5001);
    await t.cache.get('d', false);
    expect(t.reads()).toBe(2);
  });

  test('a fresh read always asks the store, and its copy is what the cache serves next', async () => {
    const t = setup(demo({ status: 'open', version: 3 }));
    await t.cache.get('d', false);
    t.set(demo({ status: 'open', version: 4 }));
    expect((await t.cache.get('d', true))?.version).toBe(4);
    expect((await t.cache.get('d', false))?.version).toBe(4);
    expect(t.reads()).toBe(2);
  });

  test.each([
    ['a draft', demo({ status: 'draft' })],
    ['a closed dialogue', demo({ status: 'closed' })],
    ['an unknown id', undefined],
  ])('%s is never cached', async (_, dialogue) => {
    const t = setup(dialogue);
    await t.cache.get('d', false);
    await t.cache.get('d', false);
    expect(t.reads()).toBe(2);
  });

  test('marking the first response drops the cached copy, so the next submission reads the marked one', async () => {
    const t = setup(demo({ status: 'open', version: 3 }));
    await t.cache.get('d', false);
    t.set(demo({ status: 'open', version: 4, firstResponseAt: NOW.toISOString() }));
    await t.cache.markResponded('d', 3, NOW);
    expect((await t.cache.get('d', false))?.firstResponseAt).toBe(NOW.toISOString());
    expect(t.reads()).toBe(2);
  });

  test('a read that overlaps the mark does not leave the unmarked copy cached', async () => {
    const t = setup(demo({ status: 'open', version: 3 }));
    // While the mark is being written, another submission reads (and would cache) the copy before it.
    t.duringMark(() => void t.cache.get('d', false));
    await t.cache.markResponded('d', 3, NOW);
    t.set(demo({ status: 'open', version: 4, firstResponseAt: NOW.toISOString() }));
    expect((await t.cache.get('d', false))?.version).toBe(4);
  });
});
