import type { Bilingual } from '../../../shared/messages/language';
import { links } from '../links';

/** The dialogue's results page in each language: the unsubscribe pages speak both. */
export function resultsLinks(dialogueId: string): Bilingual {
  const { results } = links();
  return { sv: results(dialogueId), en: results(dialogueId, 'en') };
}
