import type { Dialogue } from '../dialogue/schema';
import type { Clock } from '../ports';
import { type AggregateState, type StoredResponse, emptyState, fold } from './state';

/** A full recompute asked of a dialogue whose responses were culled (its results are all that is left of them). */
export class ResponsesCulledError extends Error {
  constructor(dialogueId: string) {
    super(`The responses of ${dialogueId} were culled; its results cannot be recomputed.`);
  }
}

/** Per shard, the sort key of the last response folded in. */
export type Watermarks = Record<string, string>;

export interface StoredAggregate {
  readonly dialogueId: string;
  readonly version: number;
  readonly state: AggregateState;
  readonly watermarks: Watermarks;
  readonly updatedAt: string;
  /** Set once a run after the close (plus the lag) has folded everything in: nothing more can count. */
  readonly complete: boolean;
}

export interface AggregateStore {
  /** A copy of the stored aggregate, the caller's to change (a run folds into it in place). */
  get(dialogueId: string): Promise<StoredAggregate | undefined>;
  /** Writes only if the stored version is still `expectedVersion` (0: none stored); false when another run won. */
  commit(aggregate: StoredAggregate, expectedVersion: number): Promise<boolean>;
}

/** A response as the reader hands it out, with its place in the shard's arrival order. */
export type ReadResponse = StoredResponse & { readonly sortKey: string };

export interface ResponseReader {
  /**
   * Responses of one shard with sort key after `after` and receivedAt before `before`, oldest first, a page at a
   * time (as the table hands them out): a run of 100,000 then awaits a few hundred pages, not every response.
   */
  read(
    dialogueId: string,
    shard: number,
    after: string | undefined,
    before: string,
  ): AsyncIterable<readonly ReadResponse[]>;
}

export interface AggregateDeps {
  readonly aggregates: AggregateStore;
  readonly responses: ResponseReader;
  readonly clock: Clock;
  /** Responses younger than this may still be in flight (their write not yet visible); they wait for the next run. */
  readonly safetyLagMs: number;
}

/**
 * Responses count if they arrived before this: the close, or `cutoff` if that comes first. A submission that saw a
 * cached copy of an open dialogue in the seconds after an early close is stored, but counted nowhere.
 */
export const countedBefore = (dialogue: Pick<Dialogue, 'closedAt'>, cutoff: string): string =>
  dialogue.closedAt !== undefined && dialogue.closedAt < cutoff ? dialogue.closedAt : cutoff;

/** Every response that counts, whenever it is read: those before the close, or all of an open dialogue. */
export const countedUntilClose = (dialogue: Pick<Dialogue, 'closedAt'>): string => countedBefore(dialogue, '\uffff');

/** Whether a dialogue may have responses the aggregate lacks. */
export function needsAggregation(dialogue: Dialogue, aggregate: StoredAggregate | undefined): boolean {
  if (dialogue.status === 'draft') return false;
  if (dialogue.status === 'open') return true;
  return !aggregate?.complete;
}

export type RunOutcome = {
  readonly folded: number;
  readonly committed: boolean;
  readonly complete: boolean;
  /** The results hold every response that arrived before this (the cutoff read to). */
  readonly countedUntil: string;
};

/**
 * One incremental run for one dialogue: read each shard after its watermark (up to now minus the safety lag, or
 * the close if that came first),
 * fold into the stored state, and commit state and watermarks together, conditional on the version read.
 * An overlapping run that committed first makes this commit fail, so nothing is counted twice; a run that dies
 * before committing changes nothing, so nothing is lost.
 */
export async function aggregateDialogue(
  deps: AggregateDeps,
  dialogue: Dialogue,
  options: { full?: boolean } = {},
): Promise<RunOutcome> {
  // The responses are gone (gallrade): counting afresh would replace the results with nothing.
  if (options.full && dialogue.responsesCulled) throw new ResponsesCulledError(dialogue.id);
  const stored = await deps.aggregates.get(dialogue.id);
  const startedAt = deps.clock.now();
  const cutoff = new Date(startedAt.getTime() - deps.safetyLagMs).toISOString();
  const until = countedBefore(dialogue, cutoff);
  const base = options.full || !stored ? undefined : stored;
  // The stored state was read for this run alone, so it is folded into in place.
  const state = base ? base.state : emptyState();
  const watermarks: Watermarks = { ...(base?.watermarks ?? {}) };
  let folded = 0;
  for (let shard = 0; shard < dialogue.responseShards; shard++) {
    for await (const page of deps.responses.read(dialogue.id, shard, watermarks[shard], until)) {
      const last = page.at(-1);
      if (!last) continue;
      fold(state, page, dialogue);
      watermarks[shard] = last.sortKey;
      folded += page.length;
    }
  }
  const closedAt = dialogue.closedAt ? Date.parse(dialogue.closedAt) : undefined;
  const complete = closedAt !== undefined && Date.parse(cutoff) > closedAt;
  if (stored && !options.full && folded === 0 && complete === stored.complete)
    return { folded, committed: false, complete, countedUntil: until };
  const committed = await deps.aggregates.commit(
    {
      dialogueId: dialogue.id,
      version: (stored?.version ?? 0) + 1,
      state,
      watermarks,
      updatedAt: startedAt.toISOString(),
      complete,
    },
    stored?.version ?? 0,
  );
  return { folded: committed ? folded : 0, committed, complete, countedUntil: until };
}

/**
 * What the results of a dialogue whose run failed are known to hold: every response before its last commit's cutoff,
 * or, with no aggregate (or none that can be read), nothing since it opened.
 */
async function countedBeforeFailure(deps: AggregateDeps, dialogue: Dialogue): Promise<string> {
  const stored = await deps.aggregates.get(dialogue.id).catch(() => undefined);
  if (!stored) return dialogue.openedAt ?? dialogue.createdAt;
  return new Date(Date.parse(stored.updatedAt) - deps.safetyLagMs).toISOString();
}

/**
 * The scheduled job: every dialogue that may have new responses, one after the other; one failing stops no other.
 * `lagSeconds`: afterwards, how far behind now the results of the open dialogue furthest behind are known to hold
 * every response (0 with none open).
 */
export async function aggregateAll(deps: AggregateDeps & { dialogues: { list(): Promise<Dialogue[]> } }): Promise<{
  dialogues: number;
  folded: number;
  failed: Array<{ dialogueId: string; error: string }>;
  lagSeconds: number;
}> {
  let dialogues = 0;
  let folded = 0;
  const failed: Array<{ dialogueId: string; error: string }> = [];
  const openCountedUntil: string[] = [];
  for (const dialogue of await deps.dialogues.list()) {
    const open = dialogue.status === 'open';
    try {
      if (!needsAggregation(dialogue, open ? undefined : await deps.aggregates.get(dialogue.id))) continue;
      const outcome = await aggregateDialogue(deps, dialogue);
      dialogues += 1;
      folded += outcome.folded;
      if (open) openCountedUntil.push(outcome.countedUntil);
    } catch (error) {
      failed.push({ dialogueId: dialogue.id, error: error instanceof Error ? error.message : String(error) });
      if (open) openCountedUntil.push(await countedBeforeFailure(deps, dialogue));
    }
  }
  const now = deps.clock.now().getTime();
  const lagSeconds = Math.max(0, ...openCountedUntil.map((until) => (now - Date.parse(until)) / 1000));
  return { dialogues, folded, failed, lagSeconds };
}
