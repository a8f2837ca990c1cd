/** The invitation kit (P8: the conditions are clear when the invitation goes out). Swedish first; English has the same keys. */
const sv = {
  posterKicker: (municipality: string) => `${municipality} vill veta vad du tycker`,
  closesBy: (date: string) => `Svara senast ${date}.`,
  howToAnswer: 'Skanna QR-koden med mobilens kamera, eller skriv in adressen:',
  qrLabel: (url: string) => `QR-kod till enkäten: ${url}`,
  anonymous: 'Det tar några minuter. Du behöver inte logga in, och dina svar är anonyma.',
  influence: (level: string) => `Din grad av inflytande: ${level}.`,
  canChange: (what: string) => `Det här kan du påverka: ${what}`,
  feedback: (date: string) => `Alla som lämnar sin e-postadress får veta resultatet och beslutet senast ${date}.`,
  textOpening: (title: string) => `Tyck till: ${title}`,
  textAnswer: (url: string, date: string) => `Svara senast ${date} på ${url}`,
};

const en: typeof sv = {
  posterKicker: (municipality: string) => `${municipality} wants to know what you think`,
  closesBy: (date: string) => `Answer by ${date}.`,
  howToAnswer: 'Scan the QR code with your phone’s camera, or type the address:',
  qrLabel: (url: string) => `QR code to the survey: ${url}`,
  anonymous: 'It takes a few minutes. You do not need to log in, and your answers are anonymous.',
  influence: (level: string) => `Your degree of influence: ${level}.`,
  canChange: (what: string) => `What you can influence: ${what}`,
  feedback: (date: string) => `Everyone who leaves an email address learns the result and the decision by ${date}.`,
  textOpening: (title: string) => `Have your say: ${title}`,
  textAnswer: (url: string, date: string) => `Answer by ${date} at ${url}`,
};

export const invitationCatalogues = { sv, en } as const;
