import type { Caller } from '../access';
import { decide } from '../dialogue/lifecycle';
import { assertMayManage } from '../dialogue/rules';
import { type Dialogue, isDecided } from '../dialogue/schema';
import { ConflictError, NotFoundError } from '../errors';
import * as refusals from '../messages/refusals';
import type { Clock, DialogueStore } from '../ports';
import { mailoutProgress } from './mailout';
import type { MailoutStore } from './ports';
import type { DecisionBody } from './schema';

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

/** P11, P12: the lead committee registers its decision on a closed dialogue; feedback to every participant starts. */
export async function registerDecision(deps: DecisionDeps, caller: Caller, id: string, body: DecisionBody) {
  const dialogue = await loadForDecision(deps, caller, id);
  if (isDecided(dialogue.status)) throw new ConflictError(refusals.decisionAlreadyRegistered());
  const now = deps.clock.now();
  const decided = decide(dialogue, body, caller, now);
  const total = await deps.mailouts.countContacts(id);
  const mailout = {
    dialogueId: id,
    status: total > 0 ? ('sending' as const) : ('done' as const),
    total,
    sent: 0,
    failed: 0,
    recipients: total,
    bounced: 0,
    unsubscribed: 0,
    startedAt: now.toISOString(),
    ...(total > 0 ? {} : { completedAt: now.toISOString() }),
  };
  await deps.mailouts.startWithDecision(decided, mailout);
  return { decision: decided.decision, mailout: mailoutProgress(mailout) };
}

/** A correction of the decision, accepted only until the first email is on its way. */
export async function correctDecision(deps: DecisionDeps, caller: Caller, id: string, body: DecisionBody) {
  const dialogue = await loadForDecision(deps, caller, id);
  if (!isDecided(dialogue.status)) throw new ConflictError(refusals.noDecisionToCorrect());
  const corrected = decide(dialogue, body, caller, deps.clock.now());
  await deps.mailouts.correctDecision(corrected);
  return { decision: corrected.decision, mailout: mailoutProgress(await deps.mailouts.get(id)) };
}

/**
 * Progress of the feedback mailout (contract: status, total, sent, failed, pending); before the decision, how many
 * it would email now (the same count the decision starts it with).
 */
export async function readMailout(deps: DecisionDeps, caller: Caller, id: string) {
  const dialogue = await loadForDecision(deps, caller, id);
  const mailout = await deps.mailouts.get(dialogue.id);
  return mailout ? mailoutProgress(mailout) : mailoutProgress(undefined, await deps.mailouts.countContacts(id));
}
