import type { Dialogue } from '../../shared/dialogue/schema';
import type { Clock, DialogueStore } from '../../shared/ports';

/**
 * Keeps each open dialogue for a few seconds in the warm Lambda, so a burst of submissions costs one read.
 * Safe because the submission's write is conditional on the dialogue's status and version, and because the
 * caller asks again with `fresh` before it turns a response away on the strength of a cached copy.
 */
export function cachedDialogues(store: Pick<DialogueStore, 'get'>, clock: Clock, ttlMs = 5000) {
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
  };
}
