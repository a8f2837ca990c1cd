import { mayRead } from '../access';
import type { AggregateStore } from '../aggregation/run';
import type { Caller } from '../access';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import * as refusals from '../messages/refusals';
import type { Municipality } from '../municipality';
import type { Clock, DialogueStore } from '../ports';
import type { AuditEntry } from './audit';
import { feedbackStatus } from './feedback';
import { dialogueIdFrom } from './ids';
import { changeStatus, closeIfDue, createDialogue, editDialogue } from './lifecycle';
import { type MissingField, openingWarnings } from './rules';
import type { Dialogue, DialogueDefinition } from './schema';

/** The officials' use cases over dialogues (contract section 3). */
export interface ManageDeps {
  readonly dialogues: DialogueStore;
  readonly municipality: Municipality;
  readonly clock: Clock;
  readonly ids: { suffix(): string };
  readonly responseShards: number;
}

const ID_ATTEMPTS = 5;

export async function create(deps: ManageDeps, caller: Caller, definition: DialogueDefinition): Promise<Dialogue> {
  // Ids are readable slugs with a random suffix; on the rare collision, draw another suffix.
  for (let attempt = 1; ; attempt++) {
    const created = createDialogue(definition, caller, deps.municipality, {
      id: dialogueIdFrom(definition.title.sv, deps.ids.suffix()),
      now: deps.clock.now(),
      responseShards: deps.responseShards,
    });
    try {
      await deps.dialogues.write(created);
      return created.dialogue;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= ID_ATTEMPTS) throw error;
    }
  }
}

const committeesOf = (d: Dialogue): string[] => [d.leadCommittee, ...d.participatingCommittees];

/** The dialogues of the caller's committees (lead or participating); all of them for an admin. */
export async function list(deps: Pick<ManageDeps, 'dialogues'>, caller: Caller): Promise<Dialogue[]> {
  return (await deps.dialogues.list()).filter((d) => mayRead(caller, committeesOf(d)));
}

/**
 * The caller's dialogues in brief, for the console's list: the responses counted by the last aggregation (drafts
 * have none), and whether feedback came on time (P12).
 */
export async function overview(
  deps: Pick<ManageDeps, 'dialogues' | 'clock'> & { readonly aggregates: Pick<AggregateStore, 'get'> },
  caller: Caller,
) {
  const now = deps.clock.now();
  return Promise.all(
    (await list(deps, caller)).map(async (d) => {
      const counted = d.status === 'draft' ? undefined : await deps.aggregates.get(d.id);
      return {
        id: d.id,
        title: d.title,
        status: d.status,
        leadCommittee: d.leadCommittee,
        participatingCommittees: d.participatingCommittees,
        opensAt: d.opensAt,
        closesAt: d.closesAt,
        closedAt: d.closedAt,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
        responses: counted?.state.responseCount ?? 0,
        ...(counted ? { countedAt: counted.updatedAt } : {}),
        feedback: feedbackStatus(d, now),
      };
    }),
  );
}

export async function read(deps: Pick<ManageDeps, 'dialogues'>, caller: Caller, id: string): Promise<Dialogue> {
  const dialogue = await deps.dialogues.get(id);
  if (!dialogue) throw new NotFoundError(refusals.noDialogue(id));
  if (!mayRead(caller, committeesOf(dialogue))) throw new ForbiddenError(refusals.otherCommittee());
  return dialogue;
}

/** The dialogue's audit log, for those who may read the dialogue. */
export async function auditLog(deps: Pick<ManageDeps, 'dialogues'>, caller: Caller, id: string): Promise<AuditEntry[]> {
  const dialogue = await read(deps, caller, id);
  return deps.dialogues.audit(dialogue.id);
}

export async function update(
  deps: ManageDeps,
  caller: Caller,
  id: string,
  definition: DialogueDefinition,
): Promise<Dialogue> {
  const existing = await read(deps, caller, id);
  const edited = editDialogue(existing, definition, caller, deps.municipality, deps.clock.now());
  // An edit that changes nothing is no change: nothing is written, and the change log stays as it was.
  if (Object.keys(edited.audit.changes).length === 0) return existing;
  await deps.dialogues.write(edited);
  return edited.dialogue;
}

export async function setStatus(
  deps: ManageDeps,
  caller: Caller,
  id: string,
  status: 'open' | 'closed',
): Promise<{ dialogue: Dialogue; warnings: MissingField[] }> {
  const existing = await read(deps, caller, id);
  const changed = changeStatus(existing, status, caller, deps.clock.now());
  await deps.dialogues.write(changed);
  return { dialogue: changed.dialogue, warnings: status === 'open' ? openingWarnings(changed.dialogue) : [] };
}

/** The `close-dialogues` job: closes every open dialogue whose closing time has passed. */
export async function closeDue(deps: Pick<ManageDeps, 'dialogues' | 'clock'>): Promise<{ closed: string[] }> {
  const now = deps.clock.now();
  const closed: string[] = [];
  // The listing is an index and may lag behind writes (an edit, the first response): each candidate is read
  // again before it is closed, and one that changed even then is left to the next run, not the others' loss.
  for (const listed of await deps.dialogues.list()) {
    if (!closeIfDue(listed, now)) continue;
    const current = await deps.dialogues.get(listed.id);
    const next = current && closeIfDue(current, now);
    if (!current || !next) continue;
    try {
      await deps.dialogues.write(next);
      closed.push(current.id);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return { closed };
}
