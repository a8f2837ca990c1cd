import type * as z from 'zod/mini';
import type { PublicDefinition } from '../../shared/dialogue/public-view';
import type { DecisionBody } from '../../shared/decision/schema';
import type { Issue } from '../../shared/errors';
import { consoleCatalogues } from '../../shared/messages/console';
import type { Bilingual, Language } from '../../shared/messages/language';
import type { ConsoleCatalogue } from '../../shared/messages/console';
import type {
  auditBody,
  dialogueBody,
  dialogueSummariesBody,
  dialogueWithWarningsBody,
  exportBody,
  invitationBody,
  mailoutBody,
  moderationBody,
  officialResultsBody,
  whoAmIBody,
  dialogueEvaluationBody,
  yearEvaluationBody,
} from '../../shared/http-bodies';
import type { EvaluationBody } from '../../shared/evaluation/schema';

/** The API's own replies, typed by the zod schemas the OpenAPI document is made from (a type import: no code). */
export type DialogueSummary = z.infer<typeof dialogueSummariesBody>[number];
export type StoredDialogue = z.infer<typeof dialogueBody>;
export type AuditEntries = z.infer<typeof auditBody>;
export type Me = z.infer<typeof whoAmIBody>;
export type Invitation = z.infer<typeof invitationBody>;
export type MailoutProgress = z.infer<typeof mailoutBody>;
export type OfficialResults = z.infer<typeof officialResultsBody>;
export type Moderation = z.infer<typeof moderationBody>;
export type DialogueEvaluation = z.infer<typeof dialogueEvaluationBody>;
export type YearEvaluation = z.infer<typeof yearEvaluationBody>;
export type ExportLink = z.infer<typeof exportBody>;
/** What citizens see of a dialogue (`GET /dialogues/{id}`): the form and the results are drawn from it. */
export type { PublicDefinition };

/** The token was refused (expired, or signed out elsewhere): the console goes back to sign-in. */
export class SessionEnded extends Error {}

/** The API said no, in words for people: a 400's issues, a 422's missing fields, a 403's or 409's message. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly issues: readonly Issue[],
    readonly said: Bilingual,
  ) {
    super(said.en);
  }
}

export function apiClient(token: () => string | undefined) {
  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const answer = await fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${token() ?? ''}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (answer.status === 401) throw new SessionEnded();
    if (answer.ok) return answer;
    const refusal = (await answer.json().catch(() => ({}))) as {
      issues?: Issue[];
      missing?: Issue[];
      message?: string;
      messageEn?: string;
    };
    const issues = refusal.issues ?? refusal.missing ?? [];
    // A 400 lists its issues without a message of its own: then the console's words lead them.
    const fallback = issues.length
      ? { sv: consoleCatalogues.sv.correctBelow, en: consoleCatalogues.en.correctBelow }
      : { sv: `${method} ${path}: ${answer.status}`, en: `${method} ${path}: ${answer.status}` };
    throw new Refused(answer.status, issues, {
      sv: refusal.message ?? fallback.sv,
      en: refusal.messageEn ?? fallback.en,
    });
  }
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
    (await (await send(method, path, body)).json()) as T;
  const one = (id: string) => `/admin/dialogues/${encodeURIComponent(id)}`;
  return {
    me: () => call<Me>('GET', '/admin/me'),
    dialogues: () => call<DialogueSummary[]>('GET', '/admin/dialogues'),
    dialogue: (id: string) => call<StoredDialogue>('GET', one(id)),
    create: (definition: unknown) => call<StoredDialogue>('POST', '/admin/dialogues', definition),
    update: (id: string, definition: unknown) => call<StoredDialogue>('PUT', one(id), definition),
    setStatus: (id: string, status: 'open' | 'closed') =>
      call<z.infer<typeof dialogueWithWarningsBody>>('POST', `${one(id)}/status`, { status }),
    audit: (id: string) => call<AuditEntries>('GET', `${one(id)}/audit`),
    invitation: (id: string, lang: string) => call<Invitation>('GET', `${one(id)}/invitation?lang=${lang}`),
    mailout: (id: string) => call<MailoutProgress>('GET', `${one(id)}/mailout`),
    decide: (id: string, body: DecisionBody) => call<unknown>('POST', `${one(id)}/decision`, body),
    correctDecision: (id: string, body: DecisionBody) => call<unknown>('PUT', `${one(id)}/decision`, body),
    results: (id: string) => call<OfficialResults>('GET', `${one(id)}/results`),
    // The bytes as sent: text() would drop the BOM that makes Excel read UTF-8.
    resultsCsv: async (id: string) => (await send('GET', `${one(id)}/results?format=csv`)).blob(),
    exportResponses: (id: string, format: ExportLink['format']) =>
      call<ExportLink>('POST', `${one(id)}/export`, { format }),
    publicDefinition: async (id: string) => {
      const answer = await fetch(`/dialogues/${encodeURIComponent(id)}`, { cache: 'no-store' });
      if (!answer.ok) throw new Error(`GET /dialogues/${id}: ${answer.status}`);
      return (await answer.json()) as PublicDefinition;
    },
    enterResponse: (id: string, body: unknown) => call<unknown>('POST', `${one(id)}/responses`, body),
    moderate: (id: string, body: Moderation) => call<Moderation>('POST', `${one(id)}/moderation`, body),
    evaluation: (id: string) => call<DialogueEvaluation>('GET', `${one(id)}/evaluation`),
    recordEvaluation: (id: string, body: EvaluationBody) =>
      call<DialogueEvaluation>('PUT', `${one(id)}/evaluation`, body),
    year: (year: number) => call<YearEvaluation>('GET', `/admin/evaluation?year=${year}`),
    // The bytes as sent, BOM included (see resultsCsv).
    yearCsv: async (year: number) => (await send('GET', `/admin/evaluation?year=${year}&format=csv`)).blob(),
    preview: async (id: string, lang: string) => (await send('GET', `${one(id)}/preview?lang=${lang}`)).text(),
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

/** What every view of one dialogue is given by the app. */
export interface DialogueViewProps {
  readonly api: ApiClient;
  readonly id: string;
  readonly t: ConsoleCatalogue;
  readonly lang: Language;
  onError(error: unknown): void;
}
