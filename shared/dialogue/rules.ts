import type { Caller } from '../access';
import { mayManage } from '../access';
import { ConflictError, ForbiddenError, IncompleteError, type Issue, ValidationError } from '../errors';
import type { Municipality } from '../municipality';
import type { Dialogue, DialogueDefinition, DialogueStatus } from './schema';

const issue = (path: string, message: string, messageEn: string): Issue => ({ path, message, messageEn });

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

/** Cross-field rules a definition must meet even as a draft; each broken rule is one 400 issue. */
export function definitionIssues(definition: DialogueDefinition, municipality: Municipality): Issue[] {
  const issues: Issue[] = [];
  const committees = new Set(municipality.committees.map((c) => c.id));
  const alternatives = definition.format.kind === 'alternatives' ? definition.format.alternatives.map((a) => a.id) : [];

  if (!committees.has(definition.leadCommittee)) {
    issues.push(
      issue(
        'leadCommittee',
        `Okänd nämnd "${definition.leadCommittee}".`,
        `Unknown committee "${definition.leadCommittee}".`,
      ),
    );
  }
  definition.participatingCommittees.forEach((c, i) => {
    if (!committees.has(c))
      issues.push(issue(`participatingCommittees.${i}`, `Okänd nämnd "${c}".`, `Unknown committee "${c}".`));
    if (c === definition.leadCommittee) {
      issues.push(
        issue(
          `participatingCommittees.${i}`,
          'Den huvudansvariga nämnden ska inte också stå som deltagande.',
          'The lead committee must not also be listed as participating.',
        ),
      );
    }
  });
  for (const c of duplicates(definition.participatingCommittees)) {
    issues.push(
      issue(
        'participatingCommittees',
        `Nämnden "${c}" står flera gånger.`,
        `Committee "${c}" is listed more than once.`,
      ),
    );
  }
  if (definition.decision && !committees.has(definition.decision.committee)) {
    issues.push(
      issue(
        'decision.committee',
        `Okänd nämnd "${definition.decision.committee}".`,
        `Unknown committee "${definition.decision.committee}".`,
      ),
    );
  }
  for (const id of duplicates(alternatives)) {
    issues.push(
      issue(
        'format.alternatives',
        `Förslaget "${id}" finns flera gånger.`,
        `Alternative "${id}" appears more than once.`,
      ),
    );
  }
  if (definition.opensAt && definition.closesAt && Date.parse(definition.closesAt) <= Date.parse(definition.opensAt)) {
    issues.push(
      issue('closesAt', 'Dialogen måste stänga efter att den öppnar.', 'The dialogue must close after it opens.'),
    );
  }
  for (const id of duplicates(definition.questions.map((q) => q.id))) {
    issues.push(issue('questions', `Frågan "${id}" finns flera gånger.`, `Question "${id}" appears more than once.`));
  }
  definition.questions.forEach((question, i) => {
    const at = `questions.${i}`;
    if ('options' in question && question.options) {
      for (const id of duplicates(question.options.map((o) => o.id))) {
        issues.push(
          issue(
            `${at}.options`,
            `Svarsalternativet "${id}" finns flera gånger.`,
            `Option "${id}" appears more than once.`,
          ),
        );
      }
    }
    if (question.type === 'multiple' && question.maxChoices > question.options.length) {
      issues.push(
        issue(
          `${at}.maxChoices`,
          'Fler val tillåts än det finns alternativ.',
          'More choices are allowed than there are options.',
        ),
      );
    }
    if (question.type === 'rating' && question.scale.min >= question.scale.max) {
      issues.push(
        issue(
          `${at}.scale`,
          'Skalans lägsta värde måste vara mindre än det högsta.',
          'The scale minimum must be below its maximum.',
        ),
      );
    }
    if (question.type === 'ranking' && question.rankOf === 'options' && !question.options) {
      issues.push(
        issue(`${at}.options`, 'En rangordning behöver alternativ att rangordna.', 'A ranking needs options to rank.'),
      );
    }
    if (question.type === 'ranking' && question.rankOf === 'alternatives' && alternatives.length === 0) {
      issues.push(
        issue(
          `${at}.rankOf`,
          'Att rangordna förslagen kräver formatet med alternativa förslag.',
          'Ranking the alternatives needs the alternatives format.',
        ),
      );
    }
    if (question.concerns && !alternatives.includes(question.concerns)) {
      issues.push(
        issue(
          `${at}.concerns`,
          `Förslaget "${question.concerns}" finns inte.`,
          `There is no alternative "${question.concerns}".`,
        ),
      );
    }
  });
  return issues;
}

/** A policy field that must be filled in before a dialogue can open, in words an official understands. */
export type MissingField = Issue;
const missing = issue;

/** P5–P8, P12: what is missing before the dialogue may open (empty when it may). */
export function missingForOpening(definition: DialogueDefinition, now: Date): MissingField[] {
  const gaps: MissingField[] = [];
  if (!definition.summary)
    gaps.push(
      missing('summary', 'Skriv en kort sammanfattning av dialogen.', 'Write a short summary of the dialogue.'),
    );
  if (!definition.background) {
    gaps.push(
      missing(
        'background',
        'Beskriv bakgrunden: kommunens ansvar och vad som måste prioriteras (P5).',
        'Describe the background: the municipality’s responsibilities and what must be prioritised (P5).',
      ),
    );
  }
  if (!definition.targetGroup)
    gaps.push(
      missing(
        'targetGroup',
        'Ange målgruppen: vilka dialogen vänder sig till (P6).',
        'State the target group: whom the dialogue is for (P6).',
      ),
    );
  if (!definition.question)
    gaps.push(
      missing(
        'question',
        'Formulera frågan som invånarna ska svara på (P6).',
        'Write the question citizens are asked (P6).',
      ),
    );
  if (!definition.influence) {
    gaps.push(
      missing(
        'influence',
        'Ange påverkbarheten: steg på delaktighetstrappan och vad som kan och inte kan ändras (P6).',
        'State the degree of influence: the ladder step and what can and cannot change (P6).',
      ),
    );
  }
  if (!definition.decision)
    gaps.push(
      missing(
        'decision',
        'Ange vilken nämnd som beslutar och när beslutet väntas (P7).',
        'State which committee decides and when the decision is expected (P7).',
      ),
    );
  if (!definition.feedbackPromise) {
    gaps.push(
      missing(
        'feedbackPromise',
        'Beskriv hur och när deltagarna får veta resultatet (P12).',
        'Describe how and when participants will hear the result (P12).',
      ),
    );
  }
  if (!definition.closesAt)
    gaps.push(missing('closesAt', 'Ange när dialogen stänger.', 'State when the dialogue closes.'));
  else if (Date.parse(definition.closesAt) <= now.getTime()) {
    gaps.push(
      missing(
        'closesAt',
        'Stängningstiden har redan passerat; välj en senare tid.',
        'The closing time has already passed; choose a later one.',
      ),
    );
  }
  if (definition.methods.includes('web-survey') && definition.questions.length === 0) {
    gaps.push(
      missing('questions', 'En webbenkät behöver minst en fråga.', 'A web survey needs at least one question.'),
    );
  }
  return gaps;
}

const DAY_MS = 86_400_000;
/** P7: warn when the decision follows the close so soon that the input can hardly be considered. */
export const MIN_DAYS_CLOSE_TO_DECISION = 14;

export function openingWarnings(definition: DialogueDefinition): MissingField[] {
  if (!definition.closesAt || !definition.decision) return [];
  const days = (Date.parse(definition.decision.expectedDate) - Date.parse(definition.closesAt)) / DAY_MS;
  return days < MIN_DAYS_CLOSE_TO_DECISION
    ? [
        missing(
          'decision.expectedDate',
          `Beslutet väntas bara ${Math.floor(days)} dagar efter att dialogen stänger; synpunkterna hinner knappt beaktas (P7).`,
          `The decision is expected only ${Math.floor(days)} days after the dialogue closes; there is little time to consider the input (P7).`,
        ),
      ]
    : [];
}

export function assertMayManage(caller: Caller, dialogue: Pick<Dialogue, 'leadCommittee'>): void {
  if (!mayManage(caller, dialogue.leadCommittee)) {
    throw new ForbiddenError('Only officials of the lead committee, or an administrator, may change this dialogue.');
  }
}

/** JSON with object keys sorted, so equal values compare equal whatever order storage returned them in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Everything that shapes the answers; locked once a response exists. */
export const answerShape = (d: DialogueDefinition): string => canonical([d.questions, d.format, d.profileQuestions]);

export function createDialogue(
  definition: DialogueDefinition,
  caller: Caller,
  municipality: Municipality,
  ids: { id: string; now: Date; responseShards: number },
): Dialogue {
  assertMayManage(caller, definition);
  const issues = definitionIssues(definition, municipality);
  if (issues.length > 0) throw new ValidationError(issues);
  const at = ids.now.toISOString();
  return {
    ...definition,
    id: ids.id,
    status: 'draft',
    createdAt: at,
    updatedAt: at,
    version: 1,
    responseShards: ids.responseShards,
    createdBy: caller.sub,
  };
}

export function editDialogue(
  existing: Dialogue,
  definition: DialogueDefinition,
  caller: Caller,
  municipality: Municipality,
  now: Date,
): Dialogue {
  assertMayManage(caller, existing);
  assertMayManage(caller, definition);
  const issues = definitionIssues(definition, municipality);
  if (issues.length > 0) throw new ValidationError(issues);
  if (existing.status === 'decided') throw new ConflictError('A decided dialogue can no longer be edited.');
  if (existing.firstResponseAt !== undefined && answerShape(existing) !== answerShape(definition)) {
    throw new ConflictError(
      'The questions are locked: responses have already been given. Copy the dialogue to ask different questions.',
    );
  }
  if (existing.status !== 'draft') {
    const gaps = missingForOpening(definition, new Date(0));
    if (gaps.length > 0) throw new IncompleteError(gaps);
  }
  // The body replaces the whole definition (a field left out is removed); only server-managed fields carry over.
  const { id, status, createdAt, responseShards, openedAt, closedAt, createdBy, decisionRecord, firstResponseAt } =
    existing;
  return {
    ...definition,
    id,
    status,
    createdAt,
    responseShards,
    createdBy,
    ...(openedAt ? { openedAt } : {}),
    ...(closedAt ? { closedAt } : {}),
    ...(decisionRecord ? { decisionRecord } : {}),
    ...(firstResponseAt ? { firstResponseAt } : {}),
    updatedAt: now.toISOString(),
    version: existing.version + 1,
  };
}

const transitions: Partial<Record<DialogueStatus, readonly DialogueStatus[]>> = {
  draft: ['open'],
  open: ['closed'],
};

export function changeStatus(dialogue: Dialogue, to: 'open' | 'closed', caller: Caller, now: Date): Dialogue {
  assertMayManage(caller, dialogue);
  if (!transitions[dialogue.status]?.includes(to)) {
    throw new ConflictError(`A dialogue that is ${dialogue.status} cannot become ${to}.`);
  }
  if (to === 'open') {
    const gaps = missingForOpening(dialogue, now);
    if (gaps.length > 0) throw new IncompleteError(gaps);
  }
  const at = now.toISOString();
  return {
    ...dialogue,
    status: to,
    updatedAt: at,
    version: dialogue.version + 1,
    ...(to === 'open' ? { openedAt: at } : { closedAt: at }),
  };
}

/** Whether citizens may answer right now. */
export function isAcceptingResponses(dialogue: Dialogue, now: Date): boolean {
  if (dialogue.status !== 'open') return false;
  if (dialogue.opensAt && Date.parse(dialogue.opensAt) > now.getTime()) return false;
  return !dialogue.closesAt || Date.parse(dialogue.closesAt) > now.getTime();
}

/** The scheduler closes an open dialogue once its closing time has passed. */
export function closeIfDue(dialogue: Dialogue, now: Date): Dialogue | undefined {
  if (dialogue.status !== 'open' || !dialogue.closesAt || Date.parse(dialogue.closesAt) > now.getTime())
    return undefined;
  const at = now.toISOString();
  return { ...dialogue, status: 'closed', closedAt: at, updatedAt: at, version: dialogue.version + 1 };
}
