/**
 * The JSON bodies the API answers with, as zod schemas: the route manifest (shared/routes.ts) declares them per
 * status, which types each handler's reply (functions/lib/http.ts) and gives the OpenAPI document its schemas
 * (shared/openapi.ts). One source: a body that does not fit its schema does not compile, and a document that does
 * not fit the bodies fails the conformance check of the tests.
 *
 * Each is marked pure (esbuild cannot see through zod/mini's re-exports that its constructors are), so a handler's
 * bundle keeps only the bodies of its own route.
 */
import { moderationStates } from './dialogue/moderation';
import { exportFormats } from './export/formats';
import { entryMethods } from './responses/methods';
import * as z from 'zod/mini';
import { decisionBodySchema } from './decision/schema';
import { auditActions } from './dialogue/audit';
import { feedbackStates } from './dialogue/feedback';
import { questionSchema, questionTypes } from './dialogue/questions';
import {
  decisionPlanSchema,
  dialogueDefinitionSchema,
  formatSchema,
  influenceLevels,
  influenceSchema,
  statuses,
  targetGroupSchema,
  feedbackPromiseSchema,
  methods,
} from './dialogue/schema';
import { evaluationBodySchema } from './evaluation/schema';
import { isoDate, isoDateTime, localized, slugId } from './dialogue/text';

/** A 400 lists at most this many issues (the first ones), and counts them all: a body of thousands stays small. */
export const MAX_LISTED_ISSUES = 100;

// Errors

const swedish = /* @__PURE__ */ (() => z.string().check(z.describe('Swedish')))();

export const issueBody = /* @__PURE__ */ (() =>
  z.strictObject({ path: z.string(), message: swedish, messageEn: z.string() }))();

export const validationErrorBody = /* @__PURE__ */ (() =>
  z.strictObject({
    error: z.literal('validation'),
    issues: z.array(issueBody).check(z.maxLength(MAX_LISTED_ISSUES)),
    /** Every issue found; more than `issues` holds when the list was cut. */
    issueCount: z.int().check(z.minimum(1)),
  }))();

export const refusalCodes = [
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'unsupported_media_type',
] as const;

/** A refusal a person reads: its code, and its words in Swedish (`message`) and English (`messageEn`). */
export const refusalBody = /* @__PURE__ */ (() =>
  z.strictObject({ error: z.enum(refusalCodes), message: swedish, messageEn: z.string() }))();

export const incompleteBody = /* @__PURE__ */ (() =>
  z.strictObject({ error: z.literal('incomplete'), missing: z.array(issueBody) }))();

export const internalErrorBody = /* @__PURE__ */ (() =>
  z.strictObject({
    error: z.literal('internal'),
    message: swedish,
    messageEn: z.string(),
    correlationId: z.string(),
  }))();

/** What API Gateway (and the local gateway) answers itself, before or instead of a handler: `{"message":"Unauthorized"}`. */
export const gatewayErrorBody = /* @__PURE__ */ (() =>
  z.strictObject({ message: z.string(), correlationId: z.optional(z.string()) }))();

// Public

export const healthBody = /* @__PURE__ */ (() => z.strictObject({ status: z.literal('ok') }))();

export const openApiBody = /* @__PURE__ */ (() =>
  z.looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  }))();

const committeeBody = /* @__PURE__ */ (() => z.strictObject({ id: slugId, name: z.string() }))();
export const committeesBody = /* @__PURE__ */ (() => z.array(committeeBody))();

const bilingual = /* @__PURE__ */ (() => z.strictObject({ sv: z.string(), en: z.string() }))();
/** How answers and addresses are handled, point by point, in one language. */
const dataHandlingText = /* @__PURE__ */ (() =>
  z.strictObject({
    stored: z.string(),
    anonymous: z.string(),
    email: z.string(),
    withdraw: z.string(),
    controller: z.string(),
  }))();

export const publicDefinitionBody = /* @__PURE__ */ (() =>
  z.strictObject({
    id: slugId,
    status: z.enum(statuses),
    title: dialogueDefinitionSchema.shape.title,
    summary: dialogueDefinitionSchema.shape.summary,
    background: dialogueDefinitionSchema.shape.background,
    format: formatSchema,
    leadCommittee: slugId,
    committees: z.strictObject({ lead: committeeBody, participating: z.array(committeeBody) }),
    conditions: z.strictObject({
      targetGroup: z.optional(targetGroupSchema),
      question: dialogueDefinitionSchema.shape.question,
      influence: z.optional(z.extend(influenceSchema, { levelName: bilingual })),
      decision: z.optional(z.extend(decisionPlanSchema, { committeeName: z.string() })),
      representativeDemocracy: bilingual,
      feedbackPromise: z.optional(feedbackPromiseSchema),
      dataHandling: z.strictObject({ sv: dataHandlingText, en: dataHandlingText }),
    }),
    caseNumber: dialogueDefinitionSchema.shape.caseNumber,
    methods: dialogueDefinitionSchema.shape.methods,
    opensAt: z.optional(isoDateTime),
    closesAt: z.optional(isoDateTime),
    /** When answering ended, once it has. */
    closedAt: z.optional(isoDateTime),
    resultsVisibility: dialogueDefinitionSchema.shape.resultsVisibility,
    /** A ranking of the alternatives carries them as its options. */
    questions: z.array(questionSchema),
    profileQuestions: z.strictObject({
      relation: z.boolean(),
      ageBand: z.boolean(),
      locality: z.boolean(),
      localities: z.array(z.string()),
    }),
  }))();

export const receiptBody = /* @__PURE__ */ (() =>
  z.strictObject({
    responseId: z.string(),
    dialogueId: slugId,
    receivedAt: isoDateTime,
    /** Whether an address for the result is kept. */
    willReceiveFeedback: z.boolean(),
  }))();

/** P10: the receipt of a response an official entered, with how it came in. */
export const enteredReceiptBody = /* @__PURE__ */ (() => z.extend(receiptBody, { method: z.enum(entryMethods) }))();

/** An official's choice on one free text. */
export const moderationBody = /* @__PURE__ */ (() =>
  z.strictObject({
    questionId: z.string().check(z.minLength(1), z.maxLength(64)),
    /** The free text's `id`, as the officials' results list it. */
    textId: z.string().check(z.minLength(1), z.maxLength(100)),
    state: z.enum(moderationStates),
  }))();

const tally = /* @__PURE__ */ (() => z.record(z.string(), z.number()))();
const suppressed = /* @__PURE__ */ (() =>
  z.union([
    z.strictObject({ suppressed: z.literal(true), fewerThan: z.int() }),
    z.strictObject({ suppressed: z.literal(true), complementary: z.literal(true) }),
  ]))();

/** The decision as the public sees it (a decision body's texts are stored in both languages' shape). */
export const publicDecisionBody = /* @__PURE__ */ (() =>
  z.extend(decisionBodySchema, {
    summary: localized(2000),
    motivation: localized(5000),
    inputUse: z.optional(localized(3000)),
    registeredAt: isoDateTime,
  }))();

const decisionRecordBody = /* @__PURE__ */ (() => z.extend(publicDecisionBody, { registeredBy: z.string() }))();

const resultsShape = /* @__PURE__ */ (() =>
  z.strictObject({
    dialogueId: slugId,
    status: z.enum(statuses),
    responseCount: z.int(),
    /** P10: web, paper and meeting responses, adding up to `responseCount`. */
    byMethod: z.strictObject({ web: z.int(), paper: z.int(), meeting: z.int() }),
    updatedAt: z.nullable(isoDateTime),
    /** `hidden`: the dialogue shows its results after it closes; until then only the count. */
    visibility: z.enum(['full', 'hidden']),
    visibleFrom: z.optional(isoDateTime),
    questions: z.record(
      z.string(),
      z.strictObject({
        type: z.enum(questionTypes),
        answered: z.int(),
        skipped: z.int(),
        counts: z.optional(tally),
        percentages: z.optional(tally),
        mean: z.optional(z.number()),
        median: z.optional(z.number()),
        firstChoices: z.optional(tally),
        meanRank: z.optional(tally),
        borda: z.optional(tally),
        byGroup: z.optional(
          z.record(z.string(), z.union([z.strictObject({ respondents: z.int(), counts: tally }), suppressed])),
        ),
      }),
    ),
    alternatives: z.array(
      z.strictObject({
        id: slugId,
        votes: z.optional(z.number()),
        firstChoices: z.optional(z.number()),
        borda: z.optional(z.number()),
        meanRank: z.optional(z.number()),
        ratingMean: z.optional(z.number()),
      }),
    ),
    participationPerDay: z.array(z.strictObject({ date: z.string(), responses: z.int() })),
    respondentsByGroup: z.record(z.string(), z.union([z.int(), suppressed])),
    reach: z.optional(
      z.strictObject({ inside: z.int(), outside: z.int(), unknown: z.int(), sharePercent: z.nullable(z.number()) }),
    ),
    decision: z.optional(publicDecisionBody),
  }))();

/** Small groups suppressed; the decision once registered. */
export const publicResultsBody = resultsShape;

/** Unsuppressed, and with the free texts for the lead committee. */
export const officialResultsBody = /* @__PURE__ */ (() =>
  z.extend(resultsShape, {
    freeTexts: z.optional(
      z.record(
        z.string(),
        z.strictObject({
          total: z.int(),
          /** How many of them an official marked publishable; only those may ever be shown publicly. */
          publishable: z.int(),
          texts: z.array(z.strictObject({ id: z.string(), text: z.string(), state: z.enum(moderationStates) })),
          truncated: z.boolean(),
        }),
      ),
    ),
  }))();

// Officials

/** An export of every response, stored for download: its link works without a token until `expiresAt`. */
export const exportBody = /* @__PURE__ */ (() =>
  z.strictObject({
    format: z.enum(exportFormats),
    filename: z.string(),
    responseCount: z.int(),
    /** The export holds the responses that came in before this. */
    exportedAt: isoDateTime,
    url: z.url(),
    expiresAt: isoDateTime,
  }))();

export const whoAmIBody = /* @__PURE__ */ (() =>
  z.strictObject({
    sub: z.optional(z.string()),
    email: z.optional(z.string()),
    isAdmin: z.boolean(),
    committees: z.array(committeeBody),
  }))();

/** A dialogue as stored: the definition and the fields the server manages. */
/** The lead committee's own evaluation (P14), as recorded. */
const evaluationRecordBody = /* @__PURE__ */ (() =>
  z.extend(evaluationBodySchema, { evaluatedAt: isoDateTime, evaluatedBy: z.string() }))();

export const dialogueBody = /* @__PURE__ */ (() =>
  z.extend(dialogueDefinitionSchema, {
    id: slugId,
    status: z.enum(statuses),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    version: z.int(),
    responseShards: z.int(),
    openedAt: z.optional(isoDateTime),
    closedAt: z.optional(isoDateTime),
    firstResponseAt: z.optional(isoDateTime),
    createdBy: z.string(),
    /** Who made the latest change: an official's `sub`, or the job that made it. */
    updatedBy: z.optional(z.string()),
    decisionRecord: z.optional(decisionRecordBody),
    evaluationRecord: z.optional(evaluationRecordBody),
    responsesCulled: z.optional(z.strictObject({ at: isoDateTime, afterDecisionDays: z.int() })),
    contactsCulled: z.optional(z.strictObject({ at: isoDateTime, afterCloseDays: z.int() })),
  }))();

/** P12: whether the feedback promised came, and on time (`promisedBy`, `givenAt` where known). */
const feedbackBody = /* @__PURE__ */ (() =>
  z.strictObject({
    state: z.enum(feedbackStates),
    promisedBy: z.optional(isoDate),
    givenAt: z.optional(isoDateTime),
  }))();

/** The public register (P12, P14): every dialogue but drafts, newest first, with whether its feedback came on time. */
export const registerBody = /* @__PURE__ */ (() =>
  z.array(
    z.strictObject({
      id: slugId,
      title: localized(200),
      status: z.enum(['open', 'closed', 'decided', 'evaluated']),
      leadCommittee: z.strictObject({ id: z.string(), name: z.string() }),
      influenceLevel: z.optional(z.enum(influenceLevels)),
      openedAt: z.optional(isoDateTime),
      closesAt: z.optional(isoDateTime),
      closedAt: z.optional(isoDateTime),
      decidedAt: z.optional(isoDate),
      feedback: feedbackBody,
      /** The results page, and the decision on it once registered. */
      resultsUrl: z.string(),
    }),
  ))();

export const dialogueSummariesBody = /* @__PURE__ */ (() =>
  z.array(
    z.extend(
      z.pick(dialogueBody, {
        id: true,
        title: true,
        status: true,
        leadCommittee: true,
        participatingCommittees: true,
        opensAt: true,
        closesAt: true,
        closedAt: true,
        createdAt: true,
        updatedAt: true,
      }),
      {
        /** Responses as the last aggregation counted them (`countedAt`), so a few minutes behind at most. */
        responses: z.int().check(z.nonnegative()),
        countedAt: z.optional(isoDateTime),
        feedback: feedbackBody,
      },
    ),
  ))();

/** After opening: the policy fields still worth filling in. */
export const dialogueWithWarningsBody = /* @__PURE__ */ (() =>
  z.extend(dialogueBody, { warnings: z.array(issueBody) }))();

/** A dialogue's audit log, oldest first: one entry per change, with each changed field before and after. */
export const auditBody = /* @__PURE__ */ (() =>
  z.array(
    z.strictObject({
      dialogueId: slugId,
      version: z.int(),
      at: isoDateTime,
      by: z.string(),
      action: z.enum(auditActions),
      changes: z.record(
        z.string(),
        z.strictObject({ before: z.optional(z.unknown()), after: z.optional(z.unknown()) }),
      ),
    }),
  ))();

/** The invitation kit: where it leads, the poster as an HTML fragment (QR code inline, as SVG), and the text. */
export const invitationBody = /* @__PURE__ */ (() =>
  z.strictObject({ formUrl: z.url(), poster: z.string(), text: z.string() }))();

export const mailoutBody = /* @__PURE__ */ (() =>
  z.strictObject({
    status: z.enum(['not-started', 'sending', 'done']),
    total: z.int(),
    sent: z.int(),
    failed: z.int(),
    pending: z.int(),
    percentDone: z.number(),
    startedAt: z.optional(isoDateTime),
    completedAt: z.optional(isoDateTime),
  }))();

export const decidedBody = /* @__PURE__ */ (() =>
  z.strictObject({ decision: decisionRecordBody, mailout: mailoutBody }))();

// Evaluation (P14)

const percentOrNull = /* @__PURE__ */ (() => z.nullable(z.number()))();
const dialogueFiguresShape = /* @__PURE__ */ (() => ({
  id: slugId,
  title: localized(200),
  status: z.enum(statuses),
  leadCommittee: slugId,
  influenceLevel: z.optional(z.enum(influenceLevels)),
  methods: z.array(z.enum(methods)),
  openedAt: z.optional(isoDateTime),
  closedAt: z.optional(isoDateTime),
  decidedAt: z.optional(isoDate),
  participation: z.strictObject({
    total: z.int(),
    byMethod: z.strictObject({ web: z.int(), paper: z.int(), meeting: z.int() }),
  }),
  reach: z.strictObject({
    criteria: z.boolean(),
    inside: z.int(),
    outside: z.int(),
    unknown: z.int(),
    insideSharePercent: percentOrNull,
    noProfile: z.int(),
    groups: z.array(
      z.strictObject({
        group: z.string(),
        respondents: z.int(),
        sharePercent: z.number(),
        population: z.optional(z.int()),
        populationSharePercent: z.optional(z.number()),
      }),
    ),
  }),
  days: z.strictObject({ closeToDecision: z.optional(z.int()), decisionToFeedback: z.optional(z.int()) }),
  feedback: feedbackBody,
  emails: z.optional(
    z.strictObject({ recipients: z.int(), sent: z.int(), failed: z.int(), bounced: z.int(), unsubscribed: z.int() }),
  ),
}))();
const ratingFigures = /* @__PURE__ */ (() => ({
  count: z.int(),
  mean: percentOrNull,
  distribution: z.strictObject({ 1: z.int(), 2: z.int(), 3: z.int(), 4: z.int(), 5: z.int() }),
}))();

/** One dialogue's evaluation: the figures, the participants' rating (comments for the lead committee), the committee's own. */
export const dialogueEvaluationBody = /* @__PURE__ */ (() =>
  z.strictObject({
    ...dialogueFiguresShape,
    rating: z.strictObject({ ...ratingFigures, comments: z.array(z.string()) }),
    evaluation: z.optional(evaluationRecordBody),
  }))();

/** A count per key, every key present. */
const countsOf = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, z.int()])) as Record<K, z.ZodMiniInt>);

const committeeYearBody = /* @__PURE__ */ (() =>
  z.strictObject({
    committee: z.strictObject({ id: z.string(), name: z.string() }),
    dialogues: z.int(),
    byInfluence: countsOf(influenceLevels),
    byMethod: countsOf(methods),
    medianParticipation: percentOrNull,
    feedback: z.strictObject({
      pending: z.int(),
      'on-time': z.int(),
      late: z.int(),
      overdue: z.int(),
      onTimePercent: percentOrNull,
    }),
    rating: z.strictObject({ count: z.int(), mean: percentOrNull }),
    evaluated: z.int(),
    overdue: z.array(z.strictObject({ id: slugId, title: localized(200), promisedBy: isoDate })),
  }))();

/** P14 per committee and year: the municipality's total, each committee that led a dialogue, and the dialogues' figures. */
export const yearEvaluationBody = /* @__PURE__ */ (() =>
  z.strictObject({
    year: z.int(),
    total: committeeYearBody,
    committees: z.array(committeeYearBody),
    dialogues: z.array(
      z.strictObject({
        ...dialogueFiguresShape,
        rating: z.strictObject(ratingFigures),
        evaluatedAt: z.optional(isoDateTime),
      }),
    ),
  }))();
