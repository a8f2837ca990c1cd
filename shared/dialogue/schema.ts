import * as z from 'zod/mini';
import type { DecisionRecord } from '../decision/schema';
import type { EvaluationRecord } from '../evaluation/schema';
import { profileQuestionsSchema, questionSchema } from './questions';
import { ageBands, relations } from './profile';
import { isoDate, isoDateTime, localized, plainText, slugId } from './text';

/** SKR's participation ladder (delaktighetstrappan), P6. */
export const influenceLevels = ['information', 'consultation', 'dialogue', 'influence', 'co-decision'] as const;
export type InfluenceLevel = (typeof influenceLevels)[number];

/** P10: how the dialogue is run; web surveys run in the product. */
export const methods = ['web-survey', 'meeting', 'workshop', 'walk', 'focus-group', 'other'] as const;

export const statuses = ['draft', 'open', 'closed', 'decided', 'evaluated'] as const;
export type DialogueStatus = (typeof statuses)[number];
/** Decided, and perhaps evaluated since: the decision stands and its feedback has gone out. */
export const isDecided = (status: DialogueStatus): boolean => status === 'decided' || status === 'evaluated';

const alternative = z.strictObject({ id: slugId, title: localized(200), description: localized(3000) });

export const formatSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('single-question') }),
  z.strictObject({
    kind: z.literal('alternatives'),
    alternatives: z.array(alternative).check(z.minLength(2), z.maxLength(20)),
  }),
]);

export const targetGroupSchema = z.strictObject({
  description: localized(1000),
  /** Optional structured criteria, so results can report how much of the target group was reached. */
  criteria: z.optional(
    z.strictObject({
      relations: z.optional(z.array(z.enum(relations)).check(z.minLength(1))),
      ageBands: z.optional(z.array(z.enum(ageBands)).check(z.minLength(1))),
      localities: z.optional(z.array(plainText(100)).check(z.minLength(1))),
    }),
  ),
});

export const influenceSchema = z.strictObject({
  level: z.enum(influenceLevels),
  canChange: localized(1000),
  cannotChange: localized(1000),
});

export const decisionPlanSchema = z.strictObject({
  /** The committee that takes the decision (usually the lead committee). */
  committee: slugId,
  expectedDate: isoDate,
});

export const feedbackPromiseSchema = z.strictObject({
  how: localized(1000),
  byDate: isoDate,
});

/**
 * What an official writes. Everything but the title may be missing while the dialogue is a draft;
 * `missingForOpening` lists what opening needs (P6, P7, P8, P12).
 */
export const dialogueDefinitionSchema = z.strictObject({
  title: localized(200),
  summary: z.optional(localized(1000)),
  background: z.optional(localized(10_000)),
  targetGroup: z.optional(targetGroupSchema),
  question: z.optional(localized(500)),
  format: z._default(formatSchema, { kind: 'single-question' }),
  influence: z.optional(influenceSchema),
  leadCommittee: slugId,
  participatingCommittees: z._default(z.array(slugId).check(z.maxLength(20)), []),
  decision: z.optional(decisionPlanSchema),
  feedbackPromise: z.optional(feedbackPromiseSchema),
  methods: z._default(z.array(z.enum(methods)).check(z.minLength(1)), ['web-survey']),
  caseNumber: z.optional(plainText(40)),
  opensAt: z.optional(isoDateTime),
  closesAt: z.optional(isoDateTime),
  resultsVisibility: z._default(z.enum(['after-close', 'live']), 'after-close'),
  questions: z._default(z.array(questionSchema).check(z.maxLength(60)), []),
  profileQuestions: z._default(profileQuestionsSchema, { relation: true, ageBand: true, locality: true }),
});
export type DialogueDefinition = z.infer<typeof dialogueDefinitionSchema>;

/** Fields the server manages; accepted and ignored in a body, so a fetched dialogue can be posted as a copy. */
export const serverManagedFields = [
  'id',
  'status',
  'createdAt',
  'updatedAt',
  'version',
  'responseShards',
  'openedAt',
  'closedAt',
  'createdBy',
  'updatedBy',
  'decisionRecord',
  'evaluationRecord',
  'firstResponseAt',
  'responsesCulled',
  'contactsCulled',
] as const;

export interface Dialogue extends DialogueDefinition {
  readonly id: string;
  readonly status: DialogueStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Bumped on every change; writes are conditional on it. */
  readonly version: number;
  /** How many arrival-index partitions (shards) this dialogue's responses are spread over; fixed at creation. */
  readonly responseShards: number;
  readonly openedAt?: string;
  readonly closedAt?: string;
  /** When the first counted response arrived: from then on the questions are locked. */
  readonly firstResponseAt?: string;
  readonly createdBy: string;
  /** Who made the latest change: an official's `sub`, or the job that made it (`job:close-dialogues`). */
  readonly updatedBy?: string;
  /** The committee's decision, once registered (status `decided`). */
  readonly decisionRecord?: DecisionRecord;
  /** The lead committee's own evaluation after the feedback (status `evaluated`, P14). */
  readonly evaluationRecord?: EvaluationRecord;
  /** Gallring: when the responses were deleted, under the stage's `retention.responsesAfterDecisionDays`. */
  readonly responsesCulled?: { readonly at: string; readonly afterDecisionDays: number };
  /** Gallring: when the contacts of a dialogue never decided were deleted, under `retention.undecidedContactsDays`. */
  readonly contactsCulled?: { readonly at: string; readonly afterCloseDays: number };
}

const ignoredFields = Object.fromEntries(
  serverManagedFields.map((field) => [field, z.optional(z.unknown())]),
) as Record<(typeof serverManagedFields)[number], z.ZodMiniOptional<z.ZodMiniUnknown>>;

/** The body of create and edit: a definition, plus any server-managed fields, which are dropped. */
export const dialogueInputSchema = z.pipe(
  z.extend(dialogueDefinitionSchema, ignoredFields),
  z.transform((input): DialogueDefinition => {
    const definition: Record<string, unknown> = { ...input };
    for (const field of serverManagedFields) delete definition[field];
    return definition as DialogueDefinition;
  }),
);
