/** The local identity provider's pages, Swedish first; English has the same keys. */
const sv = {
  title: 'Logga in lokalt',
  heading: 'Logga in i den lokala miljön',
  lead: 'Det här är den lokala identitetsleverantören, i stället för kommunens inloggning. Välj vilka nämnder du arbetar för; inget lösenord behövs.',
  committees: 'Nämnder',
  noneChosen: 'Välj minst en nämnd, eller administratör.',
  admin: 'Administratör för hela kommunen',
  email: 'E-postadress (frivillig)',
  signIn: 'Logga in',
  cancel: 'Avbryt',
  refusedTitle: 'Inloggningen kan inte starta',
  refused: (fields: string) => `Begäran från appen saknar eller har fel värde i: ${fields}.`,
  signedOutTitle: 'Du är utloggad',
  signedOut: 'Du är utloggad från den lokala miljön.',
};

const en: typeof sv = {
  title: 'Sign in locally',
  heading: 'Sign in to the local stack',
  lead: 'This is the local identity provider, standing in for the municipality’s sign-in. Choose the committees you work for; no password is needed.',
  committees: 'Committees',
  noneChosen: 'Choose at least one committee, or administrator.',
  admin: 'Administrator for the whole municipality',
  email: 'Email address (optional)',
  signIn: 'Sign in',
  cancel: 'Cancel',
  refusedTitle: 'Sign-in cannot start',
  refused: (fields: string) => `The app’s request lacks or has a wrong value in: ${fields}.`,
  signedOutTitle: 'You are signed out',
  signedOut: 'You are signed out of the local stack.',
};

export const signInCatalogues = { sv, en } as const;
