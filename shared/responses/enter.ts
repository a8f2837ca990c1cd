import type { Caller } from '../access';
import { enterResponse } from '../dialogue/lifecycle';
import { assertMayManage, isAcceptingResponses } from '../dialogue/rules';
import { ConflictError, NotFoundError, ValidationError, issue } from '../errors';
import * as says from '../messages/issues';
import * as refusals from '../messages/refusals';
import type { DialogueStore } from '../ports';
import { mergeIssues } from '../validation';
import { type EntryMethod, entryMethods } from './methods';
import { type Receipt, type SubmitDeps, stampedSubmission, submissionIdOf } from './submit';
import { checkResponse } from './validate';

export type EntryDeps = Omit<SubmitDeps, 'dialogues'> & { readonly dialogues: Pick<DialogueStore, 'get' | 'write'> };

const isMethod = (value: unknown): value is EntryMethod => entryMethods.includes(value as EntryMethod);

/** The body checked whole: how it came in, and the response as the web form's is checked, every issue at once. */
function check(deps: EntryDeps, dialogue: Parameters<typeof checkResponse>[0], input: unknown) {
  const { method, ...response } = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const methodIssues = isMethod(method) ? [] : [issue('method', says.entryMethod())];
  try {
    const checked = checkResponse(dialogue, response, deps.municipality);
    if (methodIssues.length > 0) throw new ValidationError(methodIssues);
    return { ...checked, method: method as EntryMethod };
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(mergeIssues(methodIssues, error.issues));
    throw error;
  }
}

/**
 * P10: an official of the lead committee enters a response from a paper form or a meeting while the dialogue is
 * open. It is stored as a response marked with its method, with its audit entry in the same write; a retry with the
 * same submissionId stores nothing new. A contact is stored only as the paper form's consent gave it.
 */
export async function enterOtherResponse(
  deps: EntryDeps,
  caller: Caller,
  dialogueId: string,
  input: unknown,
): Promise<Receipt & { readonly method: EntryMethod }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const dialogue = await deps.dialogues.get(dialogueId);
    if (!dialogue || dialogue.status === 'draft') throw new NotFoundError(refusals.noDialogue(dialogueId));
    assertMayManage(caller, dialogue);
    const { body, answers, profile, method } = check(deps, dialogue, input);
    const stored = await deps.responses.find(dialogueId, submissionIdOf(body));
    if (stored) return { ...stored, dialogueId, method };
    const now = deps.clock.now();
    if (!isAcceptingResponses(dialogue, now)) throw new ConflictError(refusals.entriesWhileOpen());
    const entry = stampedSubmission(deps, dialogue, now, { body, answers, profile }, { quarantined: false, method });
    try {
      await deps.dialogues.write(enterResponse(dialogue, entry, caller, now));
      return {
        dialogueId,
        method,
        responseId: entry.responseId,
        receivedAt: entry.receivedAt,
        willReceiveFeedback: entry.contact !== undefined,
      };
    } catch (error) {
      // Someone else changed the dialogue, or a retry of this entry was stored meanwhile: look again.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError(refusals.changedWhileSaving());
}
