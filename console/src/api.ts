import type * as z from 'zod/mini';
import type { dialogueSummariesBody } from '../../shared/http-bodies';

/** The API's own replies, typed by the zod schemas the OpenAPI document is made from (a type import: no code). */
export type DialogueSummary = z.infer<typeof dialogueSummariesBody>[number];

/** The token was refused (expired, or signed out elsewhere): the console goes back to sign-in. */
export class SessionEnded extends Error {}

export function apiClient(token: () => string | undefined) {
  async function get<T>(path: string): Promise<T> {
    const answer = await fetch(path, { headers: { authorization: `Bearer ${token() ?? ''}` } });
    if (answer.status === 401) throw new SessionEnded();
    if (!answer.ok) throw new Error(`${path} answered ${answer.status}`);
    return (await answer.json()) as T;
  }
  return { dialogues: () => get<DialogueSummary[]>('/admin/dialogues') };
}
export type ApiClient = ReturnType<typeof apiClient>;
