import { formatNumber, formatPercent } from './format';

const n = { sv: (x: number) => formatNumber(x, 'sv'), en: (x: number) => formatNumber(x, 'en') };
const pct = { sv: (x: number) => formatPercent(x, 'sv'), en: (x: number) => formatPercent(x, 'en') };

/** Texts of the results page, Swedish first; English has the same keys. Numbers are written as each language writes them. */
const sv = {
  heading: 'Resultat',
  notFound: 'Det finns ingen dialog med den adressen.',
  languageSwitch: 'In English',
  status: {
    open: 'Dialogen pågår.',
    closed: 'Dialogen är stängd. Nämnden har ännu inte fattat beslut.',
    decided: 'Nämnden har fattat beslut.',
    evaluated: 'Nämnden har fattat beslut och utvärderat dialogen.',
    draft: '',
  },
  responses: (count: number) => `${n.sv(count)} ${count === 1 ? 'person har' : 'personer har'} svarat.`,
  updated: (when: string) => `Senast uppdaterat ${when}.`,
  notYetUpdated: 'Resultaten har inte sammanställts ännu.',
  hidden: (date: string) => `Resultaten visas när dialogen har stängt, ${date}.`,
  answered: (answered: number, skipped: number) => `${n.sv(answered)} svarade, ${n.sv(skipped)} hoppade över frågan.`,
  option: 'Svar',
  count: 'Antal',
  percent: 'Andel',
  mean: (m: number) => `Medelvärde ${n.sv(m)}`,
  median: (m: number) => `Median ${n.sv(m)}`,
  number: n.sv,
  percentage: pct.sv,
  barValue: (percent: number, count: number) => `${pct.sv(percent)} (${n.sv(count)} svar)`,
  firstChoices: 'Förstaval',
  meanRank: 'Genomsnittlig plats',
  borda: 'Poäng (Borda)',
  rankingNote: 'Poäng: förstaplatsen ger lika många poäng som antalet förslag minus ett, sistaplatsen noll.',
  textCount: (count: number) =>
    `${n.sv(count)} fritextsvar. De läses av tjänstepersonerna och sammanfattas inför beslutet.`,
  alternativesHeading: 'Förslagen jämförda',
  alternative: 'Förslag',
  votes: 'Röster som bästa förslag',
  ratingMean: 'Medelbetyg',
  breakdownSummary: 'Visa uppdelning efter relation, ålder och ort',
  group: 'Grupp',
  respondents: 'Svarande',
  suppressed: (threshold: number) => `färre än ${threshold}`,
  complementary: 'dold, så att en mindre grupp inte kan räknas fram',
  suppressionNote: (threshold: number) =>
    `Grupper med färre än ${threshold} svarande visas inte, så att ingen enskild person kan pekas ut. Ibland döljs också en större grupp bredvid, så att den mindre inte kan räknas fram ur totalen.`,
  participationHeading: 'Deltagande per dag',
  methodsHeading: 'Svar per metod',
  method: 'Metod',
  methods: { web: 'Webbenkäten', paper: 'Pappersblankett', meeting: 'Möte', total: 'Totalt' },
  date: 'Datum',
  reachHeading: 'Nådde dialogen målgruppen?',
  reach: (share: number | null, inside: number, outside: number, unknown: number) =>
    share === null
      ? `Ingen av de svarande angav uppgifter som visar om de tillhör målgruppen (${n.sv(unknown)} angav inget).`
      : `${pct.sv(share)} av dem som angav uppgifterna tillhör målgruppen (${n.sv(inside)} inom, ${n.sv(outside)} utanför, ${n.sv(unknown)} angav inget).`,
  groups: { relation: 'Relation', ageBand: 'Ålder', locality: 'Ort' },
  decisionHeading: 'Beslut',
  decidedBy: (committee: string, date: string) => `${committee} beslutade ${date}.`,
  chosen: 'Valt förslag',
  motivation: 'Motivering',
  inputUse: 'Så användes synpunkterna',
  minutes: 'Protokoll',
  decisionLink: 'Läs beslutet',
  swedishOnly: 'Beslutet finns bara på svenska.',
  inSwedish: '(på svenska)',
  yes: 'Ja',
  no: 'Nej',
};

export type ResultsCatalogue = typeof sv;

const en: ResultsCatalogue = {
  heading: 'Results',
  notFound: 'There is no dialogue at that address.',
  languageSwitch: 'På svenska',
  status: {
    open: 'The dialogue is in progress.',
    closed: 'The dialogue is closed. The committee has not decided yet.',
    decided: 'The committee has decided.',
    evaluated: 'The committee has decided and evaluated the dialogue.',
    draft: '',
  },
  responses: (count: number) => `${n.en(count)} ${count === 1 ? 'person has' : 'people have'} answered.`,
  updated: (when: string) => `Last updated ${when}.`,
  notYetUpdated: 'The results have not been compiled yet.',
  hidden: (date: string) => `The results are shown when the dialogue has closed, ${date}.`,
  answered: (answered: number, skipped: number) => `${n.en(answered)} answered, ${n.en(skipped)} skipped the question.`,
  option: 'Answer',
  count: 'Number',
  percent: 'Share',
  mean: (m: number) => `Mean ${n.en(m)}`,
  median: (m: number) => `Median ${n.en(m)}`,
  number: n.en,
  percentage: pct.en,
  barValue: (percent: number, count: number) =>
    `${pct.en(percent)} (${n.en(count)} ${count === 1 ? 'answer' : 'answers'})`,
  firstChoices: 'First choices',
  meanRank: 'Average place',
  borda: 'Points (Borda)',
  rankingNote: 'Points: first place gives as many points as there are proposals minus one, last place none.',
  textCount: (count: number) =>
    `${n.en(count)} free-text answers. Officials read them and summarise them before the decision.`,
  alternativesHeading: 'The proposals compared',
  alternative: 'Proposal',
  votes: 'Votes as the best proposal',
  ratingMean: 'Mean rating',
  breakdownSummary: 'Show breakdown by relation, age and locality',
  group: 'Group',
  respondents: 'Respondents',
  suppressed: (threshold: number) => `fewer than ${threshold}`,
  complementary: 'hidden, so that a smaller group cannot be worked out',
  suppressionNote: (threshold: number) =>
    `Groups with fewer than ${threshold} respondents are not shown, so that no individual can be singled out. Sometimes a larger group beside one is hidden too, so that the smaller cannot be worked out from the total.`,
  participationHeading: 'Participation per day',
  methodsHeading: 'Responses by method',
  method: 'Method',
  methods: { web: 'The web survey', paper: 'Paper form', meeting: 'Meeting', total: 'Total' },
  date: 'Date',
  reachHeading: 'Did the dialogue reach its target group?',
  reach: (share: number | null, inside: number, outside: number, unknown: number) =>
    share === null
      ? `None of the respondents gave the details that show whether they belong to the target group (${n.en(unknown)} gave none).`
      : `${pct.en(share)} of those who gave the details belong to the target group (${n.en(inside)} inside, ${n.en(outside)} outside, ${n.en(unknown)} gave none).`,
  groups: { relation: 'Relation', ageBand: 'Age', locality: 'Locality' },
  decisionHeading: 'Decision',
  decidedBy: (committee: string, date: string) => `${committee} decided on ${date}.`,
  chosen: 'Chosen proposal',
  motivation: 'Motivation',
  inputUse: 'How the input was used',
  minutes: 'Minutes',
  decisionLink: 'Read the decision',
  swedishOnly: 'The decision is available in Swedish only; here it is in Swedish.',
  inSwedish: '(in Swedish)',
  yes: 'Yes',
  no: 'No',
};

export const resultsCatalogues = { sv, en } as const;
