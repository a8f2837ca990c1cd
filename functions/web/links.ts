import { otherLanguage } from '../../shared/messages/language';
import type { Language } from '../../shared/messages/language';
import { publicLinks } from '../../shared/presentation/links';
import { env } from '../lib/env';

/** The stage's public URLs (shared/presentation/links.ts), from the base URL this function was deployed with. */
export const links = () => publicLinks(env().publicBaseUrl);

/** The URLs a form's pages and fragment link to. */
export function formLinks(dialogueId: string, lang: Language) {
  const all = links();
  return {
    action: all.form(dialogueId),
    switchLanguageHref: all.form(dialogueId, otherLanguage(lang)),
    resultsHref: all.results(dialogueId),
    scriptSrc: all.embedScript,
    stylesheetHref: all.stylesheet,
  };
}
