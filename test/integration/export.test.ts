/**
 * The export of every response (issue 14, part 5) through the deployed handler against DynamoDB Local, a few
 * thousand responses, downloaded through the local gateway's signed link: every response exactly once, the CSV read
 * by a real CSV parser, the JSON checked against its schema, and nothing in either that could lead to a person.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { writeResponses, seededResponse } from '../../bench/seed-responses';
import { dynamoDialogueStore } from '../../functions/adapters/dialogue-store';
import { verifiedDownload } from '../../functions/adapters/file-export-store';
import { dynamoResponseStore } from '../../functions/adapters/response-store';
import { handler } from '../../functions/admin/dialogues/export/handler';
import { exportFiles } from '../../local/export-files';
import { demoDialogue } from '../../local/demo-dialogue';
import { changeStatus, createDialogue } from '../../shared/dialogue/lifecycle';
import type { Dialogue } from '../../shared/dialogue/schema';
import { exportFileSchema } from '../../shared/export/schema';
import type { exportBody } from '../../shared/http-bodies';
import { ljungby } from '../../shared/municipality';
import { routes } from '../../shared/routes';
import type * as z from 'zod/mini';
import { createTestTable } from '../support/dynamo';
import { httpEvent, invoke, officialOf } from './support/events';
import { tableName, testDocumentClient } from './support/table';

const SEEDED = 3000;
const SHARDS = 4;
const EMAIL = 'medborgare@example.se';
const db = testDocumentClient();
const dir = process.env.EXPORT_DIR ?? '';
const secret = process.env.EXPORT_URL_SECRET ?? '';
const lead = officialOf('tekniska-namnden');
let server: Server;
let origin: string;
let dialogue: Dialogue;
const seeder = { sub: 'seeder', committees: [], isAdmin: true };

/** Free texts that a CSV must carry whole: a formula, a line break, the separator and quotes. */
const comment = (i: number): string =>
  i % 50 === 0
    ? `=HYPERLINK("http://x") svar ${i}`
    : i % 50 === 1
      ? `rad ett\nrad två; "citat" svar ${i}`
      : `svar ${i}`;

const item = (i: number, receivedAt: string) => {
  const seeded = seededResponse(dialogue.id, i, receivedAt, SHARDS);
  return {
    ...seeded,
    answers: { ...seeded.answers, comments: comment(i) },
    ...(i % 13 === 0 ? { profile: {} } : {}),
    ...(i % 7 === 0 ? { method: 'paper' } : i % 11 === 0 ? { method: 'meeting' } : {}),
    willReceiveFeedback: i % 5 === 0,
  };
};

const save = (receivedAt: string, text: string, extra: object = {}) =>
  dynamoResponseStore(db, tableName()).save({
    dialogueId: dialogue.id,
    dialogueVersion: dialogue.version,
    submissionId: randomUUID(),
    responseId: randomUUID(),
    shard: 1,
    receivedAt,
    answers: { favourite: 'alla', comments: text },
    profile: {},
    quarantined: false,
    ...extra,
  });

beforeAll(async () => {
  await createTestTable();
  const now = new Date();
  const store = dynamoDialogueStore(db, tableName());
  const created = createDialogue({ ...demoDialogue(now), title: { sv: 'Export' } }, seeder, ljungby, {
    id: `export-${randomUUID().slice(0, 8)}`,
    now,
    responseShards: SHARDS,
  });
  await store.write(created);
  const opened = changeStatus(created.dialogue, 'open', seeder, now);
  await store.write(opened);
  dialogue = opened.dialogue;
  await writeResponses({ documentClient: db, tableName: tableName() }, opened.dialogue.id, SEEDED, {
    shards: SHARDS,
    endMs: now.getTime() - 1000,
    item,
  });
  // With an address (kept apart, never exported), and a bot's, kept in quarantine and never counted or exported.
  await save(new Date(now.getTime() - 500).toISOString(), 'med adress', {
    contact: { email: EMAIL, emailHash: 'hash-of-the-address', language: 'sv' },
  });
  await save(new Date(now.getTime() - 400).toISOString(), 'en robot', { quarantined: true });
  const closed = changeStatus(dialogue, 'closed', seeder, now);
  await store.write(closed);
  dialogue = closed.dialogue;
  // Stored in the seconds after the close (from a cached copy of the open dialogue): exported, not counted.
  await save(new Date(now.getTime() + 1).toISOString(), 'efter stängningen');
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    void exportFiles({ dir, secret })(request, response, url).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  db.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

type Exported = z.infer<typeof exportBody>;

/** Exports through the handler, then downloads the link as a browser would: no token, from the gateway. */
async function exported(format: 'json' | 'csv') {
  await new Promise((resolve) => setTimeout(resolve, 5)); // after the late response, to the millisecond
  const answer = await invoke<Exported>(
    handler,
    httpEvent(routes.exportResponses, { official: lead, pathParameters: { id: dialogue.id }, body: { format } }),
  );
  expect(answer.statusCode).toBe(201);
  const link = new URL(answer.json.url);
  const download = await fetch(`${origin}${link.pathname}${link.search}`);
  expect(download.status).toBe(200);
  const bytes = Buffer.from(await download.arrayBuffer());
  return { answer: answer.json, link, download, bytes, text: bytes.toString('utf8') };
}

const everyComment = [...Array.from({ length: SEEDED }, (_, i) => comment(i)), 'med adress', 'efter stängningen'];

test('JSON: the definition, then every response exactly once, fitting the schema, with nothing that names anyone', async () => {
  const { answer, download, text } = await exported('json');
  expect(answer).toMatchObject({ format: 'json', filename: `svar-${dialogue.id}.json`, responseCount: SEEDED + 2 });
  expect(download.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(download.headers.get('content-disposition')).toBe(`attachment; filename="svar-${dialogue.id}.json"`);
  const file = exportFileSchema.parse(JSON.parse(text));
  expect(file.dialogue.id).toBe(dialogue.id);
  expect(file.responseCount).toBe(SEEDED + 2);
  expect(file.responses.map((r) => r.answers.comments).sort()).toEqual([...everyComment].sort());
  expect(file.responses.filter((r) => !r.counted).map((r) => r.answers.comments)).toEqual(['efter stängningen']);
  expect(file.responses.filter((r) => r.method === 'paper')).toHaveLength(Math.ceil(SEEDED / 7));
  // No ids (every one is a UUID), no address, no feedback bit, no time of day anywhere among the responses.
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
  expect(text).not.toContain(EMAIL);
  expect(text).not.toContain('willReceiveFeedback');
  expect(text).not.toContain('en robot');
  expect(JSON.stringify(file.responses)).not.toMatch(/T\d\d:\d\d/);
});

test('CSV: UTF-8 with BOM that a CSV parser reads as one row per response, free texts whole, formulas defused', async () => {
  const { download, bytes, text } = await exported('csv');
  expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(text, { bom: true, delimiter: ';', columns: true }) as Array<Record<string, string>>;
  expect(rows).toHaveLength(SEEDED + 2);
  const comments = Object.keys(rows[0] ?? {}).find((h) => h.endsWith('(comments)')) as string;
  const defused = (c: string) => (c.startsWith('=') ? `'${c}` : c);
  expect(rows.map((r) => r[comments]).sort()).toEqual(everyComment.map(defused).sort());
  expect(rows.some((r) => r[comments] === `rad ett\nrad två; "citat" svar 1`)).toBe(true);
  expect(new Set(rows.map((r) => r.metod))).toEqual(new Set(['Webbenkäten', 'Pappersblankett', 'Möte']));
  expect(text).not.toContain(EMAIL);
});

test('the link needs no token but works only as signed and until it expires', async () => {
  const { link } = await exported('csv');
  const tampered = new URL(link);
  tampered.searchParams.set('expires', String(Number(link.searchParams.get('expires')) + 3600));
  expect((await fetch(`${origin}${tampered.pathname}${tampered.search}`)).status).toBe(403);
  expect(verifiedDownload(link, secret, new Date())).toBeDefined();
  const expiry = Number(link.searchParams.get('expires')) * 1000;
  expect(verifiedDownload(link, secret, new Date(expiry + 1))).toBeUndefined();
  expect(verifiedDownload(link, 'another-secret-0123456789abcdefghijkl', new Date())).toBeUndefined();
});
