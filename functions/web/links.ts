import type { Language } from '../../shared/presentation/html';
import { STYLESHEET_PATH } from '../../shared/presentation/styles';
import { env } from '../lib/env';

/** The URLs the form's pages link to, absolute so an embedded form reaches this API from any host page. */
export function formLinks(dialogueId: string, lang: Language) {
  const base = env().publicBaseUrl;
  const id = encodeURIComponent(dialogueId);
  return {
    action: `${base}/form/${id}`,
    switchLanguageHref: `${base}/form/${id}?lang=${lang === 'sv' ? 'en' : 'sv'}`,
    resultsHref: `${base}/results/${id}`,
    scriptSrc: `${base}/embed.js`,
    stylesheetHref: `${base}${STYLESHEET_PATH}`,
  };
}
