import { keys } from '../../shared/keys';
import { parse } from 'csv-parse/sync';
import type { Caller } from '../../shared/access';
import type { ResponseReader } from '../../shared/aggregation/run';
import type { StoredResponse } from '../../shared/aggregation/state';
import { ForbiddenError, NotFoundError } from '../../shared/errors';
import { exportResponses } from '../../shared/export/export';
import type { ExportFile, ExportStore } from '../../shared/export/ports';
import { exportFileSchema } from '../../shared/export/schema';
import { ljungby } from '../../shared/municipality';
import { NOW, callers, demo } from './fixtures';

type Row = StoredResponse & { sortKey: string };

/** `count` responses per shard, a second apart, the i-th with a random-looking id that sorts otherwise than its time. */
function rows(shard: number, count: number, closedAtMs: number): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const receivedAt = new Date(
      closedAtMs - (count - i) * 1000 + (shard === 0 && i === count - 1 ? 2000 : 0),
    ).toISOString();
    const id = `${String((i * 7919) % count).padStart(6, '0')}-${shard}`;
    return {
      sortKey: `${receivedAt}#${id}`,
      receivedAt,
      answers: { favourite: 'natur', comments: `svar ${shard}:${i}`, important: ['shade', 'toilet'] },
      profile: i % 2 ? { relation: ['lives', 'works'], ageBand: '30-44', locality: 'Lagan' } : {},
      ...(i % 3 === 0 ? { method: 'paper' as const } : {}),
    };
  });
}

const closedAt = '2026-03-09T12:00:00.000Z';
const dialogue = demo({ status: 'closed', closedAt, responseShards: 2 });
const PER_SHARD = 1500;
const data = [rows(0, PER_SHARD, Date.parse(closedAt)), rows(1, PER_SHARD, Date.parse(closedAt))];

/** A reader over `data` that notes how many responses it has handed out. */
function reader() {
  const seen = { count: 0, before: '' };
  const read: ResponseReader['read'] = async function* (_id, shard, _after, before) {
    seen.before = before;
    for (const row of data[shard] ?? []) {
      if (row.receivedAt >= before) return;
      seen.count += 1;
      yield [row];
    }
  };
  return { seen, reader: { read } };
}

/** A store that reads the body as a real one would, noting how far the reader had got at each part. */
function store(seen: { count: number }) {
  const parts: Array<{ text: string; readSoFar: number }> = [];
  const saved: ExportFile[] = [];
  const exports: ExportStore = {
    async save(file) {
      saved.push(file);
      // As the bytes were sent: a default TextDecoder would drop the BOM.
      const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      for await (const chunk of file.body) parts.push({ text: decoder.decode(chunk), readSoFar: seen.count });
      return { url: 'https://exports.test/file', expiresAt: '2026-03-10T09:15:00.000Z' };
    },
  };
  return { exports, parts, saved, text: () => parts.map((p) => p.text).join('') };
}

const run = async (format: 'json' | 'csv', caller: Caller = callers.lead) => {
  const { seen, reader: responses } = reader();
  const target = store(seen);
  const answer = await exportResponses(
    {
      dialogues: { get: async () => dialogue },
      responses,
      exports: target.exports,
      municipality: ljungby,
      clock: { now: () => NOW },
    },
    caller,
    dialogue.id,
    format,
  );
  return { answer, seen, ...target };
};

describe('the export of every response (shared/export)', () => {
  test('JSON: the public definition, every response once with only method, date, counted, answers and profile', async () => {
    const { answer, text, saved, seen } = await run('json');
    expect(seen.before).toBe(NOW.toISOString());
    expect(saved[0]).toMatchObject({
      name: `svar-${dialogue.id}.json`,
      contentType: 'application/json; charset=utf-8',
    });
    const file = exportFileSchema.parse(JSON.parse(text()));
    expect(answer).toMatchObject({ format: 'json', responseCount: 2 * PER_SHARD, url: 'https://exports.test/file' });
    expect(file.responseCount).toBe(2 * PER_SHARD);
    expect(file.dialogue.id).toBe(dialogue.id);
    expect(file.dialogue.conditions.dataHandling.sv.anonymous).toMatch(/anonyma/);
    const texts = file.responses.map((r) => r.answers.comments);
    expect(new Set(texts).size).toBe(2 * PER_SHARD);
    expect(file.responses.filter((r) => r.method === 'paper')).toHaveLength(2 * Math.ceil(PER_SHARD / 3));
    // The one response after the close is exported, marked as not counted.
    expect(file.responses.filter((r) => !r.counted).map((r) => r.answers.comments)).toEqual([
      `svar 0:${PER_SHARD - 1}`,
    ]);
    expect(new Set(file.responses.map((r) => r.receivedOn))).toEqual(new Set(['2026-03-09']));
  });

  test('the order says nothing of arrival: each window of a thousand is sorted by the random id, not the time', async () => {
    const { text } = await run('json');
    const order = exportFileSchema.parse(JSON.parse(text())).responses.map((r) => r.answers.comments);
    const arrival = data.flat().map((r) => r.answers.comments);
    expect(order).not.toEqual(arrival);
    // Windows never mix shards' thousands: the first thousand exported are the first thousand of shard 0, reordered.
    expect(new Set(order.slice(0, 1000))).toEqual(new Set(arrival.slice(0, 1000)));
    // Each window is in the order of the random response id; the 1001st row opens the next window.
    const idOf = new Map(data.flat().map((r) => [r.answers.comments, keys.arrivalResponseId(r.sortKey)]));
    const ids = order.map((comment) => idOf.get(comment) as string);
    for (let start = 0; start < ids.length; start += 1000) {
      const window = ids.slice(start, start + 1000);
      expect(window).toEqual([...window].sort());
    }
    expect(arrival.slice(0, 1000)).not.toContain(order[1000]);
  });

  test('streamed: the file leaves in parts while the responses are still being read', async () => {
    const { parts } = await run('csv');
    // The header, then one part per window of a thousand (a window goes on from one shard into the next).
    expect(parts).toHaveLength(4);
    expect(parts[1]?.readSoFar).toBeLessThanOrEqual(1001);
    expect(Math.max(...parts.map((p) => p.text.length))).toBeLessThan(half(parts));
  });

  test('CSV: BOM once, one column per question, Swedish labels, a row per response', async () => {
    const { text, saved } = await run('csv');
    expect(saved[0]?.contentType).toBe('text/csv; charset=utf-8');
    const csv = text();
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.indexOf('\uFEFF', 1)).toBe(-1);
    const records = parse(csv, { bom: true, delimiter: ';', columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(2 * PER_SHARD);
    const header = Object.keys(records[0] ?? {});
    expect(header).toEqual([
      'metod',
      'inkom (datum)',
      'räknas i resultatet',
      ...dialogue.questions.map((q) => `${q.label.sv} (${q.id})`),
      'relation till kommunen',
      'ålder',
      'ort',
    ]);
    const favourite = header.find((h) => h.endsWith('(favourite)')) as string;
    const important = header.find((h) => h.endsWith('(important)')) as string;
    const withProfile = records.find((r) => r.ort === 'Lagan');
    expect(withProfile).toMatchObject({
      [favourite]: 'Naturlekplats',
      [important]: 'Skugga och träd | Toalett i närheten',
      'relation till kommunen': 'Jag bor här | Jag arbetar eller studerar här',
      ålder: '30–44 år',
    });
    expect(new Set(records.map((r) => r.metod))).toEqual(new Set(['Webbenkäten', 'Pappersblankett']));
    expect(records.filter((r) => r['räknas i resultatet'] === 'nej')).toHaveLength(1);
  });

  test('only the lead committee’s officials or an admin may export; drafts and unknown dialogues are 404', async () => {
    await expect(run('csv', callers.participating)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(run('csv', callers.other)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(run('csv', callers.admin)).resolves.toBeDefined();
    const deps = (found: typeof dialogue | undefined) => ({
      ...{ responses: reader().reader, exports: store({ count: 0 }).exports, municipality: ljungby },
      dialogues: { get: async () => found },
      clock: { now: () => NOW },
    });
    await expect(exportResponses(deps(undefined), callers.lead, 'x', 'json')).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      exportResponses(deps({ ...dialogue, status: 'draft' }), callers.lead, dialogue.id, 'json'),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

/** Half the whole file: no one part may hold most of it. */
const half = (parts: Array<{ text: string }>) => parts.reduce((n, p) => n + p.text.length, 0) / 2;
