import { keys } from '../keys';
import { dayOf, type StoredResponse } from '../aggregation/state';
import type { ExportedResponse } from './schema';

/**
 * A stored response as the archive keeps it. Left out, whatever else the item holds: its ids (the citizen's receipt
 * names the response id, and the submission id is the browser's), its time beyond the Swedish date (the receipt and
 * any access log hold the moment, which would lead to the person), and whether it left an address (with few contacts
 * that bit would tie an address to its answers).
 */
export function exportedResponse(response: StoredResponse, countedBefore: string): ExportedResponse {
  return {
    method: response.method ?? 'web',
    receivedOn: dayOf(response.receivedAt),
    counted: response.receivedAt < countedBefore,
    answers: response.answers as ExportedResponse['answers'],
    // Checked against the profile's own values when it was submitted.
    profile: response.profile as ExportedResponse['profile'],
  };
}

/** Most rows and characters (free texts) that wait for their window: memory stays bounded whatever the dialogue. */
const WINDOW_ROWS = 1000;
const WINDOW_CHARS = 4_000_000;

const weightOf = (response: StoredResponse): number =>
  Object.values(response.answers).reduce<number>(
    (sum, value) => sum + (typeof value === 'string' ? value.length : 8),
    100,
  );

/**
 * Responses in windows of up to a thousand, each window sorted by the response's random id. The arrival index gives
 * them in time order; within a window the order then says nothing about who came when, and only the window's dates
 * are left of time.
 */
export async function* unorderedWindows(
  responses: AsyncIterable<StoredResponse & { readonly sortKey: string }>,
  countedBefore: string,
): AsyncIterable<ExportedResponse[]> {
  let window: Array<{ id: string; response: ExportedResponse }> = [];
  let chars = 0;
  const flush = (): ExportedResponse[] => {
    const sorted = window.sort((a, b) => (a.id < b.id ? -1 : 1)).map((w) => w.response);
    window = [];
    chars = 0;
    return sorted;
  };
  for await (const response of responses) {
    // The response id is random, unrelated to the time.
    window.push({
      id: keys.arrivalResponseId(response.sortKey),
      response: exportedResponse(response, countedBefore),
    });
    chars += weightOf(response);
    if (window.length >= WINDOW_ROWS || chars >= WINDOW_CHARS) yield flush();
  }
  if (window.length > 0) yield flush();
}
