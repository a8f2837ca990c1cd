import type { Localized } from '../dialogue/text';
import type { Language } from '../messages/language';

/** Markup that is already safe; anything else interpolated into `html` is escaped. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** Markup from the program's own constants (tag names, fixed attributes); never pass user or official text. */
export const raw = (markup: string): Html => new Html(markup);

type Part = Html | string | number | false | null | undefined | readonly Part[];

const render = (part: Part): string => {
  if (part === false || part === null || part === undefined) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
};

/** A template tag that escapes every interpolated value: citizen and official text is only ever text. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < parts.length ? render(parts[i] as Part) : ''), ''));
}

/** A heading at a level the caller chooses: h1 on a page of its own, from h2 inside a municipal page. */
export const heading = (level: number, content: Html | string, id?: string): Html => {
  const tag = `h${Math.min(level, 6)}`;
  return html`${raw(`<${tag}${id ? ` id="${id}"` : ''}>`)}${content}${raw(`</${tag}>`)}`;
};

export type { Language } from '../messages/language';

/**
 * Localized text in the reader's language; where English is missing the Swedish is shown, marked `lang="sv"`
 * so screen readers pronounce it right (WCAG 3.1.2).
 */
export function text(value: Localized | undefined, lang: Language): Html {
  if (!value) return html``;
  if (lang === 'en' && !value.en) return html`<span lang="sv">${value.sv}</span>`;
  return html`${lang === 'en' ? value.en : value.sv}`;
}

/** Plain string form, for attributes (aria-label) where markup cannot go. */
export const plain = (value: Localized | undefined, lang: Language): string =>
  value ? (lang === 'en' && value.en ? value.en : value.sv) : '';

/** A date as the reader writes it: `15 mars 2027` / `15 March 2027`. */
export const longDate = (isoDate: string, lang: Language): string =>
  new Date(isoDate.length === 10 ? `${isoDate}T12:00:00Z` : isoDate).toLocaleDateString(
    lang === 'en' ? 'en-GB' : 'sv-SE',
    {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Stockholm',
    },
  );
