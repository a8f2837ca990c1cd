import type { Language } from '../messages/language';
import { FAVICON_PATH, STYLESHEET_PATH } from './styles';

/**
 * Every public URL of the product (the console's too), from the stage's base URL: absolute, so a page, an embedded fragment on a
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
    /** The officials' console on one dialogue (its route is the hash: console/src/app.tsx). */
    consoleDialogue: (id: string) => `${base}/console/#/d/${encodeURIComponent(id)}`,
    embedScript: `${base}/embed.js`,
    stylesheet: `${base}${STYLESHEET_PATH}`,
    favicon: `${base}${FAVICON_PATH}`,
  };
}
export type PublicLinks = ReturnType<typeof publicLinks>;
