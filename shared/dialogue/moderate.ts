import type { Caller } from '../access';
import { ConflictError, NotFoundError } from '../errors';
import * as refusals from '../messages/refusals';
import type { Clock, DialogueStore, FreeTextFinder, ModerationReader } from '../ports';
import { moderateFreeText } from './lifecycle';
import { type ModerationState, parseFreeTextId } from './moderation';
import { assertMayManage } from './rules';

export interface ModerateDeps {
  readonly dialogues: Pick<DialogueStore, 'get' | 'write'>;
  readonly moderations: Pick<ModerationReader, 'get'>;
  readonly freeTexts: FreeTextFinder;
  readonly clock: Clock;
}

export interface ModerationChoice {
  readonly questionId: string;
  readonly textId: string;
  readonly state: ModerationState;
}

/**
 * An official of the lead committee marks one free text publishable or hidden; the choice and its audit entry are
 * one write. Choosing the state a text already has changes nothing and logs nothing.
 */
export async function moderate(
  deps: ModerateDeps,
  caller: Caller,
  dialogueId: string,
  choice: ModerationChoice,
): Promise<ModerationChoice> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const dialogue = await deps.dialogues.get(dialogueId);
    if (!dialogue || dialogue.status === 'draft') throw new NotFoundError(refusals.noDialogue(dialogueId));
    assertMayManage(caller, dialogue);
    const { questionId, textId, state } = choice;
    const place = parseFreeTextId(textId);
    const isText = dialogue.questions.some((q) => q.id === questionId && q.type === 'text');
    const answers = place && isText ? await deps.freeTexts.answers(dialogueId, place.shard, place.sortKey) : undefined;
    const text = answers?.[questionId];
    if (typeof text !== 'string') throw new NotFoundError(refusals.noFreeText());
    const from = (await deps.moderations.get(dialogueId, questionId, textId))?.state ?? 'hidden';
    if (from === state) return choice;
    try {
      await deps.dialogues.write(
        moderateFreeText(dialogue, { questionId, textId, text }, from, state, caller, deps.clock.now()),
      );
      return choice;
    } catch (error) {
      // Someone else changed the dialogue meanwhile (or moderated this text): look again.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError(refusals.changedBySomeoneElse());
}
