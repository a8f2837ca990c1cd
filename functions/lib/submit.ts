import { type Receipt, submitResponse } from '../../shared/responses/submit';
import type { Runtime } from './runtime';

/** What a public submission needs of the runtime. */
export type SubmitRuntime = Pick<Runtime, 'cachedDialogues' | 'responses' | 'municipality' | 'clock' | 'ids'>;

/**
 * A citizen's response by either form (JSON or no-script), checked first against the cached dialogue. Counted for the
 * ResponsesSubmitted metric where it is folded into the results (the aggregate job), not here: a public handler
 * carries no metrics library.
 */
export const submitCitizenResponse = (
  { cachedDialogues, ...deps }: SubmitRuntime,
  dialogueId: string,
  body: unknown,
): Promise<Receipt> => submitResponse({ ...deps, dialogues: cachedDialogues }, dialogueId, body);
