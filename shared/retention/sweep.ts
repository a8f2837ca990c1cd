import { recordCulling } from '../dialogue/lifecycle';
import type { Dialogue } from '../dialogue/schema';
import { ConflictError } from '../errors';
import type { Clock, DialogueStore } from '../ports';
import { type Culling, type RetentionSettings, cullingsDue, cullingsRecorded } from './rules';

export interface Deletion {
  readonly deleted: number;
  /** False when `stop()` ended it with items left; the next run goes on. */
  readonly complete: boolean;
}

/** Deletes in batches, a page at a time, until nothing is left or `stop()` says so; what is gone already is skipped. */
export interface RetentionStore {
  /**
   * A dialogue's responses (every shard of the arrival index, and the quarantine) and the moderations that copy
   * their free texts. The results (the aggregate), the dialogue and its change log stay.
   */
  deleteResponses(dialogue: Pick<Dialogue, 'id' | 'responseShards'>, stop: () => boolean): Promise<Deletion>;
  deleteContacts(dialogueId: string, stop: () => boolean): Promise<Deletion>;
}

export interface SweepDeps {
  readonly dialogues: Pick<DialogueStore, 'list' | 'get' | 'write'>;
  readonly store: RetentionStore;
  readonly clock: Clock;
  readonly settings: RetentionSettings;
  /** Time left before the function must stop; the run stops cleanly before it. */
  readonly remainingMs: () => number;
}

export interface SweepOutcome {
  /** Cullings recorded by this run. */
  recorded: Array<{ dialogueId: string; culling: Culling; days: number }>;
  deleted: { responses: number; contacts: number };
  /** True when the run stopped for time with items left; the next run goes on. */
  paused: boolean;
  failed: Array<{ dialogueId: string; error: string }>;
}

const STOP_MARGIN_MS = 30_000;

/** Records what is due against the dialogue as it is now; one changed meanwhile is left to the next run. */
async function recordDue(
  deps: SweepDeps,
  listed: Dialogue,
  now: Date,
  outcome: SweepOutcome,
): Promise<Dialogue | undefined> {
  // The listing is an index and may lag behind a change (a late decision): decide on the dialogue read now.
  let dialogue = await deps.dialogues.get(listed.id);
  if (!dialogue) return undefined;
  for (const { culling, days } of cullingsDue(dialogue, now, deps.settings)) {
    const change = recordCulling(dialogue, culling, days, now);
    try {
      await deps.dialogues.write(change);
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
    dialogue = change.dialogue;
    outcome.recorded.push({ dialogueId: listed.id, culling, days });
  }
  return dialogue;
}

/**
 * The retention job (gallring): records each culling the settings call for on the dialogue, with its change-log
 * entry, under the version check (so a contact culling is decided on a dialogue still undecided at that moment), then
 * deletes what every recorded culling covers. The record comes first so that a run stopped mid-way, or one that died,
 * is finished by the next; deleting is idempotent.
 */
export async function sweepRetention(deps: SweepDeps): Promise<SweepOutcome> {
  const outcome: SweepOutcome = { recorded: [], deleted: { responses: 0, contacts: 0 }, paused: false, failed: [] };
  const stop = () => deps.remainingMs() < STOP_MARGIN_MS;
  // One time for the whole run: what is found due is recorded as due at that time.
  const now = deps.clock.now();
  for (const listed of await deps.dialogues.list()) {
    const due = cullingsDue(listed, now, deps.settings).length > 0;
    if (!due && cullingsRecorded(listed).length === 0) continue;
    if (stop()) {
      outcome.paused = true;
      break;
    }
    try {
      const dialogue = due ? await recordDue(deps, listed, now, outcome) : listed;
      for (const culling of dialogue ? cullingsRecorded(dialogue) : []) {
        const deletion =
          culling === 'responses'
            ? await deps.store.deleteResponses(listed, stop)
            : await deps.store.deleteContacts(listed.id, stop);
        outcome.deleted[culling] += deletion.deleted;
        if (!deletion.complete) outcome.paused = true;
      }
    } catch (error) {
      // The others go on; this one is tried again next run.
      outcome.failed.push({ dialogueId: listed.id, error: error instanceof Error ? error.message : String(error) });
    }
    if (outcome.paused) break;
  }
  return outcome;
}
