import type { Caller } from '../access';
import { mayManage } from '../access';
import { ForbiddenError, type Issue, issue } from '../errors';
import * as says from '../messages/issues';
import * as refusals from '../messages/refusals';
import type { Municipality } from '../municipality';
import { canonical } from '../canonical';
import type { Dialogue, DialogueDefinition } from './schema';

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

/** Cross-field rules a definition must meet even as a draft; each broken rule is one 400 issue. */
export function definitionIssues(definition: DialogueDefinition, municipality: Municipality): Issue[] {
  const issues: Issue[] = [];
  const committees = new Set(municipality.committees.map((c) => c.id));
  const alternatives = definition.format.kind === 'alternatives' ? definition.format.alternatives.map((a) => a.id) : [];

  if (!committees.has(definition.leadCommittee)) {
    issues.push(issue('leadCommittee', says.unknownCommittee(definition.leadCommittee)));
  }
  definition.participatingCommittees.forEach((c, i) => {
    if (!committees.has(c)) issues.push(issue(`participatingCommittees.${i}`, says.unknownCommittee(c)));
    if (c === definition.leadCommittee)
      issues.push(issue(`participatingCommittees.${i}`, says.leadAlsoParticipating()));
  });
  for (const c of duplicates(definition.participatingCommittees)) {
    issues.push(issue('participatingCommittees', says.committeeListedTwice(c)));
  }
  if (definition.decision && !committees.has(definition.decision.committee)) {
    issues.push(issue('decision.committee', says.unknownCommittee(definition.decision.committee)));
  }
  for (const id of duplicates(alternatives)) issues.push(issue('format.alternatives', says.alternativeTwice(id)));
  if (definition.opensAt && definition.closesAt && Date.parse(definition.closesAt) <= Date.parse(definition.opensAt)) {
    issues.push(issue('closesAt', says.closesBeforeOpening()));
  }
  for (const id of duplicates(definition.questions.map((q) => q.id))) {
    issues.push(issue('questions', says.questionTwice(id)));
  }
  definition.questions.forEach((question, i) => {
    const at = `questions.${i}`;
    if ('options' in question && question.options) {
      for (const id of duplicates(question.options.map((o) => o.id))) {
        issues.push(issue(`${at}.options`, says.optionTwice(id)));
      }
    }
    if (question.type === 'multiple' && question.maxChoices > question.options.length) {
      issues.push(issue(`${at}.maxChoices`, says.moreChoicesThanOptions()));
    }
    if (question.type === 'rating' && question.scale.min >= question.scale.max) {
      issues.push(issue(`${at}.scale`, says.scaleUpsideDown()));
    }
    if (question.type === 'ranking' && question.rankOf === 'options' && !question.options) {
      issues.push(issue(`${at}.options`, says.rankingWithoutOptions()));
    }
    if (question.type === 'ranking' && question.rankOf === 'alternatives' && alternatives.length === 0) {
      issues.push(issue(`${at}.rankOf`, says.rankingAlternativesWithoutFormat()));
    }
    if (question.concerns && !alternatives.includes(question.concerns)) {
      issues.push(issue(`${at}.concerns`, says.noSuchAlternative(question.concerns)));
    }
  });
  return issues;
}

/** A policy field that must be filled in before a dialogue can open, in words an official understands. */
export type MissingField = Issue;

/** P5–P8, P12: what is missing before the dialogue may open (empty when it may). */
export function missingForOpening(definition: DialogueDefinition, now: Date): MissingField[] {
  const gaps: MissingField[] = [];
  if (!definition.summary) gaps.push(issue('summary', says.summaryMissing()));
  if (!definition.background) gaps.push(issue('background', says.backgroundMissing()));
  if (!definition.targetGroup) gaps.push(issue('targetGroup', says.targetGroupMissing()));
  if (!definition.question) gaps.push(issue('question', says.questionMissing()));
  if (!definition.influence) gaps.push(issue('influence', says.influenceMissing()));
  if (!definition.decision) gaps.push(issue('decision', says.decisionMissing()));
  if (!definition.feedbackPromise) gaps.push(issue('feedbackPromise', says.feedbackPromiseMissing()));
  if (!definition.closesAt) gaps.push(issue('closesAt', says.closesAtMissing()));
  else if (Date.parse(definition.closesAt) <= now.getTime()) gaps.push(issue('closesAt', says.closesAtPassed()));
  if (definition.methods.includes('web-survey') && definition.questions.length === 0) {
    gaps.push(issue('questions', says.surveyWithoutQuestions()));
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
    ? [issue('decision.expectedDate', says.decisionSoonAfterClose(Math.floor(days)))]
    : [];
}

export function assertMayManage(caller: Caller, dialogue: Pick<Dialogue, 'leadCommittee'>): void {
  if (!mayManage(caller, dialogue.leadCommittee)) {
    throw new ForbiddenError(refusals.onlyLeadCommittee());
  }
}

/** Everything that shapes the answers; locked once a response exists. */
export const answerShape = (d: DialogueDefinition): string => canonical([d.questions, d.format, d.profileQuestions]);

/** Whether citizens may answer right now. */
export function isAcceptingResponses(dialogue: Dialogue, now: Date): boolean {
  if (dialogue.status !== 'open') return false;
  if (dialogue.opensAt && Date.parse(dialogue.opensAt) > now.getTime()) return false;
  return !dialogue.closesAt || Date.parse(dialogue.closesAt) > now.getTime();
}
