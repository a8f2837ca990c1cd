import type { Localized } from '../dialogue/text';
import type { Language } from '../messages/language';

/** Text the reader gets in Swedish because no English was written (only ever true for an English reader). */
export const swedishOnly = (value: Localized | undefined, lang: Language): boolean =>
  lang === 'en' && value !== undefined && !value.en;

/**
 * Whether the decision's summary, as the reader sees it, already names the chosen proposal. Then the decision is
 * said once, in the committee's words, and no separate "chosen proposal" line repeats it.
 */
export const summaryNames = (summary: string, title: string): boolean =>
  title !== '' && summary.toLocaleLowerCase('sv').includes(title.toLocaleLowerCase('sv'));
