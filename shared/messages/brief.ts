import { formatNumber, formatPercent } from './format';

/** The result in a few lines, for the feedback email and the embed after the close. Swedish first; English has the same keys. */
const sv = {
  heading: 'Resultatet i korthet',
  responses: (n: number) => `${formatNumber(n, 'sv')} ${n === 1 ? 'person' : 'personer'} svarade.`,
  leading: (title: string, share: number) =>
    `Flest valde förslaget ”${title}” (${formatPercent(share, 'sv')} av dem som svarade på frågan).`,
  tied: (votes: string) => `Inget förslag fick flest röster ensamt: ${votes}.`,
  votes: (title: string, n: number) => `”${title}” ${formatNumber(n, 'sv')}`,
  topAnswer: (question: string, answer: string, share: number) =>
    `${question} Vanligaste svaret: ${answer} (${formatPercent(share, 'sv')}).`,
  yes: 'ja',
  no: 'nej',
};

const en: typeof sv = {
  heading: 'The result in brief',
  responses: (n: number) => `${formatNumber(n, 'en')} ${n === 1 ? 'person' : 'people'} answered.`,
  leading: (title: string, share: number) =>
    `Most chose the proposal “${title}” (${formatPercent(share, 'en')} of those who answered the question).`,
  tied: (votes: string) => `No proposal alone got the most votes: ${votes}.`,
  votes: (title: string, n: number) => `“${title}” ${formatNumber(n, 'en')}`,
  topAnswer: (question: string, answer: string, share: number) =>
    `${question} Most common answer: ${answer} (${formatPercent(share, 'en')}).`,
  yes: 'yes',
  no: 'no',
};

export const briefCatalogues = { sv, en } as const;
