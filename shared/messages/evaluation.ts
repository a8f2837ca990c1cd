import type { methods } from '../dialogue/schema';
import type { Judgement } from '../evaluation/schema';

type Method = (typeof methods)[number];

/** P14's evaluation: the names the console, the yearly report and the CSV give its figures, Swedish and English. */
const sv = {
  methods: {
    'web-survey': 'Webbenkät',
    meeting: 'Möte',
    workshop: 'Workshop',
    walk: 'Vandring',
    'focus-group': 'Fokusgrupp',
    other: 'Annan metod',
  } satisfies Record<Method, string>,
  judgements: { yes: 'Ja', partly: 'Delvis', no: 'Nej' } satisfies Record<Judgement, string>,
  questions: {
    purpose: 'Nådde dialogen sitt syfte?',
    method: 'Var metoden rätt för frågan och målgruppen?',
    accessibility: 'Var dialogen tillgänglig för alla som berördes?',
    comment: 'Kommentar',
    reached: 'Vilka deltog – vilka grupper nådde dialogen?',
    missed: 'Vilka deltog inte – vilka grupper saknades?',
    worked: 'Vad fungerade bra?',
    change: 'Vad gör ni annorlunda nästa gång?',
  },
  csv: {
    sheet: 'utvärdering',
    year: 'år',
    committee: 'nämnd',
    dialogues: 'dialoger',
    influence: 'påverkan',
    method: 'metod',
    medianParticipation: 'median deltagare',
    onTime: 'återkoppling i tid %',
    feedbackCounts: 'i tid/för sent/försenad/utlovad',
    ratingMean: 'medelbetyg deltagare',
    ratings: 'antal betyg',
    evaluated: 'utvärderade',
    overdue: 'försenad återkoppling',
    promisedBy: 'utlovad senast',
    dialogue: 'dialog',
    title: 'titel',
    status: 'status',
    responses: 'svar',
    web: 'webb',
    paper: 'papper',
    meetingEntries: 'möte',
    insideShare: 'inom målgruppen %',
    noProfile: 'utan profil',
    closeToDecision: 'dagar stängd–beslut',
    decisionToFeedback: 'dagar beslut–återkoppling',
    feedback: 'återkoppling',
    recipients: 'mottagare',
    sent: 'skickade',
    failed: 'misslyckade',
    bounced: 'studsade',
    unsubscribed: 'avregistrerade',
    evaluatedAt: 'utvärderad',
  },
  total: 'Hela kommunen',
};

const en: typeof sv = {
  methods: {
    'web-survey': 'Web survey',
    meeting: 'Meeting',
    workshop: 'Workshop',
    walk: 'Walk',
    'focus-group': 'Focus group',
    other: 'Other method',
  },
  judgements: { yes: 'Yes', partly: 'Partly', no: 'No' },
  questions: {
    purpose: 'Did the dialogue reach its purpose?',
    method: 'Was the method right for the question and the target group?',
    accessibility: 'Was the dialogue accessible to everyone it concerned?',
    comment: 'Comment',
    reached: 'Who took part – which groups did the dialogue reach?',
    missed: 'Who did not take part – which groups were missing?',
    worked: 'What worked well?',
    change: 'What will you do differently next time?',
  },
  csv: sv.csv,
  total: 'The whole municipality',
};

export const evaluationCatalogues = { sv, en } as const;
