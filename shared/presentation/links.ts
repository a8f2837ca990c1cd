import type { Language } from '../messages/language';
import { FAVICON_PATH, STYLESHEET_PATH } from './styles';

/**
 * Every public URL of the product, from the stage's base URL: absolute, so a page, an embedded fragment on a
 * municipality's page and an email all reach this API. A language, where given, is in the URL.
 */
export function publicLinks(base: string) {
  const dialogue = (path: string, id: string, lang?: Language) =>
    `${base}/${path}/${encodeURIComponent(id)}${lang ? `?lang=${lang}` : ''}`;
  return {
    form: (id: string, lang?: Language) => dialogue('form', id, lang),
    results: (id: string, lang?: Language) => dialogue('results', id, lang),
    register: (lang?: Language) => `${base}/dialoger${lang ? `?lang=${lang}` : ''}`,
    unsubscribe: (token: string) => `${base}/unsubscribe?token=${encodeURIComponent(token)}`,
    rating: (token: string, lang?: Language) =>
      `${base}/rating?token=${encodeURIComponent(token)}${lang ? `&lang=${lang}` : ''}`,
    embedScript: `${base}/embed.js`,
    stylesheet: `${base}${STYLESHEET_PATH}`,
    favicon: `${base}${FAVICON_PATH}`,
  };
}
export type PublicLinks = ReturnType<typeof publicLinks>;
