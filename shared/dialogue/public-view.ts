import { catalogues } from '../messages/catalogue';
import { type Municipality, committeeName } from '../municipality';
import type { Dialogue } from './schema';

const committeeRef = (municipality: Municipality, id: string) => ({ id, name: committeeName(municipality, id) });

/** When answering ended: an official's early close, else the closing time the scheduler acted on (it runs later). */
export function closedAt({ closedAt, closesAt }: Pick<Dialogue, 'closedAt' | 'closesAt'>): string | undefined {
  if (!closedAt) return undefined;
  return closesAt && Date.parse(closesAt) < Date.parse(closedAt) ? closesAt : closedAt;
}

/**
 * What citizens see (contract section 2): conditions first (P8), then the questions. Ranking questions over
 * the alternatives carry them as options, so a client needs nothing else to render them.
 */
export function publicDefinition(dialogue: Dialogue, municipality: Municipality) {
  const alternatives = dialogue.format.kind === 'alternatives' ? dialogue.format.alternatives : [];
  return {
    id: dialogue.id,
    status: dialogue.status,
    title: dialogue.title,
    summary: dialogue.summary,
    background: dialogue.background,
    format: dialogue.format,
    leadCommittee: dialogue.leadCommittee,
    committees: {
      lead: committeeRef(municipality, dialogue.leadCommittee),
      participating: dialogue.participatingCommittees.map((id) => committeeRef(municipality, id)),
    },
    conditions: {
      targetGroup: dialogue.targetGroup,
      question: dialogue.question,
      influence: dialogue.influence && {
        ...dialogue.influence,
        levelName: {
          sv: catalogues.sv.influenceLevels[dialogue.influence.level],
          en: catalogues.en.influenceLevels[dialogue.influence.level],
        },
      },
      decision: dialogue.decision && {
        ...dialogue.decision,
        committeeName: committeeRef(municipality, dialogue.decision.committee).name,
      },
      representativeDemocracy: { sv: catalogues.sv.representativeDemocracy, en: catalogues.en.representativeDemocracy },
      feedbackPromise: dialogue.feedbackPromise,
      dataHandling: { sv: catalogues.sv.dataHandling, en: catalogues.en.dataHandling },
    },
    caseNumber: dialogue.caseNumber,
    methods: dialogue.methods,
    opensAt: dialogue.opensAt,
    closesAt: dialogue.closesAt,
    closedAt: closedAt(dialogue),
    resultsVisibility: dialogue.resultsVisibility,
    questions: dialogue.questions.map((q) =>
      q.type === 'ranking' && q.rankOf === 'alternatives'
        ? { ...q, options: alternatives.map((a) => ({ id: a.id, label: a.title })) }
        : q,
    ),
    profileQuestions: {
      ...dialogue.profileQuestions,
      localities: dialogue.profileQuestions.locality ? municipality.localities : [],
    },
  };
}
export type PublicDefinition = ReturnType<typeof publicDefinition>;
