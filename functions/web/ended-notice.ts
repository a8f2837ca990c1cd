import { publicResultsOf } from '../../shared/aggregation/results';
import { publicDefinition } from '../../shared/dialogue/public-view';
import type { Dialogue } from '../../shared/dialogue/schema';
import type { Language } from '../../shared/messages/language';
import { type NoForm, noForm, withOutcome } from '../../shared/presentation/no-form';
import type { Runtime } from '../lib/runtime';

export type EndedNoticeDeps = Pick<Runtime, 'aggregates' | 'disclosureThreshold' | 'municipality' | 'clock'>;

/**
 * Why a dialogue shows no form; an ended one's notice also says what came of it (the decision, or when it is due,
 * and the result in brief). The form's page, its fragment and the officials' preview all show this one notice.
 */
export async function noFormNotice(
  deps: EndedNoticeDeps,
  dialogue: Dialogue | undefined,
  lang: Language,
  resultsHref: string,
): Promise<NoForm> {
  const notice = noForm(dialogue, deps.clock.now(), lang, resultsHref);
  if (!dialogue || notice.reason !== 'ended') return notice;
  const outcome = {
    definition: publicDefinition(dialogue, deps.municipality),
    results: await publicResultsOf(deps, dialogue),
  };
  return withOutcome(notice, outcome, lang);
}
