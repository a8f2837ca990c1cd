import type { FeedbackState } from '../dialogue/feedback';
import { formatNumber } from './format';

/** The public register of dialogues (`/dialoger`), Swedish and English. */
const sv = {
  title: 'Kommunens medborgardialoger',
  lead: 'Alla dialoger som har öppnats, med vem som beslutar, hur mycket deltagarna kan påverka och om kommunen gav återkoppling i tid.',
  languageSwitch: 'In English',
  filterHeading: 'Visa',
  committee: 'Nämnd',
  status: 'Status',
  year: 'År',
  all: 'Alla',
  show: 'Visa',
  caption: (n: number) => `${formatNumber(n, 'sv')} ${n === 1 ? 'dialog' : 'dialoger'}`,
  columns: {
    dialogue: 'Dialog',
    status: 'Status',
    committee: 'Ansvarig nämnd',
    influence: 'Påverkan',
    opened: 'Öppnade',
    closed: 'Stängde',
    decided: 'Beslut',
    feedback: 'Återkoppling',
  },
  statuses: { open: 'Öppen', closed: 'Stängd', decided: 'Beslutad', evaluated: 'Utvärderad' },
  feedback: {
    'not-promised': 'Inget datum utlovat',
    pending: 'Utlovad',
    overdue: 'Försenad, inte given',
    'on-time': 'Given i tid',
    late: 'Given för sent',
  } satisfies Record<FeedbackState, string>,
  promised: (date: string) => `utlovad senast ${date}`,
  results: 'Resultat och beslut',
  none: 'Inga dialoger matchar.',
  notYet: '–',
};

const en: typeof sv = {
  title: 'The municipality’s citizen dialogues',
  lead: 'Every dialogue that has opened, with who decides, how much participants can influence, and whether the municipality gave feedback on time.',
  languageSwitch: 'På svenska',
  filterHeading: 'Show',
  committee: 'Committee',
  status: 'Status',
  year: 'Year',
  all: 'All',
  show: 'Show',
  caption: (n: number) => `${formatNumber(n, 'en')} ${n === 1 ? 'dialogue' : 'dialogues'}`,
  columns: {
    dialogue: 'Dialogue',
    status: 'Status',
    committee: 'Lead committee',
    influence: 'Influence',
    opened: 'Opened',
    closed: 'Closed',
    decided: 'Decision',
    feedback: 'Feedback',
  },
  statuses: { open: 'Open', closed: 'Closed', decided: 'Decided', evaluated: 'Evaluated' },
  feedback: {
    'not-promised': 'No date promised',
    pending: 'Promised',
    overdue: 'Overdue, not given',
    'on-time': 'Given on time',
    late: 'Given late',
  },
  promised: (date: string) => `promised by ${date}`,
  results: 'Results and decision',
  none: 'No dialogue matches.',
  notYet: '–',
};

export const registerCatalogues = { sv, en } as const;
