import type { Dialogue } from '../dialogue/schema';
import { catalogues } from '../messages/catalogue';
import type { Language } from '../messages/language';
import { longDate } from './html';
import type { Notice } from './pages';

/** Why a dialogue shows no form, said once: it has ended (the notice leads to its results), it opens later, or it is not there. */
export interface NoForm extends Notice {
  readonly reason: 'ended' | 'not-open' | 'not-found';
}

export function noForm(
  dialogue: Pick<Dialogue, 'status' | 'opensAt'> | undefined,
  now: Date,
  lang: Language,
  resultsHref: string,
): NoForm {
  const t = catalogues[lang].form;
  if (!dialogue || dialogue.status === 'draft')
    return { reason: 'not-found', title: t.notFoundHeading, message: t.notFound };
  if (dialogue.status === 'open' && dialogue.opensAt && Date.parse(dialogue.opensAt) > now.getTime())
    return { reason: 'not-open', title: t.notOpenHeading, message: t.opens(longDate(dialogue.opensAt, lang)) };
  // Closed, decided, or past its closing time: people come back to the municipality's page for the result.
  const title = dialogue.status === 'decided' ? t.decidedHeading : t.closedHeading;
  return { reason: 'ended', title, message: t.closedMessage, link: { href: resultsHref, label: t.closedResultsLink } };
}
