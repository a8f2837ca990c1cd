/**
 * The reminder to the lead committee (P12) that participants were promised feedback by a date and no decision is
 * registered yet. Sent in Swedish; English has the same keys. Swedish first.
 */
const sv = {
  subject: {
    upcoming: (title: string, date: string) => `Påminnelse: återkoppling senast ${date}, ”${title}”`,
    overdue: (title: string) => `Återkopplingen är försenad: ”${title}”`,
  },
  greeting: 'Hej!',
  promise: (title: string, committee: string, date: string) =>
    `I medborgardialogen ”${title}” lovade ${committee} deltagarna återkoppling senast ${date}.`,
  state: {
    upcoming: 'Inget beslut är registrerat ännu.',
    overdue:
      'Datumet har passerat och inget beslut är registrerat. I kommunens offentliga register över dialoger står återkopplingen nu som försenad.',
  },
  action:
    'Registrera nämndens beslut i konsolen när det är fattat. Då publiceras det på resultatsidan och alla deltagare som lämnade sin e-postadress får resultatet och beslutet.',
  consoleLink: 'Dialogen i konsolen',
  why: 'Du får det här mejlet eftersom adressen är angiven för nämndens påminnelser om medborgardialoger. Varje påminnelse skickas en gång.',
};

const en: typeof sv = {
  subject: {
    upcoming: (title: string, date: string) => `Reminder: feedback due by ${date}, “${title}”`,
    overdue: (title: string) => `Feedback is overdue: “${title}”`,
  },
  greeting: 'Hello,',
  promise: (title: string, committee: string, date: string) =>
    `In the citizen dialogue “${title}”, ${committee} promised the participants feedback by ${date}.`,
  state: {
    upcoming: 'No decision is registered yet.',
    overdue:
      'The date has passed and no decision is registered. The municipality’s public register of dialogues now shows the feedback as overdue.',
  },
  action:
    'Register the committee’s decision in the console once it is taken. It is then published on the results page, and every participant who left an email address gets the result and the decision.',
  consoleLink: 'The dialogue in the console',
  why: 'You get this email because this address is given for the committee’s reminders about citizen dialogues. Each reminder is sent once.',
};

export const reminderCatalogues = { sv, en } as const;
