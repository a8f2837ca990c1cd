import type { Caller } from '../access';
import { type ResponseReader, countedUntilClose } from '../aggregation/run';
import { publicDefinition } from '../dialogue/public-view';
import { assertMayManage } from '../dialogue/rules';
import { NotFoundError } from '../errors';
import { exportNote } from '../messages/export';
import * as refusals from '../messages/refusals';
import type { Municipality } from '../municipality';
import type { Clock, DialogueStore } from '../ports';
import { publicDecision } from '../aggregation/results';
import { spreadsheetCsv } from '../spreadsheet-csv';
import { csvHeader, csvRow } from './csv';
import type { ExportStore } from './ports';
import { unorderedWindows } from './responses';
import type { ExportFormat } from './formats';
import type { ExportedResponse } from './schema';
import type { Dialogue } from '../dialogue/schema';

export interface ExportDeps {
  readonly dialogues: Pick<DialogueStore, 'get'>;
  readonly responses: ResponseReader;
  readonly exports: ExportStore;
  readonly municipality: Municipality;
  readonly clock: Clock;
}

const contentTypes = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

/** The JSON file: the dialogue first, then the responses one a line, and their count last (known only then). */
async function* jsonParts(
  head: Record<string, unknown>,
  windows: AsyncIterable<ExportedResponse[]>,
  count: () => number,
): AsyncIterable<string> {
  yield `${JSON.stringify(head).slice(0, -1)},"responses":[`;
  let first = true;
  for await (const window of windows) {
    yield `${first ? '\n' : ',\n'}${window.map((r) => JSON.stringify(r)).join(',\n')}`;
    first = false;
  }
  yield `\n],"responseCount":${count()}}\n`;
}

/** The CSV file: the header with the BOM, then each window's rows. */
async function* csvParts(dialogue: Dialogue, windows: AsyncIterable<ExportedResponse[]>): AsyncIterable<string> {
  yield spreadsheetCsv([csvHeader(dialogue)]);
  for await (const window of windows)
    yield spreadsheetCsv(
      window.map((r) => csvRow(dialogue, r)),
      { bom: false },
    );
}

async function* utf8(parts: AsyncIterable<string>): AsyncIterable<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const part of parts) yield encoder.encode(part);
}

/**
 * Survey answers are public records (allmänna handlingar): the lead committee's officials (or an admin, as for the
 * free texts, which no one has yet reviewed for disclosure) export every response of a dialogue, anonymous, with the
 * dialogue as citizens saw it, for the case file and the archive. Every response that came in before the export
 * started, shard by shard from the arrival index, is streamed into the store: never all of them in memory.
 */
export async function exportResponses(deps: ExportDeps, caller: Caller, id: string, format: ExportFormat) {
  const found = await deps.dialogues.get(id);
  if (!found || found.status === 'draft') throw new NotFoundError(refusals.noDialogue(id));
  const dialogue = found;
  assertMayManage(caller, dialogue);
  const exportedAt = deps.clock.now().toISOString();
  let responseCount = 0;
  async function* everyResponse() {
    for (let shard = 0; shard < dialogue.responseShards; shard++)
      for await (const page of deps.responses.read(dialogue.id, shard, undefined, exportedAt))
        for (const response of page) {
          responseCount += 1;
          yield response;
        }
  }
  const windows = unorderedWindows(everyResponse(), countedUntilClose(dialogue));
  const decision = publicDecision(dialogue);
  const parts =
    format === 'json'
      ? jsonParts(
          {
            exportedAt,
            about: exportNote,
            dialogue: publicDefinition(dialogue, deps.municipality),
            ...(decision ? { decision } : {}),
          },
          windows,
          () => responseCount,
        )
      : csvParts(dialogue, windows);
  const filename = `svar-${dialogue.id}.${format}`;
  const stored = await deps.exports.save({ name: filename, contentType: contentTypes[format], body: utf8(parts) });
  return { format, filename, responseCount, exportedAt, ...stored };
}
