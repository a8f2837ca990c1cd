import type { DialogueStatus } from '../dialogue/schema';
import type { FeedbackState } from '../dialogue/feedback';
import { formatNumber } from './format';

/** The officials' console, Swedish first; English has the same keys. */
const sv = {
  title: 'Medborgardialog – tjänstepersoner',
  appName: 'Medborgardialog',
  signInHeading: 'Logga in',
  signInLead: 'Här arbetar tjänstepersoner med nämndens medborgardialoger. Logga in med kommunens inloggning.',
  signIn: 'Logga in',
  signOut: 'Logga ut',
  signedInAs: (who: string) => `Inloggad som ${who}`,
  sessionEnded: 'Din inloggning har gått ut. Logga in igen.',
  loading: 'Hämtar …',
  loadFailed: 'Det gick inte att hämta dialogerna. Försök igen om en stund.',
  languageSwitch: 'In English',
  myDialogues: 'Mina dialoger',
  noDialogues: 'Dina nämnder har inga dialoger ännu.',
  columns: { title: 'Dialog', status: 'Status', closes: 'Stänger', feedback: 'Återkoppling utlovad' },
  listCaption: (n: number) => `${formatNumber(n, 'sv')} ${n === 1 ? 'dialog' : 'dialoger'}`,
  status: { draft: 'Utkast', open: 'Öppen', closed: 'Stängd', decided: 'Beslutad' } satisfies Record<
    DialogueStatus,
    string
  >,
  closesIn: (days: number) => (days === 0 ? 'i dag' : `om ${formatNumber(days, 'sv')} ${days === 1 ? 'dag' : 'dagar'}`),
  closed: 'stängd',
  noDate: '–',
  feedback: {
    'not-promised': 'Ej utlovad',
    pending: 'Väntar',
    overdue: 'Försenad',
    'on-time': 'Given i tid',
    late: 'Given för sent',
  } satisfies Record<FeedbackState, string>,
};

const en: typeof sv = {
  title: 'Medborgardialog – officials',
  appName: 'Medborgardialog',
  signInHeading: 'Sign in',
  signInLead: 'Officials run their committee’s citizen dialogues here. Sign in with the municipality’s sign-in.',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: (who: string) => `Signed in as ${who}`,
  sessionEnded: 'Your session has ended. Please sign in again.',
  loading: 'Loading …',
  loadFailed: 'The dialogues could not be loaded. Please try again in a while.',
  languageSwitch: 'På svenska',
  myDialogues: 'My dialogues',
  noDialogues: 'Your committees have no dialogues yet.',
  columns: { title: 'Dialogue', status: 'Status', closes: 'Closes', feedback: 'Feedback promised' },
  listCaption: (n: number) => `${formatNumber(n, 'en')} ${n === 1 ? 'dialogue' : 'dialogues'}`,
  status: { draft: 'Draft', open: 'Open', closed: 'Closed', decided: 'Decided' },
  closesIn: (days: number) => (days === 0 ? 'today' : `in ${formatNumber(days, 'en')} ${days === 1 ? 'day' : 'days'}`),
  closed: 'closed',
  noDate: '–',
  feedback: {
    'not-promised': 'Not promised',
    pending: 'Pending',
    overdue: 'Overdue',
    'on-time': 'Given on time',
    late: 'Given late',
  },
};

export const consoleCatalogues = { sv, en } as const;
export type ConsoleCatalogue = typeof sv;
