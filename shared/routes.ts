/**
 * The route and job manifest: every HTTP route and every scheduled job, declared once.
 * The CDK stack (infra/) and the local gateway and scheduler (local/) are both built from it.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** `public`: anyone; `official`: a valid officials' token (Cognito JWT in AWS, dev token locally). */
export type Access = 'public' | 'official';

export interface RouteDefinition {
  /** Stable name, used for the Lambda function's logical id. */
  readonly name: string;
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/dialogues/{id}`. */
  readonly path: string;
  /** Module path from the project root; it exports `handler`. */
  readonly handler: string;
  readonly access: Access;
  /** Largest accepted request body; enforced by the gateway and again by the handler. */
  readonly bodyLimitBytes: number;
}

export interface JobDefinition {
  readonly name: string;
  readonly handler: string;
  /** How often it runs in AWS; the local scheduler uses SCHEDULE_INTERVAL_SECONDS instead. */
  readonly rateMinutes: number;
}

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

const route = (
  name: string,
  method: HttpMethod,
  path: string,
  handler: string,
  access: Access,
  bodyLimitBytes = DEFAULT_BODY_LIMIT_BYTES,
): RouteDefinition => ({ name, method, path, handler, access, bodyLimitBytes });

export const routes = {
  health: route('Health', 'GET', '/health', 'functions/health/handler.ts', 'public'),
  listCommittees: route('ListCommittees', 'GET', '/committees', 'functions/committees/handler.ts', 'public'),
  getDialogue: route('GetDialogue', 'GET', '/dialogues/{id}', 'functions/dialogues/get/handler.ts', 'public'),
  submitResponse: route('SubmitResponse', 'POST', '/dialogues/{id}/responses', 'functions/dialogues/submit/handler.ts', 'public'),
  whoAmI: route('WhoAmI', 'GET', '/admin/me', 'functions/admin/me/handler.ts', 'official'),
  createDialogue: route('CreateDialogue', 'POST', '/admin/dialogues', 'functions/admin/dialogues/create/handler.ts', 'official'),
  listDialogues: route('ListDialogues', 'GET', '/admin/dialogues', 'functions/admin/dialogues/list/handler.ts', 'official'),
  getDialogueForOfficial: route('GetDialogueForOfficial', 'GET', '/admin/dialogues/{id}', 'functions/admin/dialogues/get/handler.ts', 'official'),
  updateDialogue: route('UpdateDialogue', 'PUT', '/admin/dialogues/{id}', 'functions/admin/dialogues/update/handler.ts', 'official'),
  changeDialogueStatus: route('ChangeDialogueStatus', 'POST', '/admin/dialogues/{id}/status', 'functions/admin/dialogues/status/handler.ts', 'official'),
} as const satisfies Record<string, RouteDefinition>;

export const jobs = {
  closeDialogues: { name: 'close-dialogues', handler: 'functions/jobs/close-dialogues/handler.ts', rateMinutes: 5 },
} as const satisfies Record<string, JobDefinition>;

export type RouteName = keyof typeof routes;
export const routeList: readonly RouteDefinition[] = Object.values(routes);
export const jobList: readonly JobDefinition[] = Object.values(jobs);
