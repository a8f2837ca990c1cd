import type { Caller } from '../access';
import type { DecisionBody, DecisionRecord } from '../decision/schema';
import { ConflictError, IncompleteError, ValidationError, issue } from '../errors';
import * as says from '../messages/issues';
import * as refusals from '../messages/refusals';
import type { Municipality } from '../municipality';
import type { Submission } from '../ports';
import { type AuditAction, type AuditEntry, fieldChanges } from './audit';
import type { FreeTextModeration, ModerationState } from './moderation';
import { answerShape, assertMayManage, definitionIssues, missingForOpening } from './rules';
import type { EvaluationBody } from '../evaluation/schema';
import { type Dialogue, type DialogueDefinition, type DialogueStatus, isDecided } from './schema';

/**
 * Every write of a dialogue, and every move between its statuses, is made here and nowhere else. Each gives the
 * dialogue to store, the version it must replace (0: none, a new dialogue), and its audit entry, which the store
 * writes in the same transaction: no change without its entry, no entry without its change.
 */
export interface DialogueChange {
  readonly dialogue: Dialogue;
  readonly expectedVersion: number;
  readonly audit: AuditEntry;
  /** A response an official entered from another method (P10), stored with the change. */
  readonly entry?: Submission;
  /** A free text's moderation, stored with the change. */
  readonly moderation?: FreeTextModeration;
}

/** Who closes a dialogue whose closing time has passed. */
export const CLOSING_JOB = 'job:close-dialogues';
/** Who culls what the retention settings say is kept no longer. */
export const RETENTION_JOB = 'job:retention';

type Unstamped = Omit<Dialogue, 'version' | 'updatedAt' | 'updatedBy'>;

/** The next version of `before` (none: a new one), stamped with who and when, with its audit entry. */
function change(before: Dialogue | undefined, next: Unstamped, by: string, now: Date, action: AuditAction) {
  const at = now.toISOString();
  const dialogue: Dialogue = { ...next, version: (before?.version ?? 0) + 1, updatedAt: at, updatedBy: by };
  const audit = {
    dialogueId: dialogue.id,
    version: dialogue.version,
    at,
    by,
    action,
    changes: fieldChanges(before, dialogue),
  };
  return { dialogue, expectedVersion: before?.version ?? 0, audit };
}

export function createDialogue(
  definition: DialogueDefinition,
  caller: Caller,
  municipality: Municipality,
  ids: { id: string; now: Date; responseShards: number },
): DialogueChange {
  assertMayManage(caller, definition);
  const issues = definitionIssues(definition, municipality);
  if (issues.length > 0) throw new ValidationError(issues);
  const draft = {
    ...definition,
    id: ids.id,
    status: 'draft' as const,
    createdAt: ids.now.toISOString(),
    responseShards: ids.responseShards,
    createdBy: caller.sub,
  };
  return change(undefined, draft, caller.sub, ids.now, 'created');
}

export function editDialogue(
  existing: Dialogue,
  definition: DialogueDefinition,
  caller: Caller,
  municipality: Municipality,
  now: Date,
): DialogueChange {
  assertMayManage(caller, existing);
  assertMayManage(caller, definition);
  const issues = definitionIssues(definition, municipality);
  if (issues.length > 0) throw new ValidationError(issues);
  if (isDecided(existing.status)) throw new ConflictError(refusals.decidedCannotBeEdited());
  if (existing.firstResponseAt !== undefined && answerShape(existing) !== answerShape(definition)) {
    throw new ConflictError(refusals.questionsLocked());
  }
  if (existing.status !== 'draft') {
    const gaps = missingForOpening(definition, new Date(0));
    if (gaps.length > 0) throw new IncompleteError(gaps);
  }
  // The body replaces the whole definition (a field left out is removed); only server-managed fields carry over.
  const {
    id,
    status,
    createdAt,
    responseShards,
    openedAt,
    closedAt,
    createdBy,
    decisionRecord,
    firstResponseAt,
    responsesCulled,
    contactsCulled,
  } = existing;
  const edited = {
    ...definition,
    id,
    status,
    createdAt,
    responseShards,
    createdBy,
    ...(openedAt ? { openedAt } : {}),
    ...(closedAt ? { closedAt } : {}),
    ...(decisionRecord ? { decisionRecord } : {}),
    ...(firstResponseAt ? { firstResponseAt } : {}),
    ...(responsesCulled ? { responsesCulled } : {}),
    ...(contactsCulled ? { contactsCulled } : {}),
  };
  return change(existing, edited, caller.sub, now, 'edited');
}

const transitions: Partial<Record<DialogueStatus, readonly DialogueStatus[]>> = {
  draft: ['open'],
  open: ['closed'],
};

export function changeStatus(dialogue: Dialogue, to: 'open' | 'closed', caller: Caller, now: Date): DialogueChange {
  assertMayManage(caller, dialogue);
  if (!transitions[dialogue.status]?.includes(to)) {
    throw new ConflictError(refusals.illegalTransition(dialogue.status, to));
  }
  if (to === 'open') {
    const gaps = missingForOpening(dialogue, now);
    if (gaps.length > 0) throw new IncompleteError(gaps);
  }
  const at = now.toISOString();
  const moved = { ...dialogue, status: to, ...(to === 'open' ? { openedAt: at } : { closedAt: at }) };
  return change(dialogue, moved, caller.sub, now, to === 'open' ? 'opened' : 'closed');
}

/** The scheduler closes an open dialogue once its closing time has passed. */
export function closeIfDue(dialogue: Dialogue, now: Date): DialogueChange | undefined {
  if (dialogue.status !== 'open' || !dialogue.closesAt || Date.parse(dialogue.closesAt) > now.getTime())
    return undefined;
  return change(dialogue, { ...dialogue, status: 'closed', closedAt: now.toISOString() }, CLOSING_JOB, now, 'closed');
}

function checkAlternative(dialogue: Dialogue, body: DecisionBody): void {
  if (!body.chosenAlternative) return;
  const ids = dialogue.format.kind === 'alternatives' ? dialogue.format.alternatives.map((a) => a.id) : [];
  if (!ids.includes(body.chosenAlternative)) {
    throw new ValidationError([issue('chosenAlternative', says.decisionAlternativeUnknown(body.chosenAlternative))]);
  }
}

/** P11, P12: the lead committee registers its decision on a closed dialogue, or corrects the one it registered. */
export function decide(
  dialogue: Dialogue,
  body: DecisionBody,
  caller: Caller,
  now: Date,
): DialogueChange & { readonly decision: DecisionRecord } {
  assertMayManage(caller, dialogue);
  const correcting = dialogue.status === 'decided';
  if (dialogue.status !== 'closed' && !correcting) throw new ConflictError(refusals.closeBeforeDecision());
  checkAlternative(dialogue, body);
  const decisionRecord = { ...body, registeredAt: now.toISOString(), registeredBy: caller.sub };
  const decided = { ...dialogue, status: 'decided' as const, decisionRecord };
  const action = correcting ? 'decision-corrected' : 'decision-registered';
  return { ...change(dialogue, decided, caller.sub, now, action), decision: decisionRecord };
}

/**
 * P14: the lead committee records its own evaluation once the feedback has gone out, or corrects it later; the
 * dialogue is then `evaluated`. Whether the feedback is out is the caller's to check (it needs the mailout).
 */
export function evaluate(dialogue: Dialogue, body: EvaluationBody, caller: Caller, now: Date): DialogueChange {
  assertMayManage(caller, dialogue);
  if (!isDecided(dialogue.status)) throw new ConflictError(refusals.evaluateAfterFeedback());
  const evaluationRecord = { ...body, evaluatedAt: now.toISOString(), evaluatedBy: caller.sub };
  const evaluated = { ...dialogue, status: 'evaluated' as const, evaluationRecord };
  const action = dialogue.evaluationRecord ? 'evaluation-corrected' : 'evaluation-recorded';
  return change(dialogue, evaluated, caller.sub, now, action);
}

/**
 * Gallring on record: the responses (or, of a dialogue never decided, the contacts) were deleted at `now` under the
 * setting of `days`. The dialogue keeps when and under what, and the change log has it too.
 */
export function recordCulling(
  dialogue: Dialogue,
  culled: 'responses' | 'contacts',
  days: number,
  now: Date,
): DialogueChange {
  const at = now.toISOString();
  const next =
    culled === 'responses'
      ? { ...dialogue, responsesCulled: { at, afterDecisionDays: days } }
      : { ...dialogue, contactsCulled: { at, afterCloseDays: days } };
  return change(dialogue, next, RETENTION_JOB, now, culled === 'responses' ? 'responses-culled' : 'contacts-culled');
}

/** A dialogue brought in whole, as it is (the local demo, a benchmark's copy): new, with its audit entry. */
export function importDialogue(dialogue: Dialogue, by: string, now: Date): DialogueChange {
  const audit = {
    dialogueId: dialogue.id,
    version: dialogue.version,
    at: now.toISOString(),
    by,
    action: 'created' as const,
    changes: fieldChanges(undefined, dialogue),
  };
  return { dialogue, expectedVersion: 0, audit };
}

/** P10: a response entered by an official, as a change: counted like any, so the questions lock as with the first. */
export function enterResponse(dialogue: Dialogue, entry: Submission, caller: Caller, now: Date): DialogueChange {
  assertMayManage(caller, dialogue);
  const next = { ...dialogue, firstResponseAt: dialogue.firstResponseAt ?? now.toISOString() };
  const made = change(dialogue, next, caller.sub, now, 'response-entered');
  // The log says how it came in, never what it answered: answers stay apart from who entered them.
  const audit = { ...made.audit, changes: { ...made.audit.changes, responses: { after: { method: entry.method } } } };
  return { ...made, audit, entry };
}

/** A free text marked publishable or hidden, as a change: the log has which text and its states, never the text. */
export function moderateFreeText(
  dialogue: Dialogue,
  target: { questionId: string; textId: string; text: string },
  from: ModerationState,
  to: ModerationState,
  caller: Caller,
  now: Date,
): DialogueChange {
  assertMayManage(caller, dialogue);
  const made = change(
    dialogue,
    dialogue,
    caller.sub,
    now,
    to === 'publishable' ? 'free-text-published' : 'free-text-hidden',
  );
  const field = `freeTexts.${target.questionId}`;
  const audit = {
    ...made.audit,
    changes: { [field]: { before: { text: target.textId, state: from }, after: { text: target.textId, state: to } } },
  };
  const moderation: FreeTextModeration = {
    dialogueId: dialogue.id,
    questionId: target.questionId,
    textId: target.textId,
    state: to,
    ...(to === 'publishable' ? { text: target.text } : {}),
    at: now.toISOString(),
    by: caller.sub,
  };
  return { ...made, audit, moderation };
}
