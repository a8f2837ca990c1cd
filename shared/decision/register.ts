import type { Caller } from '../access';
import { assertMayManage } from '../dialogue/rules';
import type { Dialogue } from '../dialogue/schema';
import { ConflictError, NotFoundError, ValidationError, issue } from '../errors';
import * as says from '../messages/issues';
import * as refusals from '../messages/refusals';
import type { Clock, DialogueStore } from '../ports';
import { mailoutProgress } from './mailout';
import type { MailoutStore } from './ports';
import type { DecisionBody, DecisionRecord } from './schema';

export interface DecisionDeps {
  readonly dialogues: Pick<DialogueStore, 'get'>;
  readonly mailouts: MailoutStore;
  readonly clock: Clock;
}

async function loadForDecision(deps: DecisionDeps, caller: Caller, id: string): Promise<Dialogue> {
  const dialogue = await deps.dialogues.get(id);
  if (!dialogue || dialogue.status === 'draft') throw new NotFoundError(refusals.noDialogue(id));
  assertMayManage(caller, dialogue);
  return dialogue;
}

function checkAlternative(dialogue: Dialogue, body: DecisionBody): void {
  if (!body.chosenAlternative) return;
  const ids = dialogue.format.kind === 'alternatives' ? dialogue.format.alternatives.map((a) => a.id) : [];
  if (!ids.includes(body.chosenAlternative)) {
    throw new ValidationError([issue('chosenAlternative', says.decisionAlternativeUnknown(body.chosenAlternative))]);
  }
}

const record = (body: DecisionBody, caller: Caller, now: Date): DecisionRecord => ({
  ...body,
  registeredAt: now.toISOString(),
  registeredBy: caller.sub,
});

/** P11, P12: the lead committee registers its decision on a closed dialogue; feedback to every participant starts. */
export async function registerDecision(deps: DecisionDeps, caller: Caller, id: string, body: DecisionBody) {
  const dialogue = await loadForDecision(deps, caller, id);
  if (dialogue.status === 'decided') throw new ConflictError(refusals.decisionAlreadyRegistered());
  if (dialogue.status !== 'closed') throw new ConflictError(refusals.closeBeforeDecision());
  checkAlternative(dialogue, body);
  const now = deps.clock.now();
  const decisionRecord = record(body, caller, now);
  const decided: Dialogue = {
    ...dialogue,
    status: 'decided',
    decisionRecord,
    updatedAt: now.toISOString(),
    version: dialogue.version + 1,
  };
  const total = await deps.mailouts.countContacts(id);
  const mailout = {
    dialogueId: id,
    status: total > 0 ? ('sending' as const) : ('done' as const),
    total,
    sent: 0,
    failed: 0,
    startedAt: now.toISOString(),
    ...(total > 0 ? {} : { completedAt: now.toISOString() }),
  };
  await deps.mailouts.startWithDecision(decided, dialogue.version, mailout);
  return { decision: decisionRecord, mailout: mailoutProgress(mailout) };
}

/** A correction of the decision, accepted only until the first email is on its way. */
export async function correctDecision(deps: DecisionDeps, caller: Caller, id: string, body: DecisionBody) {
  const dialogue = await loadForDecision(deps, caller, id);
  if (dialogue.status !== 'decided') throw new ConflictError(refusals.noDecisionToCorrect());
  checkAlternative(dialogue, body);
  const now = deps.clock.now();
  const decisionRecord = record(body, caller, now);
  const corrected: Dialogue = {
    ...dialogue,
    decisionRecord,
    updatedAt: now.toISOString(),
    version: dialogue.version + 1,
  };
  await deps.mailouts.correctDecision(corrected, dialogue.version);
  return { decision: decisionRecord, mailout: mailoutProgress(await deps.mailouts.get(id)) };
}

/** Progress of the feedback mailout (contract: status, total, sent, failed, pending). */
export async function readMailout(deps: DecisionDeps, caller: Caller, id: string) {
  const dialogue = await loadForDecision(deps, caller, id);
  return mailoutProgress(await deps.mailouts.get(dialogue.id));
}
