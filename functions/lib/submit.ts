import { type Receipt, submitResponse } from '../../shared/responses/submit';
import { metricNames } from '../../shared/metrics';
import { publishMetrics } from './metrics';
import type { Runtime } from './runtime';

/** What a public submission needs of the runtime. */
export type SubmitRuntime = Pick<Runtime, 'cachedDialogues' | 'responses' | 'municipality' | 'clock' | 'ids'>;

/** A citizen's response by either form (JSON or no-script), on the cached dialogue, counted once when newly stored. */
export async function submitCounted(
  { cachedDialogues, ...deps }: SubmitRuntime,
  dialogueId: string,
  body: unknown,
): Promise<Receipt> {
  const { receipt, newResponse } = await submitResponse({ ...deps, dialogues: cachedDialogues }, dialogueId, body);
  if (newResponse) publishMetrics({ [metricNames.responsesSubmitted]: 1 });
  return receipt;
}
