/** The languages the product speaks: Swedish first, English second. */
export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];

/** The other language: where a language switch leads. */
export const otherLanguage = (lang: Language): Language => (lang === 'sv' ? 'en' : 'sv');

/** A text a person reads, in both languages: every issue and every refusal carries one. */
export interface Bilingual {
  readonly sv: string;
  readonly en: string;
}
