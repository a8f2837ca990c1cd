/** The participants' rating (P14): the page the feedback email links to, and the email's line. */
const sv = {
  title: 'Kände du dig hörd?',
  lead: (dialogue: string) =>
    `Du deltog i medborgardialogen ”${dialogue}”. Hjälp kommunen att bli bättre på dialog: svara på en fråga. Ditt svar sparas utan din e-postadress och utan koppling till dina svar i dialogen.`,
  question: 'Kände du dig hörd?',
  minLabel: 'Inte alls',
  maxLabel: 'Helt och hållet',
  comment: 'Vill du säga något mer om dialogen?',
  commentHelp: 'Skriv inte namn eller annat som visar vem du är.',
  submit: 'Skicka',
  languageSwitch: 'In English',
  thanksTitle: 'Tack för ditt svar',
  thanks: 'Vi har tagit emot ditt svar. Det hjälper kommunen att följa upp och förbättra sina dialoger.',
  alreadyTitle: 'Du har redan svarat',
  already: 'Vi har redan tagit emot ett svar från den här länken. Varje länk kan användas en gång.',
  badTitle: 'Länken fungerar inte',
  bad: 'Kontrollera att hela länken från mejlet kom med.',
  resultsLink: 'Till resultatet och beslutet',
  emailLine: 'Svara på en fråga om hur dialogen fungerade för dig',
};

const en: typeof sv = {
  title: 'Did you feel heard?',
  lead: (dialogue: string) =>
    `You took part in the citizen dialogue “${dialogue}”. Help the municipality get better at dialogue: answer one question. Your answer is stored without your email address and with no link to your answers in the dialogue.`,
  question: 'Did you feel heard?',
  minLabel: 'Not at all',
  maxLabel: 'Completely',
  comment: 'Is there anything more you want to say about the dialogue?',
  commentHelp: 'Do not write names or anything else that shows who you are.',
  submit: 'Send',
  languageSwitch: 'På svenska',
  thanksTitle: 'Thank you for your answer',
  thanks: 'We have received your answer. It helps the municipality follow up and improve its dialogues.',
  alreadyTitle: 'You have answered already',
  already: 'We have already received an answer from this link. Each link can be used once.',
  badTitle: 'The link does not work',
  bad: 'Check that the whole link from the email was used.',
  resultsLink: 'Go to the result and the decision',
  emailLine: 'Answer one question on how the dialogue worked for you',
};

export const ratingCatalogues = { sv, en } as const;
