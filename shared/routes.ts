/**
 * The route and job manifest: every HTTP route and every scheduled job, declared once, with the zod schemas
 * of its input. The CDK stack (infra/), the local gateway and scheduler (local/), the handlers' parsing
 * (functions/lib/http.ts) and the OpenAPI document (shared/openapi.ts) are all built from it.
 */
import * as z from 'zod/mini';
import { dialogueInputSchema } from './dialogue/schema';
import { slugId } from './dialogue/text';
import { decisionBodySchema } from './decision/schema';
import { languages } from './messages/language';
import { responseBodySchema } from './responses/schema';
import type { StageConfig } from './stages';

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
   * problem, of the body's shape and of its answers alike.
   */
  readonly documentedBody?: z.ZodMiniType;
}

export interface RouteDefinition<P = unknown, Q = unknown, B = unknown> {
  /** Stable name, used for the Lambda function's logical id and the OpenAPI operation id. */
  readonly name: string;
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/dialogues/{id}`. */
  readonly path: string;
  /** Module path from the project root; it exports `handler`. */
  readonly handler: string;
  readonly access: Access;
  /** One line for the API documentation. */
  readonly summary: string;
  /** Largest accepted request body; the local gateway enforces it, and every handler again (AWS behaves the same). */
  readonly bodyLimitBytes: number;
  readonly schemas: RouteSchemas<P, Q, B>;
  /** The status of a successful answer (201 for routes that create). */
  readonly successStatus: 200 | 201 | 202;
  /** `form`: an HTML form post (application/x-www-form-urlencoded), for browsers without JavaScript. */
  readonly bodyFormat: 'json' | 'form';
  /** What the handler needs besides the table; the stack grants exactly these. */
  readonly needs?: readonly Need[];
}

/** `email`: send through SES; `unsubscribeSecret`: read the key that signs unsubscribe links. */
export type Need = 'email' | 'unsubscribeSecret';

export interface JobDefinition {
  readonly name: string;
  readonly handler: string;
  /** How often it runs in AWS, per stage; the local scheduler uses SCHEDULE_INTERVAL_SECONDS instead. */
  readonly rateMinutes: (stage: StageConfig) => number;
  readonly needs?: readonly Need[];
}

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

type Defaulted = 'bodyLimitBytes' | 'schemas' | 'successStatus' | 'bodyFormat';
type RouteInput<P, Q, B> = Omit<RouteDefinition<P, Q, B>, Defaulted> &
  Partial<Pick<RouteDefinition<P, Q, B>, Defaulted>>;

const route = <P = undefined, Q = undefined, B = undefined>(input: RouteInput<P, Q, B>): RouteDefinition<P, Q, B> => ({
  bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
  schemas: {},
  successStatus: 200,
  bodyFormat: 'json',
  ...input,
});

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
/** Any JSON value, for a handler that checks its body whole (see `documentedBody`). */
const anyJson = /* @__PURE__ */ (() => z.unknown())();
const langQuery = /* @__PURE__ */ (() => z.object({ lang: z._default(z.enum(languages), 'sv') }))();
const officialResultsQuery = /* @__PURE__ */ (() =>
  z.object({ format: z._default(z.enum(['json', 'csv']), 'json') }))();
const tokenQuery = /* @__PURE__ */ (() => z.object({ token: z.optional(z.string().check(z.maxLength(300))) }))();

export const healthRoute = /* @__PURE__ */ route({
  name: 'Health',
  method: 'GET',
  path: '/health',
  handler: 'functions/health/handler.ts',
  access: 'public',
  summary: 'Liveness check',
});
export const openApiRoute = /* @__PURE__ */ route({
  name: 'OpenApi',
  method: 'GET',
  path: '/openapi.json',
  handler: 'functions/openapi/handler.ts',
  access: 'public',
  summary: 'This API described as OpenAPI 3.1',
});
export const listCommitteesRoute = /* @__PURE__ */ route({
  name: 'ListCommittees',
  method: 'GET',
  path: '/committees',
  handler: 'functions/committees/handler.ts',
  access: 'public',
  summary: 'The municipality’s committees',
});
export const getDialogueRoute = /* @__PURE__ */ route({
  name: 'GetDialogue',
  method: 'GET',
  path: '/dialogues/{id}',
  handler: 'functions/dialogues/get/handler.ts',
  access: 'public',
  summary: 'A dialogue’s public definition: conditions first, then the questions',
  schemas: { path: dialogueIdPath },
});
export const submitResponseRoute = /* @__PURE__ */ route({
  name: 'SubmitResponse',
  method: 'POST',
  path: '/dialogues/{id}/responses',
  handler: 'functions/dialogues/submit/handler.ts',
  access: 'public',
  summary: 'Submit a response; idempotent on submissionId',
  successStatus: 201,
  schemas: { path: dialogueIdPath, body: anyJson, documentedBody: responseBodySchema },
});
export const whoAmIRoute = /* @__PURE__ */ route({
  name: 'WhoAmI',
  method: 'GET',
  path: '/admin/me',
  handler: 'functions/admin/me/handler.ts',
  access: 'official',
  summary: 'The signed-in official and their committees',
});
export const createDialogueRoute = /* @__PURE__ */ route({
  name: 'CreateDialogue',
  method: 'POST',
  path: '/admin/dialogues',
  handler: 'functions/admin/dialogues/create/handler.ts',
  access: 'official',
  summary:
    'Create a draft dialogue (server-managed fields in the body are ignored, so a fetched dialogue can be posted as a copy)',
  successStatus: 201,
  schemas: { body: dialogueInputSchema },
});
export const listDialoguesRoute = /* @__PURE__ */ route({
  name: 'ListDialogues',
  method: 'GET',
  path: '/admin/dialogues',
  handler: 'functions/admin/dialogues/list/handler.ts',
  access: 'official',
  summary: 'The dialogues of the caller’s committees',
});
export const getDialogueForOfficialRoute = /* @__PURE__ */ route({
  name: 'GetDialogueForOfficial',
  method: 'GET',
  path: '/admin/dialogues/{id}',
  handler: 'functions/admin/dialogues/get/handler.ts',
  access: 'official',
  summary: 'A dialogue’s full definition',
  schemas: { path: dialogueIdPath },
});
export const updateDialogueRoute = /* @__PURE__ */ route({
  name: 'UpdateDialogue',
  method: 'PUT',
  path: '/admin/dialogues/{id}',
  handler: 'functions/admin/dialogues/update/handler.ts',
  access: 'official',
  summary: 'Edit a dialogue (questions lock once a response exists)',
  schemas: { path: dialogueIdPath, body: dialogueInputSchema },
});
export const changeDialogueStatusRoute = /* @__PURE__ */ route({
  name: 'ChangeDialogueStatus',
  method: 'POST',
  path: '/admin/dialogues/{id}/status',
  handler: 'functions/admin/dialogues/status/handler.ts',
  access: 'official',
  summary: 'Open or close a dialogue (opening needs every policy field)',
  schemas: { path: dialogueIdPath, body: dialogueStatusBody },
});
export const embedScriptRoute = /* @__PURE__ */ route({
  name: 'EmbedScript',
  method: 'GET',
  path: '/embed.js',
  handler: 'functions/web/embed/handler.ts',
  access: 'public',
  summary: 'The script that embeds a dialogue’s form in a municipal web page',
});
export const stylesheetRoute = /* @__PURE__ */ route({
  name: 'Stylesheet',
  method: 'GET',
  path: '/styles.css',
  handler: 'functions/web/assets/stylesheet.ts',
  access: 'public',
  summary: 'The stylesheet of the form and the pages (served, so host pages need no unsafe-inline styles)',
});
export const faviconRoute = /* @__PURE__ */ route({
  name: 'Favicon',
  method: 'GET',
  path: '/favicon.ico',
  handler: 'functions/web/assets/favicon.ts',
  access: 'public',
  summary: 'The icon browsers ask for on every page',
});
export const formPageRoute = /* @__PURE__ */ route({
  name: 'FormPage',
  method: 'GET',
  path: '/form/{id}',
  handler: 'functions/web/form-page/handler.ts',
  access: 'public',
  summary: 'The form as a page of its own (works without JavaScript; the iframe target), or as a fragment for embed.js',
  schemas: { path: dialogueIdPath, query: formPageQuery },
});
export const formPostRoute = /* @__PURE__ */ route({
  name: 'FormPost',
  method: 'POST',
  path: '/form/{id}',
  handler: 'functions/web/form-post/handler.ts',
  access: 'public',
  summary:
    'The form posted without JavaScript (form-encoded): answers with the receipt, or the form again with the errors',
  bodyFormat: 'form',
  schemas: { path: dialogueIdPath, body: formPostBody },
});
export const getResultsRoute = /* @__PURE__ */ route({
  name: 'GetResults',
  method: 'GET',
  path: '/dialogues/{id}/results',
  handler: 'functions/dialogues/results/handler.ts',
  access: 'public',
  summary:
    'The latest published results (hidden until close unless the dialogue says otherwise; small groups suppressed), and the decision once registered',
  schemas: { path: dialogueIdPath },
});
export const resultsPageRoute = /* @__PURE__ */ route({
  name: 'ResultsPage',
  method: 'GET',
  path: '/results/{id}',
  handler: 'functions/web/results-page/handler.ts',
  access: 'public',
  summary: 'The results as an accessible page',
  schemas: { path: dialogueIdPath, query: langQuery },
});
export const getOfficialResultsRoute = /* @__PURE__ */ route({
  name: 'GetOfficialResults',
  method: 'GET',
  path: '/admin/dialogues/{id}/results',
  handler: 'functions/admin/dialogues/results/handler.ts',
  access: 'official',
  summary: 'Live results, unsuppressed, with the free texts for the lead committee; `?format=csv` for the case file',
  schemas: { path: dialogueIdPath, query: officialResultsQuery },
});
export const registerDecisionRoute = /* @__PURE__ */ route({
  name: 'RegisterDecision',
  method: 'POST',
  path: '/admin/dialogues/{id}/decision',
  handler: 'functions/admin/dialogues/decision/register.ts',
  access: 'official',
  summary: 'Register the committee’s decision on a closed dialogue; starts the feedback mailout',
  successStatus: 202,
  schemas: { path: dialogueIdPath, body: decisionBodySchema },
});
export const correctDecisionRoute = /* @__PURE__ */ route({
  name: 'CorrectDecision',
  method: 'PUT',
  path: '/admin/dialogues/{id}/decision',
  handler: 'functions/admin/dialogues/decision/correct.ts',
  access: 'official',
  summary: 'Correct the registered decision; only before the first feedback email is sent (409 after)',
  schemas: { path: dialogueIdPath, body: decisionBodySchema },
});
export const getMailoutRoute = /* @__PURE__ */ route({
  name: 'GetMailout',
  method: 'GET',
  path: '/admin/dialogues/{id}/mailout',
  handler: 'functions/admin/dialogues/mailout/handler.ts',
  access: 'official',
  summary: 'Progress of the feedback mailout: status, total, sent, failed, pending',
  schemas: { path: dialogueIdPath },
});
export const unsubscribePageRoute = /* @__PURE__ */ route({
  name: 'UnsubscribePage',
  method: 'GET',
  path: '/unsubscribe',
  handler: 'functions/web/unsubscribe/page.ts',
  access: 'public',
  summary: 'Asks to confirm removing one’s email address (a GET never deletes: mail scanners follow links)',
  schemas: { query: tokenQuery },
  needs: ['unsubscribeSecret'],
});
export const unsubscribeRoute = /* @__PURE__ */ route({
  name: 'Unsubscribe',
  method: 'POST',
  path: '/unsubscribe',
  handler: 'functions/web/unsubscribe/remove.ts',
  access: 'public',
  summary:
    'Removes the contact details; the token is in the URL, so the body (RFC 8058 one-click sends List-Unsubscribe=One-Click, form-encoded or multipart) is not read',
  needs: ['unsubscribeSecret'],
  schemas: { query: tokenQuery },
});

/** Every route by name (the per-route constants let a handler's bundle leave out the other routes' schemas). */
export const routes = {
  health: healthRoute,
  openApi: openApiRoute,
  listCommittees: listCommitteesRoute,
  getDialogue: getDialogueRoute,
  submitResponse: submitResponseRoute,
  whoAmI: whoAmIRoute,
  createDialogue: createDialogueRoute,
  listDialogues: listDialoguesRoute,
  getDialogueForOfficial: getDialogueForOfficialRoute,
  updateDialogue: updateDialogueRoute,
  changeDialogueStatus: changeDialogueStatusRoute,
  embedScript: embedScriptRoute,
  stylesheet: stylesheetRoute,
  favicon: faviconRoute,
  formPage: formPageRoute,
  formPost: formPostRoute,
  getResults: getResultsRoute,
  resultsPage: resultsPageRoute,
  getOfficialResults: getOfficialResultsRoute,
  registerDecision: registerDecisionRoute,
  correctDecision: correctDecisionRoute,
  getMailout: getMailoutRoute,
  unsubscribePage: unsubscribePageRoute,
  unsubscribe: unsubscribeRoute,
} as const;

export const jobs = {
  closeDialogues: {
    name: 'close-dialogues',
    handler: 'functions/jobs/close-dialogues/handler.ts',
    rateMinutes: () => 5,
  },
  aggregate: {
    name: 'aggregate',
    handler: 'functions/jobs/aggregate/handler.ts',
    rateMinutes: (stage) => stage.aggregateEveryMinutes,
  },
  mailout: {
    name: 'mailout',
    handler: 'functions/jobs/mailout/handler.ts',
    rateMinutes: () => 1,
    needs: ['email', 'unsubscribeSecret'],
  },
} as const satisfies Record<string, JobDefinition>;

/** Handlers of events from AWS services (not HTTP, not schedules); locally, tests feed them the same event shapes. */
export const eventHandlers = {
  /** SES bounce and complaint notifications, through the configuration set's SNS topic. */
  sesFeedback: { name: 'ses-feedback', handler: 'functions/events/ses-feedback/handler.ts' },
} as const;

export type RouteName = keyof typeof routes;
export const routeList: readonly RouteDefinition[] = /* @__PURE__ */ Object.values(routes);
export const jobList: readonly JobDefinition[] = /* @__PURE__ */ Object.values(jobs);
