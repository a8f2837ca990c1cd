/** The feedback email's texts, Swedish first; English has the same keys. Numbers are written as each language writes them. */
const sv = {
  subject: (title: string) => `Resultat och beslut: ${title}`,
  greeting: 'Hej!',
  thanks: (title: string) =>
    `Tack för att du deltog i medborgardialogen ”${title}”. Här är resultatet och beslutet, som vi lovade.`,
  questionHeading: 'Frågan',
  decisionHeading: 'Beslutet',
  decidedBy: (committee: string, date: string) => `${committee} beslutade ${date}.`,
  chosen: (title: string) => `Valt förslag: ”${title}”.`,
  swedishOnly: 'Beslutet finns bara på svenska.',
  inSwedish: '(på svenska)',
  motivationHeading: 'Motivering',
  inputUseHeading: 'Så användes synpunkterna',
  influenceHeading: 'Vad du kunde påverka',
  influence: (level: string) => `Dialogen var på steget ”${level}” på delaktighetstrappan.`,
  minutes: (meeting: string, paragraph: string) => `Protokoll: ${meeting}, ${paragraph}.`,
  caseNumber: (n: string) => `Diarienummer: ${n}.`,
  more: 'Mer information',
  resultsLink: 'Hela resultatet och beslutet',
  why: 'Du får det här mejlet för att du lämnade din e-postadress när du svarade. Adressen raderas enligt kommunens regler för allmänna handlingar.',
  unsubscribe: 'Ta bort min e-postadress',
};

export type EmailCatalogue = typeof sv;

const en: EmailCatalogue = {
  subject: (title: string) => `Result and decision: ${title}`,
  greeting: 'Hello,',
  thanks: (title: string) =>
    `Thank you for taking part in the citizen dialogue “${title}”. Here are the result and the decision, as we promised.`,
  questionHeading: 'The question',
  decisionHeading: 'The decision',
  decidedBy: (committee: string, date: string) => `${committee} decided on ${date}.`,
  chosen: (title: string) => `Chosen proposal: “${title}”.`,
  swedishOnly: 'The decision is available in Swedish only; here it is in Swedish:',
  inSwedish: '(in Swedish)',
  motivationHeading: 'Motivation',
  inputUseHeading: 'How the input was used',
  influenceHeading: 'What you could influence',
  influence: (level: string) => `The dialogue was at the step “${level}” of the participation ladder.`,
  minutes: (meeting: string, paragraph: string) => `Minutes: ${meeting}, ${paragraph}.`,
  caseNumber: (n: string) => `Case number: ${n}.`,
  more: 'More information',
  resultsLink: 'The full result and decision',
  why: 'You get this email because you left your email address when you answered. The address is deleted under the municipality’s rules for public records.',
  unsubscribe: 'Remove my email address',
};

export const emailCatalogues = { sv, en } as const;
