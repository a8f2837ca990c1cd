import { type Caller, mayManage, mayRead } from '../access';
import type { AggregateStore } from '../aggregation/run';
import { emptyState } from '../aggregation/state';
import type { Mailout } from '../decision/mailout';
import type { MailoutStore } from '../decision/ports';
import { evaluate } from '../dialogue/lifecycle';
import { openedYear } from '../dialogue/register';
import type { Dialogue } from '../dialogue/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import * as refusals from '../messages/refusals';
import type { Municipality } from '../municipality';
import type { Clock, DialogueStore } from '../ports';
import type { RatingStore } from '../rating/rate';
import { type DialogueFigures, dialogueFigures } from './figures';
import type { EvaluationBody } from './schema';
import { type YearEvaluation, yearEvaluation } from './year';

export interface EvaluationDeps {
  readonly dialogues: Pick<DialogueStore, 'get' | 'list' | 'write'>;
  readonly aggregates: Pick<AggregateStore, 'get'>;
  readonly mailouts: Pick<MailoutStore, 'get'>;
  readonly ratings: Pick<RatingStore, 'ratings'>;
  readonly municipality: Pick<Municipality, 'name' | 'committees' | 'population'>;
  readonly clock: Clock;
}

/** The figures from what is stored; a mailout already read is passed in rather than read again. */
async function figuresOf(
  deps: EvaluationDeps,
  dialogue: Dialogue,
  read?: Promise<Mailout | undefined>,
): Promise<DialogueFigures> {
  const [aggregate, mailout, ratings] = await Promise.all([
    deps.aggregates.get(dialogue.id),
    read ?? deps.mailouts.get(dialogue.id),
    deps.ratings.ratings(dialogue.id),
  ]);
  const input = { dialogue, state: aggregate?.state ?? emptyState(), ...(mailout ? { mailout } : {}), ratings };
  return dialogueFigures(input, deps.municipality, deps.clock.now());
}

async function load(deps: EvaluationDeps, caller: Caller, id: string): Promise<Dialogue> {
  const dialogue = await deps.dialogues.get(id);
  if (!dialogue) throw new NotFoundError(refusals.noDialogue(id));
  if (!mayRead(caller, [dialogue.leadCommittee, ...dialogue.participatingCommittees]))
    throw new ForbiddenError(refusals.otherCommittee());
  return dialogue;
}

/**
 * P14 for one dialogue, for the officials of its committees. The participants' comments are free text: like the
 * dialogue's own, only the lead committee reads them.
 */
export async function dialogueEvaluation(deps: EvaluationDeps, caller: Caller, id: string): Promise<DialogueFigures> {
  const dialogue = await load(deps, caller, id);
  const figures = await figuresOf(deps, dialogue);
  return mayManage(caller, dialogue.leadCommittee)
    ? figures
    : { ...figures, rating: { ...figures.rating, comments: [] } };
}

/** The lead committee's own evaluation, once every feedback email has gone; the dialogue is then `evaluated`. */
export async function recordEvaluation(
  deps: EvaluationDeps,
  caller: Caller,
  id: string,
  body: EvaluationBody,
): Promise<DialogueFigures> {
  const dialogue = await load(deps, caller, id);
  const change = evaluate(dialogue, body, caller, deps.clock.now());
  const mailout = await deps.mailouts.get(id);
  if (mailout?.status !== 'done') throw new ConflictError(refusals.noDialogueEvaluationYet());
  await deps.dialogues.write(change);
  return figuresOf(deps, change.dialogue, Promise.resolve(mailout));
}

/** P14 per committee and year, for every official (kommunstyrelsen follows up all committees). */
export async function evaluationOfYear(deps: EvaluationDeps, year: number): Promise<YearEvaluation> {
  const dialogues = (await deps.dialogues.list()).filter((d) => d.status !== 'draft' && openedYear(d) === year);
  return yearEvaluation(year, await Promise.all(dialogues.map((d) => figuresOf(deps, d))), deps.municipality);
}
