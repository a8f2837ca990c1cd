import type { Dialogue } from '../../shared/dialogue/schema';
import type { Clock, DialogueStore } from '../../shared/ports';

/**
 * Keeps each open dialogue for a few seconds in the warm Lambda, so a burst of submissions costs no read.
 * The questions cannot change under a cached copy that shows responses (they are locked then); a copy that shows
 * none makes the submission mark the first response against its version (which fails if it changed); and the
 * caller asks again with `fresh` before it turns a response away on the strength of a cached copy. What the cache
 * can let through, for its few seconds: a response after an early close (stored, not counted: the aggregation
 * counts what arrived before `closedAt`) or after an official moved the closing time earlier.
 */
export function cachedDialogues(store: Pick<DialogueStore, 'get' | 'markResponded'>, clock: Clock, ttlMs = 5000) {
  const cache = new Map<string, { dialogue: Dialogue | undefined; until: number }>();
  return {
    async get(id: string, fresh: boolean): Promise<Dialogue | undefined> {
      const now = clock.now().getTime();
      const hit = cache.get(id);
      if (!fresh && hit && hit.until > now) return hit.dialogue;
      const dialogue = await store.get(id);
      if (dialogue?.status === 'open') cache.set(id, { dialogue, until: now + ttlMs });
      else cache.delete(id);
      return dialogue;
    },
    async markResponded(id: string, expectedVersion: number, at: Date): Promise<boolean> {
      // Whatever the outcome, the cached copy is out of date now, and so is any read that overlapped the write.
      cache.delete(id);
      const marked = await store.markResponded(id, expectedVersion, at);
      cache.delete(id);
      return marked;
    },
  };
}
