/**
 * The unsubscribe pages' texts. Each page says everything in both languages: the link carries no language, and
 * the reader may not read Swedish.
 */
const sv = {
  confirmTitle: 'Ta bort e-postadress',
  confirmHeading: 'Ta bort din e-postadress?',
  confirmMessage:
    'Vi använder adressen bara för att berätta resultatet och beslutet i dialogen. Tar du bort den får du inget mejl från oss om den.',
  confirmButton: 'Ta bort min e-postadress',
  removedTitle: 'E-postadressen är borttagen',
  removedHeading: 'Din e-postadress är borttagen',
  removedMessage: 'Du får inga fler mejl om den här dialogen.',
  alreadyTitle: 'E-postadressen är redan borttagen',
  alreadyHeading: 'Din e-postadress är redan borttagen',
  alreadyMessage:
    'Vi har inte kvar adressen för den här dialogen: den togs bort tidigare, av dig eller efter att vi skickat resultatet. Du får inga mejl om den.',
  resultsWhere: 'Resultatet och beslutet finns på kommunens resultatsida.',
  resultsLink: 'Till resultatsidan',
  badTitle: 'Ogiltig länk',
  badHeading: 'Länken fungerar inte',
  badMessage:
    'Kontrollera att hela länken från mejlet kom med, eller kontakta kommunen så tar vi bort adressen åt dig.',
};

const en: typeof sv = {
  confirmTitle: 'Remove email address',
  confirmHeading: 'Remove your email address?',
  confirmMessage:
    'We use the address only to tell you the result and the decision of the dialogue. If you remove it, you will get no email from us about it.',
  confirmButton: 'Remove my email address',
  removedTitle: 'The email address is removed',
  removedHeading: 'Your email address is removed',
  removedMessage: 'You will get no more email about this dialogue.',
  alreadyTitle: 'The email address is already removed',
  alreadyHeading: 'Your email address is already removed',
  alreadyMessage:
    'We no longer keep the address for this dialogue: it was removed before, by you or after we sent the result. You will get no email about it.',
  resultsWhere: 'The result and the decision are on the municipality’s results page.',
  resultsLink: 'Go to the results page',
  badTitle: 'Invalid link',
  badHeading: 'The link does not work',
  badMessage:
    'Check that the whole link from the email was used, or contact the municipality and we will remove the address for you.',
};

export const unsubscribeCatalogues = { sv, en } as const;
