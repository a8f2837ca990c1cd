import type { Language } from './language';

/**
 * Numbers as the reader writes them, through Intl: Swedish `1 234`, `3,45`, `33,3 %`; English `1,234`, `3.45`,
 * `33.3%`. Swedish puts a no-break space (U+00A0) between digit groups and before `%`, so a share never wraps
 * away from its number; the Swedish style it follows (Språkrådet) writes the space before `%` too.
 */
const LOCALES = { sv: 'sv-SE', en: 'en-GB' } as const satisfies Record<Language, string>;

const numberFormats = {
  sv: new Intl.NumberFormat(LOCALES.sv, { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat(LOCALES.en, { maximumFractionDigits: 2 }),
};
const percentFormats = {
  sv: new Intl.NumberFormat(LOCALES.sv, { style: 'percent', maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat(LOCALES.en, { style: 'percent', maximumFractionDigits: 1 }),
};

/** A count, mean, median or mean rank: at most two decimals (the results carry no more). */
export const formatNumber = (n: number, lang: Language): string => numberFormats[lang].format(n);

/** A share given as 0–100 (as the results carry it), at most one decimal: `33,3 %` / `33.3%`. */
export const formatPercent = (percent: number, lang: Language): string => percentFormats[lang].format(percent / 100);

/**
 * A number for a Swedish spreadsheet cell: decimal comma, no digit grouping and an ASCII minus, so Excel and
 * LibreOffice in Swedish read it as a number (Intl's sv-SE grouping space and U+2212 minus would make it text).
 */
export const csvNumber = (n: number): string => String(n).replace('.', ',');

const csvDateTimeFormat = new Intl.DateTimeFormat(LOCALES.sv, {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** A moment for a Swedish spreadsheet cell, in Swedish time: `2026-03-12 10:00`, which Excel in Swedish reads as a date and time. */
export const csvDateTime = (iso: string): string => csvDateTimeFormat.format(new Date(iso));
