/**
 * The route and job manifest: every HTTP route and every scheduled job, declared once, with the zod schemas
 * of its input. The CDK stack (infra/), the local gateway and scheduler (local/), the handlers' parsing
 * (functions/lib/http.ts) and the OpenAPI document (shared/openapi.ts) are all built from it.
 */
import type { KeyPatternName } from './keys';
import * as z from 'zod/mini';
import { dialogueInputSchema } from './dialogue/schema';
import { slugId } from './dialogue/text';
import { decisionBodySchema } from './decision/schema';
import { evaluationBodySchema } from './evaluation/schema';
import { exportFormats } from './export/formats';
import * as bodies from './http-bodies';
import { named } from './messages/input';
import { languages } from './messages/language';
import { enteredResponseSchema, responseBodySchema } from './responses/schema';
import type { Setting, StageConfig } from './stages';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** `public`: anyone; `official`: a valid officials' token (Cognito JWT in AWS, dev token locally). */
export type Access = 'public' | 'official';

export interface RouteSchemas<P = unknown, Q = unknown, B = unknown> {
  readonly path?: z.ZodMiniType<P>;
  readonly query?: z.ZodMiniType<Q>;
  /** Checked before the handler runs; a failure answers 400 with every issue it finds. */
  readonly body?: z.ZodMiniType<B>;
  /**
   * The body as the API documents it (OpenAPI), for a route whose handler checks the body itself (`body` then lets
   * any JSON through): a response can only be checked whole against the dialogue it answers, and one 400 lists every
   * problem, of the body's shape and of its answers alike. Also for a form post, whose `body` is the parsed fields.
   */
  readonly documentedBody?: z.ZodMiniType;
}

/**
 * One status of a route's answer as its handler gives it: JSON fitting a schema (which types the handler's reply and is
 * the document's schema), a page or fragment, or another media type. A status may have more than one.
 */
export interface ResponseSpec {
  readonly description: string;
  readonly json?: z.ZodMiniType;
  /** `text/html`: a page, or a fragment for embed.js. */
  readonly html?: true;
  /** Another media type, as the handler sends it in `content-type` (`text/csv; charset=utf-8`). */
  readonly text?: string;
}
export type Responses = Readonly<Record<number, ResponseSpec>>;

/** The statuses of domain errors a handler lets through; functions/lib/http-errors.ts gives each its body. */
export type RefusalStatus = 403 | 404 | 409 | 422;

export type SuccessStatus = 200 | 201 | 202;

export interface RouteDefinition<
  P = unknown,
  Q = unknown,
  B = unknown,
  R extends Responses = Responses,
  S extends SuccessStatus = SuccessStatus,
  A extends Access = Access,
> {
  /** Stable name, used for the Lambda function's logical id and the OpenAPI operation id. */
  readonly name: string;
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/dialogues/{id}`. */
  readonly path: string;
  /** Module path from the project root; it exports `handler`. */
  readonly handler: string;
  /** Who may call it; an official's route hands its handler the verified caller (functions/lib/http.ts). */
  readonly access: A;
  /** One line for the API documentation. */
  readonly summary: string;
  /** Largest accepted request body; the local gateway enforces it, and every handler again (AWS behaves the same). */
  readonly bodyLimitBytes: number;
  readonly schemas: RouteSchemas<P, Q, B>;
  /** The status of a reply that names none (201 for routes that create); one of `responses`. */
  readonly successStatus: S;
  /**
   * What the handler replies, by status. The statuses the request's handling adds (400 for a schema, 401 for an
   * official's route, 413, 415 for a body, the gateway's 429 and 431) come with every such route (shared/openapi.ts).
   */
  readonly responses: R;
  /** The domain errors the handler lets through, by status: when each happens. */
  readonly refusals?: Readonly<Partial<Record<RefusalStatus, string>>>;
  /** `form`: an HTML form post (application/x-www-form-urlencoded), for browsers without JavaScript. */
  readonly bodyFormat: 'json' | 'form';
  readonly table: TableAccess;
  /** What the handler needs besides the table; the stack grants exactly these. */
  readonly needs?: readonly Need[];
  /** The stage settings it reads besides those every handler does (shared/stages.ts); only these are passed. */
  readonly settings?: readonly Setting[];
  /**
   * Reads a whole dialogue within one request: the stack gives its function API Gateway's longest wait (29 s, not
   * 10) and more memory, which in Lambda brings more CPU.
   */
  readonly bulk?: true;
}

/**
 * `email`: send through SES; `unsubscribeSecret`: read the key that signs unsubscribe links; `exports`: write the
 * export files and sign their download links.
 */
export type Need = 'email' | 'unsubscribeSecret' | 'exports';

/**
 * What a function may do to the table, granted exactly (infra/table-grants.ts) and enforced alike by the local gateway
 * (local/table-access.ts): `none`; `read` (get, query, condition checks, never a scan); or `write` too, on any item
 * or only on items whose partition key matches one of the named patterns (IAM's `dynamodb:LeadingKeys`).
 */
export type TableAccess = 'none' | 'read' | { readonly write: 'any' | readonly KeyPatternName[] };

export interface JobDefinition {
  readonly name: string;
  readonly handler: string;
  /** How often it runs in AWS, per stage; the local scheduler uses SCHEDULE_INTERVAL_SECONDS instead. */
  readonly rateMinutes: (stage: StageConfig) => number;
  readonly table: TableAccess;
  readonly needs?: readonly Need[];
  readonly settings?: readonly Setting[];
}

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/** The content type a route's body must be sent as, by its `bodyFormat`. */
export const bodyMediaTypes = { json: 'application/json', form: 'application/x-www-form-urlencoded' } as const;

type Defaulted = 'bodyLimitBytes' | 'schemas' | 'successStatus' | 'bodyFormat';
type RouteInput<P, Q, B, R extends Responses, S extends SuccessStatus, A extends Access> = Omit<
  RouteDefinition<P, Q, B, R, S, A>,
  Defaulted
> &
  Partial<Pick<RouteDefinition<P, Q, B, R, S, A>, Defaulted>>;

const route = <
  P = undefined,
  Q = undefined,
  B = undefined,
  R extends Responses = Responses,
  S extends SuccessStatus = 200,
  A extends Access = Access,
>(
  input: RouteInput<P, Q, B, R, S, A>,
): RouteDefinition<P, Q, B, R, S, A> => ({
  bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
  schemas: {},
  successStatus: 200 as S,
  bodyFormat: 'json',
  ...input,
});

/*
 * The refusals officials' routes share. Named strings, not an object spread into each route: esbuild keeps a spread
 * (it may run getters), and with it the route and its schemas, in every handler's bundle.
 */
const noSuchDialogue = 'No such dialogue';
const othersCommittees = 'The dialogue belongs to committees the caller is not an official of';
const notLeadCommittee = 'The caller is not an official of the lead committee (nor an administrator)';

/*
 * The routes' inputs. zod/mini's constructors are pure, but esbuild cannot see that through zod's re-exports, so each
 * is marked: a handler's bundle then leaves out, and never builds at cold start, the inputs of the other routes.
 */
/** `{id}` in a dialogue route. */
export const dialogueIdPath = /* @__PURE__ */ (() => z.strictObject({ id: slugId }))();
const dialogueStatusBody = /* @__PURE__ */ (() => z.strictObject({ status: z.enum(['open', 'closed']) }))();
const formPageQuery = /* @__PURE__ */ (() =>
  z.object({ lang: z._default(z.enum(languages), 'sv'), format: z._default(z.enum(['page', 'fragment']), 'page') }))();
const formPostBody = /* @__PURE__ */ (() => z.instanceof(URLSearchParams))();
/** The form's fields as the document tells them: `lang`, `submissionId`, `move`, `q.<questionId>`, `profile.*`, `contact.*`. */
const formPostDocumented = /* @__PURE__ */ (() =>
  z
    .record(z.string(), z.union([z.string(), z.array(z.string())]))
    .check(
      z.describe(
        'The form’s fields (shared/presentation/form-body.ts): a repeated field (multiple choice) repeats its name',
      ),
    ))();
/** Any JSON value, for a handler that checks its body whole (see `documentedBody`). */
const anyJson = /* @__PURE__ */ (() => z.unknown())();
const langQuery = /* @__PURE__ */ (() => z.object({ lang: z._default(z.enum(languages), 'sv') }))();
/** The register's filters; an empty value (the HTML form's "all") filters nothing. */
const orAll = <T extends z.core.SomeType>(schema: T) => z.optional(z.union([z.literal(''), schema]));
const registerFilters = {
  committee: /* @__PURE__ */ orAll(slugId),
  status: /* @__PURE__ */ orAll(z.enum(['open', 'closed', 'decided', 'evaluated'])),
  year: /* @__PURE__ */ orAll(z.string().check(z.regex(/^\d{4}$/))),
};
const registerQuery = /* @__PURE__ */ (() => z.object(registerFilters))();
const registerPageQuery = /* @__PURE__ */ (() =>
  z.object({ lang: z._default(z.enum(languages), 'sv'), ...registerFilters }))();
const officialResultsQuery = /* @__PURE__ */ (() =>
  z.object({ format: z._default(z.enum(['json', 'csv']), 'json') }))();
const exportRequestBody = /* @__PURE__ */ (() => z.strictObject({ format: z.enum(exportFormats) }))();
const tokenQuery = /* @__PURE__ */ (() => z.object({ token: z.optional(z.string().check(z.maxLength(300))) }))();
const ratingQuery = /* @__PURE__ */ (() =>
  z.object({
    token: z.optional(z.string().check(z.maxLength(300))),
    lang: z._default(z.enum(languages), 'sv'),
  }))();
/** The rating form's fields, as the citizen's form names them (`q.heard`, `q.comment`). */
const ratingPostDocumented = /* @__PURE__ */ (() =>
  z
    .record(z.string(), z.string())
    .check(z.describe('`q.heard`: 1 to 5 (required); `q.comment`: up to 1,000 characters (optional)')))();

export const healthRoute = /* @__PURE__ */ route({
  name: 'Health',
  method: 'GET',
  path: '/health',
  handler: 'functions/health/handler.ts',
  access: 'public',
  table: 'none',
  summary: 'Liveness check',
  responses: { 200: { description: 'Up', json: bodies.healthBody } },
});
export const openApiRoute = /* @__PURE__ */ route({
  name: 'OpenApi',
  method: 'GET',
  path: '/openapi.json',
  handler: 'functions/openapi/handler.ts',
  access: 'public',
  table: 'none',
  summary: 'This API described as OpenAPI 3.1',
  responses: { 200: { description: 'This document', json: bodies.openApiBody } },
});
export const listCommitteesRoute = /* @__PURE__ */ route({
  name: 'ListCommittees',
  method: 'GET',
  path: '/committees',
  handler: 'functions/committees/handler.ts',
  access: 'public',
  table: 'none',
  summary: 'The municipality’s committees',
  responses: { 200: { description: 'Every committee, id and name', json: bodies.committeesBody } },
});
export const getDialogueRoute = /* @__PURE__ */ route({
  name: 'GetDialogue',
  method: 'GET',
  path: '/dialogues/{id}',
  handler: 'functions/dialogues/get/handler.ts',
  access: 'public',
  table: 'read',
  summary: 'A dialogue’s public definition: conditions first, then the questions',
  schemas: { path: dialogueIdPath },
  responses: { 200: { description: 'The public definition', json: bodies.publicDefinitionBody } },
  refusals: { 404: 'No such dialogue, or still a draft' },
});
export const submitResponseRoute = /* @__PURE__ */ route({
  name: 'SubmitResponse',
  method: 'POST',
  path: '/dialogues/{id}/responses',
  handler: 'functions/dialogues/submit/handler.ts',
  access: 'public',
  table: { write: 'any' },
  summary: 'Submit a response; idempotent on submissionId',
  successStatus: 201,
  schemas: { path: dialogueIdPath, body: anyJson, documentedBody: responseBodySchema },
  responses: {
    201: {
      description: 'Stored, or a retry of a stored submission (then the first copy’s id and time)',
      json: bodies.receiptBody,
    },
  },
  refusals: {
    404: 'No such dialogue, or still a draft',
    409: 'The dialogue is not open for responses (not yet, or no more)',
  },
});
export const registerRoute = /* @__PURE__ */ route({
  name: 'Register',
  method: 'GET',
  path: '/dialogues',
  handler: 'functions/dialogues/register/handler.ts',
  access: 'public',
  table: 'read',
  summary:
    'The public register: every dialogue but drafts, newest first, with its dates and whether feedback came on time; filter by committee, status, year',
  schemas: { query: registerQuery },
  responses: { 200: { description: 'The register', json: bodies.registerBody } },
});
export const registerPageRoute = /* @__PURE__ */ route({
  name: 'RegisterPage',
  method: 'GET',
  path: '/dialoger',
  handler: 'functions/web/register-page/handler.ts',
  access: 'public',
  table: 'read',
  summary: 'The public register as an accessible page, filtered by a plain form',
  schemas: { query: registerPageQuery },
  responses: { 200: { description: 'The register page', html: true } },
});
export const whoAmIRoute = /* @__PURE__ */ route({
  name: 'WhoAmI',
  method: 'GET',
  path: '/admin/me',
  handler: 'functions/admin/me/handler.ts',
  access: 'official',
  table: 'none',
  summary: 'The signed-in official and their committees',
  responses: { 200: { description: 'The caller', json: bodies.whoAmIBody } },
});
export const createDialogueRoute = /* @__PURE__ */ route({
  name: 'CreateDialogue',
  method: 'POST',
  path: '/admin/dialogues',
  handler: 'functions/admin/dialogues/create/handler.ts',
  access: 'official',
  table: { write: 'any' },
  summary:
    'Create a draft dialogue (server-managed fields in the body are ignored, so a fetched dialogue can be posted as a copy)',
  successStatus: 201,
  schemas: { body: dialogueInputSchema },
  responses: { 201: { description: 'The created draft', json: bodies.dialogueBody } },
  refusals: {
    403: 'The lead committee is not one of the caller’s',
    409: 'No free id for the title (after several tries)',
  },
});
export const listDialoguesRoute = /* @__PURE__ */ route({
  name: 'ListDialogues',
  method: 'GET',
  path: '/admin/dialogues',
  handler: 'functions/admin/dialogues/list/handler.ts',
  access: 'official',
  table: 'read',
  summary: 'The dialogues of the caller’s committees',
  responses: { 200: { description: 'The dialogues, in brief', json: bodies.dialogueSummariesBody } },
});
export const getDialogueForOfficialRoute = /* @__PURE__ */ route({
  name: 'GetDialogueForOfficial',
  method: 'GET',
  path: '/admin/dialogues/{id}',
  handler: 'functions/admin/dialogues/get/handler.ts',
  access: 'official',
  table: 'read',
  summary: 'A dialogue’s full definition',
  schemas: { path: dialogueIdPath },
  responses: { 200: { description: 'The dialogue as stored', json: bodies.dialogueBody } },
  refusals: { 403: othersCommittees, 404: noSuchDialogue },
});
export const updateDialogueRoute = /* @__PURE__ */ route({
  name: 'UpdateDialogue',
  method: 'PUT',
  path: '/admin/dialogues/{id}',
  handler: 'functions/admin/dialogues/update/handler.ts',
  access: 'official',
  table: { write: 'any' },
  summary: 'Edit a dialogue (questions lock once a response exists)',
  schemas: { path: dialogueIdPath, body: dialogueInputSchema },
  responses: { 200: { description: 'The edited dialogue', json: bodies.dialogueBody } },
  refusals: {
    403: notLeadCommittee,
    404: noSuchDialogue,
    409: 'Questions locked (a response exists), the dialogue is decided, or it changed meanwhile',
    422: 'An open dialogue would lose a policy field',
  },
});
export const changeDialogueStatusRoute = /* @__PURE__ */ route({
  name: 'ChangeDialogueStatus',
  method: 'POST',
  path: '/admin/dialogues/{id}/status',
  handler: 'functions/admin/dialogues/status/handler.ts',
  access: 'official',
  table: { write: 'any' },
  summary: 'Open or close a dialogue (opening needs every policy field)',
  schemas: { path: dialogueIdPath, body: dialogueStatusBody },
  responses: {
    200: { description: 'The dialogue in its new status', json: bodies.dialogueWithWarningsBody },
  },
  refusals: {
    403: notLeadCommittee,
    404: noSuchDialogue,
    409: 'Not a legal transition from the current status, or the dialogue changed meanwhile',
    422: 'Opening needs the policy fields listed in `missing`',
  },
});
export const embedScriptRoute = /* @__PURE__ */ route({
  name: 'EmbedScript',
  method: 'GET',
  path: '/embed.js',
  handler: 'functions/web/embed/handler.ts',
  access: 'public',
  table: 'none',
  summary: 'The script that embeds a dialogue’s form in a municipal web page',
  responses: { 200: { description: 'The script', text: 'text/javascript; charset=utf-8' } },
});
export const stylesheetRoute = /* @__PURE__ */ route({
  name: 'Stylesheet',
  method: 'GET',
  path: '/styles.css',
  handler: 'functions/web/assets/stylesheet.ts',
  access: 'public',
  table: 'none',
  summary: 'The stylesheet of the form and the pages (served, so host pages need no unsafe-inline styles)',
  responses: { 200: { description: 'The stylesheet', text: 'text/css; charset=utf-8' } },
});
export const faviconRoute = /* @__PURE__ */ route({
  name: 'Favicon',
  method: 'GET',
  path: '/favicon.ico',
  handler: 'functions/web/assets/favicon.ts',
  access: 'public',
  table: 'none',
  summary: 'The icon browsers ask for on every page',
  responses: { 200: { description: 'The icon', text: 'image/svg+xml' } },
});
export const formPageRoute = /* @__PURE__ */ route({
  name: 'FormPage',
  method: 'GET',
  path: '/form/{id}',
  handler: 'functions/web/form-page/handler.ts',
  access: 'public',
  table: 'read',
  summary: 'The form as a page of its own (works without JavaScript; the iframe target), or as a fragment for embed.js',
  schemas: { path: dialogueIdPath, query: formPageQuery },
  responses: {
    200: {
      description:
        'The form; or, for a dialogue that has ended, a notice with the way to its results (and the decision once made)',
      html: true,
    },
    404: { description: 'No such dialogue, or still a draft: a notice', html: true },
    409: { description: 'The dialogue is not open yet: a notice of when it opens', html: true },
  },
});
export const formPostRoute = /* @__PURE__ */ route({
  name: 'FormPost',
  method: 'POST',
  path: '/form/{id}',
  handler: 'functions/web/form-post/handler.ts',
  access: 'public',
  table: { write: 'any' },
  summary:
    'The form posted without JavaScript (form-encoded): answers with the receipt, or the form again with the errors',
  bodyFormat: 'form',
  schemas: { path: dialogueIdPath, body: formPostBody, documentedBody: formPostDocumented },
  responses: {
    201: { description: 'Stored: the receipt page', html: true },
    200: { description: 'A ranking move (`move`): the form again, the order changed', html: true },
    400: { description: 'The form again, every problem listed beside its field', html: true },
    404: { description: 'No such dialogue, or still a draft: a notice', html: true },
    409: { description: 'The dialogue is not open for responses (not yet, or no more): a notice', html: true },
  },
});
export const getResultsRoute = /* @__PURE__ */ route({
  name: 'GetResults',
  method: 'GET',
  path: '/dialogues/{id}/results',
  handler: 'functions/dialogues/results/handler.ts',
  access: 'public',
  table: 'read',
  summary:
    'The latest published results (hidden until close unless the dialogue says otherwise; small groups suppressed), and the decision once registered',
  schemas: { path: dialogueIdPath },
  responses: { 200: { description: 'The published results', json: bodies.publicResultsBody } },
  refusals: { 404: 'No such dialogue, or still a draft' },
});
export const resultsPageRoute = /* @__PURE__ */ route({
  name: 'ResultsPage',
  method: 'GET',
  path: '/results/{id}',
  handler: 'functions/web/results-page/handler.ts',
  access: 'public',
  table: 'read',
  summary: 'The results as an accessible page',
  schemas: { path: dialogueIdPath, query: langQuery },
  responses: {
    200: { description: 'The results page', html: true },
    404: { description: 'No such dialogue, or still a draft: a notice', html: true },
  },
});
export const getOfficialResultsRoute = /* @__PURE__ */ route({
  name: 'GetOfficialResults',
  method: 'GET',
  path: '/admin/dialogues/{id}/results',
  handler: 'functions/admin/dialogues/results/handler.ts',
  access: 'official',
  table: 'read',
  summary: 'Live results, unsuppressed, with the free texts for the lead committee; `?format=csv` for the case file',
  schemas: { path: dialogueIdPath, query: officialResultsQuery },
  responses: {
    200: {
      description: 'The live results (`format=json`), or the case file’s CSV (`format=csv`)',
      json: bodies.officialResultsBody,
      text: 'text/csv; charset=utf-8',
    },
  },
  refusals: { 403: othersCommittees, 404: noSuchDialogue },
});
export const exportResponsesRoute = /* @__PURE__ */ route({
  name: 'ExportResponses',
  method: 'POST',
  path: '/admin/dialogues/{id}/export',
  handler: 'functions/admin/dialogues/export/handler.ts',
  access: 'official',
  table: 'read',
  summary:
    'Export every response, anonymous (no ids, no contacts, the date only), with the dialogue as citizens saw it, as JSON or CSV (public records, for the case file and the archive); answers a download link',
  successStatus: 201,
  schemas: { path: dialogueIdPath, body: exportRequestBody },
  responses: {
    201: { description: 'The export, stored: its link works without a token for a while', json: bodies.exportBody },
  },
  refusals: { 403: notLeadCommittee, 404: 'No such dialogue, or still a draft' },
  needs: ['exports'],
  bulk: true,
});
export const getAuditLogRoute = /* @__PURE__ */ route({
  name: 'GetAuditLog',
  method: 'GET',
  path: '/admin/dialogues/{id}/audit',
  handler: 'functions/admin/dialogues/audit/handler.ts',
  access: 'official',
  table: 'read',
  summary: 'Every change to the dialogue, oldest first: who, what and when, each changed field before and after',
  schemas: { path: dialogueIdPath },
  responses: { 200: { description: 'The audit log (append-only)', json: bodies.auditBody } },
  refusals: { 403: othersCommittees, 404: noSuchDialogue },
});
export const previewDialogueRoute = /* @__PURE__ */ route({
  name: 'PreviewDialogue',
  method: 'GET',
  path: '/admin/dialogues/{id}/preview',
  handler: 'functions/admin/dialogues/preview/handler.ts',
  access: 'official',
  table: 'read',
  summary: 'The form exactly as embed.js places it on a municipal page (a fragment), for any status, drafts included',
  schemas: { path: dialogueIdPath, query: langQuery },
  responses: { 200: { description: 'The form as a fragment', html: true } },
  refusals: { 403: othersCommittees, 404: noSuchDialogue },
});
export const getInvitationRoute = /* @__PURE__ */ route({
  name: 'GetInvitation',
  method: 'GET',
  path: '/admin/dialogues/{id}/invitation',
  handler: 'functions/admin/dialogues/invitation/handler.ts',
  access: 'official',
  table: 'read',
  summary: 'The invitation kit: a printable poster with a QR code to the form, and a short invitation text',
  schemas: { path: dialogueIdPath, query: langQuery },
  responses: { 200: { description: 'The poster (HTML) and the invitation text', json: bodies.invitationBody } },
  refusals: { 403: othersCommittees, 404: noSuchDialogue },
});
export const registerDecisionRoute = /* @__PURE__ */ route({
  name: 'RegisterDecision',
  method: 'POST',
  path: '/admin/dialogues/{id}/decision',
  handler: 'functions/admin/dialogues/decision/register.ts',
  access: 'official',
  table: { write: 'any' },
  summary: 'Register the committee’s decision on a closed dialogue; starts the feedback mailout',
  successStatus: 202,
  schemas: { path: dialogueIdPath, body: decisionBodySchema },
  responses: { 202: { description: 'The decision, and the mailout it started', json: bodies.decidedBody } },
  refusals: { 403: notLeadCommittee, 404: noSuchDialogue, 409: 'The dialogue is not closed, or is decided already' },
});
export const correctDecisionRoute = /* @__PURE__ */ route({
  name: 'CorrectDecision',
  method: 'PUT',
  path: '/admin/dialogues/{id}/decision',
  handler: 'functions/admin/dialogues/decision/correct.ts',
  access: 'official',
  table: { write: 'any' },
  summary: 'Correct the registered decision; only before the first feedback email is sent (409 after)',
  schemas: { path: dialogueIdPath, body: decisionBodySchema },
  responses: { 200: { description: 'The corrected decision, and the mailout', json: bodies.decidedBody } },
  refusals: { 403: notLeadCommittee, 404: noSuchDialogue, 409: 'No decision to correct, or its mailout has started' },
});
export const getMailoutRoute = /* @__PURE__ */ route({
  name: 'GetMailout',
  method: 'GET',
  path: '/admin/dialogues/{id}/mailout',
  handler: 'functions/admin/dialogues/mailout/handler.ts',
  access: 'official',
  table: 'read',
  summary:
    'Progress of the feedback mailout: status, total, sent, failed, pending; before the decision (not-started), total is how many it would email now',
  schemas: { path: dialogueIdPath },
  responses: { 200: { description: 'The mailout’s progress', json: bodies.mailoutBody } },
  refusals: { 403: notLeadCommittee, 404: noSuchDialogue },
});
export const enterResponseRoute = /* @__PURE__ */ route({
  name: 'EnterResponse',
  method: 'POST',
  path: '/admin/dialogues/{id}/responses',
  handler: 'functions/admin/dialogues/responses/handler.ts',
  access: 'official',
  table: { write: 'any' },
  summary:
    'Enter a response from another method (a paper form, a meeting) while the dialogue is open; it counts like any, marked with its method; idempotent on submissionId',
  successStatus: 201,
  schemas: { path: dialogueIdPath, body: anyJson, documentedBody: enteredResponseSchema },
  responses: {
    201: {
      description: 'Stored, or a retry of a stored entry (then the first copy’s id and time)',
      json: bodies.enteredReceiptBody,
    },
  },
  refusals: { 403: notLeadCommittee, 404: noSuchDialogue, 409: 'The dialogue is not open for responses' },
});
export const moderateFreeTextRoute = /* @__PURE__ */ route({
  name: 'ModerateFreeText',
  method: 'POST',
  path: '/admin/dialogues/{id}/moderation',
  handler: 'functions/admin/dialogues/moderation/handler.ts',
  access: 'official',
  table: { write: 'any' },
  summary: 'Mark one free text publishable or hidden (the default); only publishable ones may ever be shown publicly',
  schemas: { path: dialogueIdPath, body: bodies.moderationBody },
  responses: { 200: { description: 'The free text’s state now', json: bodies.moderationBody } },
  refusals: { 403: notLeadCommittee, 404: 'No such dialogue, or no such free text in it' },
});
export const unsubscribePageRoute = /* @__PURE__ */ route({
  name: 'UnsubscribePage',
  method: 'GET',
  path: '/unsubscribe',
  handler: 'functions/web/unsubscribe/page.ts',
  access: 'public',
  table: 'read',
  summary: 'Asks to confirm removing one’s email address (a GET never deletes: mail scanners follow links)',
  schemas: { query: tokenQuery },
  needs: ['unsubscribeSecret'],
  responses: {
    200: { description: 'Asks to confirm; or says the address is removed already', html: true },
    400: { description: 'No token, or not a valid one: a page that says so', html: true },
  },
});
export const unsubscribeRoute = /* @__PURE__ */ route({
  name: 'Unsubscribe',
  method: 'POST',
  path: '/unsubscribe',
  handler: 'functions/web/unsubscribe/remove.ts',
  access: 'public',
  table: { write: 'any' },
  summary:
    'Removes the contact details; the token is in the URL, so the body (RFC 8058 one-click sends List-Unsubscribe=One-Click, form-encoded or multipart) is not read',
  needs: ['unsubscribeSecret'],
  schemas: { query: tokenQuery },
  responses: {
    200: { description: 'Removed (or removed already): a page that says so', html: true },
    400: { description: 'No token, or not a valid one: a page that says so', html: true },
  },
});
export const ratingPageRoute = /* @__PURE__ */ route({
  name: 'RatingPage',
  method: 'GET',
  path: '/rating',
  handler: 'functions/web/rating/page.ts',
  access: 'public',
  table: 'read',
  summary: 'The participants’ rating from the feedback email’s link: “Did you feel heard?”, 1–5, and a comment (P14)',
  schemas: { query: ratingQuery },
  needs: ['unsubscribeSecret'],
  responses: {
    200: { description: 'The question; or that this link has rated already', html: true },
    400: { description: 'No token, or not a valid one: a page that says so', html: true },
  },
});
export const rateRoute = /* @__PURE__ */ route({
  name: 'Rate',
  method: 'POST',
  path: '/rating',
  handler: 'functions/web/rating/rate.ts',
  access: 'public',
  table: { write: ['raters', 'ratings'] },
  summary:
    'Records one rating per link (form-encoded, no JavaScript needed), stored with no link to the address or the answers',
  bodyFormat: 'form',
  schemas: { query: ratingQuery, body: formPostBody, documentedBody: ratingPostDocumented },
  needs: ['unsubscribeSecret'],
  successStatus: 201,
  responses: {
    201: { description: 'Recorded: a page that thanks', html: true },
    400: { description: 'The question again with every problem; or a link that is not valid', html: true },
    409: { description: 'This link has rated already: nothing stored, a page that says so', html: true },
  },
});

const evaluationYearQuery = /* @__PURE__ */ (() =>
  z.object({
    year: z.pipe(
      z.string().check(named(z.regex(/^(19|20|21)\d{2}$/), 'year')),
      z.transform((y: string) => Number(y)),
    ),
    format: z._default(z.enum(['json', 'csv']), 'json'),
  }))();
export const getDialogueEvaluationRoute = /* @__PURE__ */ route({
  name: 'GetDialogueEvaluation',
  method: 'GET',
  path: '/admin/dialogues/{id}/evaluation',
  handler: 'functions/admin/dialogues/evaluation/get.ts',
  access: 'official',
  table: 'read',
  summary:
    'P14 for one dialogue: participation by channel, reach, days to decision and feedback, the feedback promise, the emails, the participants’ rating and the committee’s own evaluation',
  schemas: { path: dialogueIdPath },
  responses: { 200: { description: 'The dialogue’s evaluation', json: bodies.dialogueEvaluationBody } },
  refusals: { 403: othersCommittees, 404: noSuchDialogue },
});
export const recordEvaluationRoute = /* @__PURE__ */ route({
  name: 'RecordEvaluation',
  method: 'PUT',
  path: '/admin/dialogues/{id}/evaluation',
  handler: 'functions/admin/dialogues/evaluation/record.ts',
  access: 'official',
  table: { write: 'any' },
  summary:
    'The lead committee’s own evaluation after the feedback (purpose, method, accessibility, who took part and who not); the dialogue becomes evaluated; again to correct it',
  schemas: { path: dialogueIdPath, body: evaluationBodySchema },
  responses: {
    200: { description: 'The dialogue’s evaluation, with the committee’s', json: bodies.dialogueEvaluationBody },
  },
  refusals: {
    403: notLeadCommittee,
    404: noSuchDialogue,
    409: 'No decision yet, or its feedback emails are still going out',
  },
});
export const getEvaluationRoute = /* @__PURE__ */ route({
  name: 'GetEvaluation',
  method: 'GET',
  path: '/admin/evaluation',
  handler: 'functions/admin/evaluation/handler.ts',
  access: 'official',
  table: 'read',
  summary:
    'P14 per committee and year (the dialogues that opened in it): by influence and method, median participation, feedback on time, mean rating, the overdue list; `&format=csv` for a spreadsheet',
  schemas: { query: evaluationYearQuery },
  responses: {
    200: {
      description: 'The year’s evaluation (`format=json`), or the same as CSV, UTF-8 with BOM (`format=csv`)',
      json: bodies.yearEvaluationBody,
      text: 'text/csv; charset=utf-8',
    },
  },
});

/** Every route by name (the per-route constants let a handler's bundle leave out the other routes' schemas). */
export const routes = {
  health: healthRoute,
  openApi: openApiRoute,
  listCommittees: listCommitteesRoute,
  getDialogue: getDialogueRoute,
  submitResponse: submitResponseRoute,
  register: registerRoute,
  registerPage: registerPageRoute,
  whoAmI: whoAmIRoute,
  createDialogue: createDialogueRoute,
  listDialogues: listDialoguesRoute,
  getDialogueForOfficial: getDialogueForOfficialRoute,
  updateDialogue: updateDialogueRoute,
  changeDialogueStatus: changeDialogueStatusRoute,
  getAuditLog: getAuditLogRoute,
  previewDialogue: previewDialogueRoute,
  getInvitation: getInvitationRoute,
  embedScript: embedScriptRoute,
  stylesheet: stylesheetRoute,
  favicon: faviconRoute,
  formPage: formPageRoute,
  formPost: formPostRoute,
  getResults: getResultsRoute,
  resultsPage: resultsPageRoute,
  getOfficialResults: getOfficialResultsRoute,
  exportResponses: exportResponsesRoute,
  registerDecision: registerDecisionRoute,
  correctDecision: correctDecisionRoute,
  getMailout: getMailoutRoute,
  enterResponse: enterResponseRoute,
  moderateFreeText: moderateFreeTextRoute,
  unsubscribePage: unsubscribePageRoute,
  unsubscribe: unsubscribeRoute,
  ratingPage: ratingPageRoute,
  rate: rateRoute,
  getDialogueEvaluation: getDialogueEvaluationRoute,
  recordEvaluation: recordEvaluationRoute,
  getEvaluation: getEvaluationRoute,
} as const;

export const jobs = {
  closeDialogues: {
    name: 'close-dialogues',
    handler: 'functions/jobs/close-dialogues/handler.ts',
    rateMinutes: (stage) => stage.everyMinutes.closeDialogues,
    table: { write: 'any' },
  },
  aggregate: {
    name: 'aggregate',
    handler: 'functions/jobs/aggregate/handler.ts',
    rateMinutes: (stage) => stage.everyMinutes.aggregate,
    table: { write: 'any' },
  },
  mailout: {
    name: 'mailout',
    handler: 'functions/jobs/mailout/handler.ts',
    rateMinutes: (stage) => stage.everyMinutes.mailout,
    table: { write: 'any' },
    needs: ['email', 'unsubscribeSecret'],
    settings: ['mail'],
  },
  /** Reminds the lead committee of the feedback date, before it and once it has passed, while nothing is decided. */
  feedbackReminders: {
    name: 'feedback-reminders',
    handler: 'functions/jobs/feedback-reminders/handler.ts',
    rateMinutes: (stage) => stage.everyMinutes.feedbackReminders,
    table: { write: 'any' },
    needs: ['email'],
    settings: ['mail', 'reminders'],
  },
  /** Gallring: responses some time after the decision, contacts of dialogues closed long ago with no decision. */
  retention: {
    name: 'retention',
    handler: 'functions/jobs/retention/handler.ts',
    rateMinutes: (stage) => stage.everyMinutes.retention,
    table: { write: 'any' },
    settings: ['retention'],
  },
} as const satisfies Record<string, JobDefinition>;

/** Handlers of events from AWS services (not HTTP, not schedules); locally, tests feed them the same event shapes. */
export const eventHandlers = {
  /** SES bounce and complaint notifications, through the configuration set's SNS topic. */
  sesFeedback: {
    name: 'ses-feedback',
    handler: 'functions/events/ses-feedback/handler.ts',
    table: { write: 'any' },
    // How long a failed contact is kept, as the mailout keeps a sent one.
    settings: ['mail'],
  },
} as const;

/** Where the officials' routes (all under `/admin/`) and console live; the rest is the citizens'. */
export const officialPathPrefixes = ['/admin/', '/console'] as const;

export type RouteName = keyof typeof routes;
export const routeList: readonly RouteDefinition[] = /* @__PURE__ */ Object.values(routes);
export const jobList: readonly JobDefinition[] = /* @__PURE__ */ Object.values(jobs);
