/**
 * The public results page in a real Chromium against the local stack (in-process, in-memory DynamoDB Local):
 * twelve responses are sent to the demo dialogue, the lead committee closes it, the aggregate job runs on
 * demand, and `/results/demo` is checked in Swedish and English: WCAG 2.1 A/AA by axe-core, the numbers as
 * table text, suppressed small groups, keyboard use of the breakdowns, and reflow at 320 px.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type Page, chromium } from 'playwright-core';
import { localIdentity } from '../../local/identity';
import { freePort } from '../../local/ports';
import { type LocalStack, startLocalStack } from '../../local/stack';
import type { ResultsBody } from '../../shared/aggregation/present';

jest.setTimeout(30_000);

const LOCAL_LAG_MS = 2000;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const screenshotDir = join(__dirname, '../../test-results/screenshots');
mkdirSync(screenshotDir, { recursive: true });

interface Spec {
  answers: Record<string, unknown>;
  profile?: { relation?: string[]; ageBand?: string; locality?: string };
}
/** relation:lives 8 and ageBand:30-44 6 are shown publicly; works, visits, the other age bands and localities are fewer than 5. */
const RESPONSES: Spec[] = [
  {
    answers: {
      favourite: 'natur',
      ranking: ['natur', 'alla', 'aventyr'],
      important: ['shade'],
      'rating-alla': 4,
      visits: true,
      comments: 'Fler träd.',
    },
    profile: { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
  },
  {
    answers: { favourite: 'alla', ranking: ['alla', 'natur', 'aventyr'], 'rating-alla': 5, visits: true },
    profile: { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
  },
  {
    answers: { favourite: 'alla', important: ['toddlers', 'seating'], 'rating-alla': 5, visits: false },
    profile: { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
  },
  {
    answers: { favourite: 'aventyr', ranking: ['aventyr', 'alla', 'natur'], visits: true },
    profile: { relation: ['lives', 'works'], ageBand: '20-29', locality: 'Lagan' },
  },
  {
    answers: { favourite: 'natur', 'rating-alla': 3 },
    profile: { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
  },
  {
    answers: { favourite: 'alla', important: ['toilet'], 'rating-alla': 4, visits: false },
    profile: { relation: ['lives'], ageBand: '45-64', locality: 'Lagan' },
  },
  {
    answers: { favourite: 'alla', ranking: ['alla', 'aventyr', 'natur'], 'rating-alla': 5, visits: true },
    profile: { relation: ['works'], ageBand: '30-44', locality: 'Ljungby' },
  },
  {
    answers: { favourite: 'natur', important: ['shade', 'lighting'], visits: false },
    profile: { relation: ['visits'], ageBand: '65-79', locality: 'Ryssby' },
  },
  { answers: { favourite: 'aventyr', 'rating-alla': 2 } },
  {
    answers: { favourite: 'alla', 'rating-alla': 5, visits: true },
    profile: { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
  },
  { answers: { favourite: 'natur' }, profile: { relation: ['lives'], ageBand: '16-19', locality: 'Lagan' } },
  {
    answers: { favourite: 'alla', important: ['seating'], 'rating-alla': 4 },
    profile: { relation: ['lives'], locality: 'Lidhult' },
  },
];

let stack: LocalStack;
let browser: Browser;
let jobResult: unknown;
let results: ResultsBody;
const url = (path: string) => `${stack.urls.api}${path}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Violations per page, written next to the screenshots for the report. */
const axeCounts: Record<string, number> = {};
async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  axeCounts[name] = violations.length;
  expect(
    violations.map(
      (v) =>
        `${v.id} (${v.impact ?? ''}): ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(', ')}`,
    ),
  ).toEqual([]);
}

const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, `results-${name}.png`), fullPage: true });

/** A page in a context of its own (axe-core needs one); `close` it through `done`. */
async function open(path: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const answer = await page.goto(url(path));
  expect(answer?.status()).toBe(200);
  return page;
}

const done = (page: Page) => page.context().close();

const openEveryBreakdown = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

/** The rows of the table captioned with `caption`, cells joined by `|`. */
const rowsOf = (page: Page, caption: string): Promise<string[]> =>
  page.evaluate((wanted) => {
    const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent?.trim() === wanted);
    return table ? [...table.rows].map((r) => [...r.cells].map((c) => c.textContent?.trim() ?? '').join('|')) : [];
  }, caption);

/** The focused element's tag and text, for following Tab. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element && element !== document.body
      ? {
          tag: element.tagName.toLowerCase(),
          text: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 60),
        }
      : null;
  });

async function tabTo(page: Page, matches: (f: { tag: string; text: string }) => boolean, max = 80): Promise<void> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now && matches(now)) return;
    path.push(now ? `${now.tag} "${now.text}"` : '(body)');
  }
  throw new Error(`Tab never got there; focus went ${path.join(' → ')}`);
}

beforeAll(async () => {
  const ports = {
    api: await freePort(),
    dynamodb: await freePort(),
    ses: await freePort(),
    scheduleIntervalSeconds: 3600,
  };
  [stack, browser] = await Promise.all([
    startLocalStack({ ports, inMemory: true }),
    chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    }),
  ]);

  for (const spec of RESPONSES) {
    const sent = await fetch(url('/dialogues/demo/responses'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...spec, submissionId: randomUUID() }),
    });
    expect(sent.status).toBe(201);
  }
  const token = await (await localIdentity(ports.api)).issue({ committees: ['tekniska-namnden'], admin: false });
  const closed = await fetch(url('/admin/dialogues/demo/status'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ status: 'closed' }),
  });
  expect(closed.status).toBe(200);

  await sleep(LOCAL_LAG_MS + 500);
  const run = await fetch(url('/local/jobs/aggregate'), { method: 'POST' });
  expect(run.status).toBe(200);
  jobResult = await run.json();
  results = (await (await fetch(url('/dialogues/demo/results'))).json()) as ResultsBody;
}, 90_000);

afterAll(async () => {
  writeFileSync(join(screenshotDir, '../axe-results-results-page.json'), `${JSON.stringify(axeCounts, null, 2)}\n`);
  await browser?.close();
  await stack?.stop();
}, 30_000);

it('the aggregate job, run after the local lag, counts all twelve responses and the public results are visible once closed', () => {
  expect(jobResult).toEqual({ job: 'aggregate', result: { dialogues: 1, folded: RESPONSES.length, failed: [] } });
  expect(results).toMatchObject({ status: 'closed', visibility: 'full', responseCount: RESPONSES.length });
});

describe.each([
  { lang: 'sv', path: '/results/demo', fewer: 'färre än 5', answered: '12 personer har svarat.' },
  { lang: 'en', path: '/results/demo?lang=en', fewer: 'fewer than 5', answered: '12 people have answered.' },
] as const)('/results/demo in $lang', ({ lang, path, fewer, answered }) => {
  it('has no WCAG 2.1 A/AA violations (axe-core), with the breakdowns closed and opened', async () => {
    const page = await open(path);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await expectNoAxeViolations(page, `${path} (1280 px)`);
    await screenshot(page, `${lang}-1280`);
    await openEveryBreakdown(page);
    await expectNoAxeViolations(page, `${path} (1280 px, breakdowns open)`);
    await screenshot(page, `${lang}-1280-breakdowns-open`);
    await done(page);
  });

  it('has every count of the results API as text in the table of its question, with its share', async () => {
    const page = await open(path);
    expect(await page.locator('main').innerText()).toContain(answered);
    const definition = (await (await fetch(url('/dialogues/demo'))).json()) as {
      questions: Array<{ id: string; label: { sv: string; en?: string } }>;
    };
    let checked = 0;
    for (const question of definition.questions) {
      const counts = results.questions[question.id]?.counts;
      if (!counts || Object.keys(counts).length === 0) continue;
      const rows = await rowsOf(page, (lang === 'en' ? question.label.en : undefined) ?? question.label.sv);
      const bodyRows = rows.slice(1);
      expect(bodyRows).toHaveLength(Object.keys(counts).length);
      Object.entries(counts).forEach(([value, count], i) => {
        expect(bodyRows[i]).toMatch(
          new RegExp(`\\|${count}\\|${results.questions[question.id]?.percentages?.[value]} %$`),
        );
        checked += 1;
      });
    }
    expect(checked).toBe(3 + 5 + 5 + 2); // favourite, important, rating-alla, visits
    await done(page);
  });

  it(`says "${fewer}" for every suppressed breakdown cell, and shows the groups of 5 or more with their numbers`, async () => {
    const page = await open(path);
    await openEveryBreakdown(page);
    const suppressedCells = await page.locator('details td[colspan]').allInnerTexts();
    const expected = Object.values(results.questions)
      .flatMap((q) => Object.values(q.byGroup ?? {}))
      .filter((c) => 'suppressed' in c).length;
    expect(expected).toBeGreaterThan(0);
    expect(suppressedCells).toHaveLength(expected);
    const complementary =
      lang === 'sv'
        ? 'dold, så att en mindre grupp inte kan räknas fram'
        : 'hidden, so that a smaller group cannot be worked out';
    for (const text of suppressedCells) expect([fewer, complementary]).toContain(text.trim());
    expect(suppressedCells).toContain(fewer);
    const lives = lang === 'sv' ? 'Jag bor här' : 'I live here';
    const favourite = results.questions.favourite?.byGroup?.['relation:lives'];
    if (!favourite || 'suppressed' in favourite) throw new Error('relation:lives should be shown');
    const relationCaption =
      lang === 'sv' ? 'Vilket förslag tycker du bäst om? – Relation' : 'Which proposal do you like best? – Relation';
    expect(await rowsOf(page, relationCaption)).toContain(
      `${lives}|${favourite.respondents}|${favourite.counts.natur}|${favourite.counts.aventyr}|${favourite.counts.alla}`,
    );
    await done(page);
  });

  it('lets a keyboard user Tab to a breakdown’s summary, open it with Enter, and Tab on into its table region', async () => {
    const page = await open(path);
    const summary = lang === 'sv' ? 'Visa uppdelning' : 'Show breakdown';
    await tabTo(page, (f) => f.tag === 'summary' && f.text.startsWith(summary));
    expect(await page.evaluate(() => (document.activeElement?.parentElement as HTMLDetailsElement | null)?.open)).toBe(
      false,
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement?.parentElement as HTMLDetailsElement | null)?.open)).toBe(
      true,
    );
    await page.keyboard.press('Tab');
    const region = await page.evaluate(() => ({
      role: document.activeElement?.getAttribute('role'),
      insideOpenDetails: Boolean(document.activeElement?.closest('details[open]')),
    }));
    expect(region).toEqual({ role: 'region', insideOpenDetails: true });
    await done(page);
  });

  it('does not scroll sideways at 320 px with every breakdown open (wide tables scroll inside their own region), and axe finds nothing there either', async () => {
    const page = await open(path, 320);
    await openEveryBreakdown(page);
    const layout = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      const viewport = document.documentElement.clientWidth;
      const overflowing = [...document.querySelectorAll('table')]
        .filter((t) => t.getBoundingClientRect().right > viewport + 0.5 || t.getBoundingClientRect().left < -0.5)
        .map((t) => ({
          caption: t.caption?.textContent?.trim() ?? '',
          inScrollRegion: Boolean(t.closest('.md-table[role=region]')),
        }));
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, overflowing };
    });
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    // A table wider than the screen is clipped by its region, which scrolls; none sits loose on the page.
    expect(layout.overflowing.filter((t) => !t.inScrollRegion)).toEqual([]);
    await screenshot(page, `${lang}-320`);
    await expectNoAxeViolations(page, `${path} (320 px, breakdowns open)`);
    await done(page);
  });

  it('breaks no word in a results table across lines at 320 px (a wide table scrolls in its region instead)', async () => {
    const page = await open(path, 320);
    await openEveryBreakdown(page);
    const broken = await page.evaluate(() => {
      const found: string[] = [];
      for (const cell of document.querySelectorAll('table th, table td')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const word of (node.textContent ?? '').matchAll(/[\p{L}\p{N}]+/gu)) {
            const range = document.createRange();
            range.setStart(node, word.index ?? 0);
            range.setEnd(node, (word.index ?? 0) + word[0].length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size > 1) found.push(word[0]);
          }
        }
      }
      return found;
    });
    await done(page);
    expect(broken).toEqual([]);
  });
});
