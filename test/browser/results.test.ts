/**
 * The public results page in a real Chromium against the local stack (in-process, in-memory DynamoDB Local):
 * twelve responses are sent to the demo dialogue, the lead committee closes it, the aggregate job runs on
 * demand, and `/results/demo` is checked in Swedish and English: WCAG 2.1 A/AA by axe-core, the numbers as
 * table text, suppressed small groups, keyboard use of the breakdowns, reflow at 320 px, the bars and the scroll
 * shadows of wide tables at 375 px; then the committee's decision is registered (and corrected to one written
 * only in Swedish) and the page is checked again with it.
 */
import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'playwright-core';
import { localIdentity } from '../../local/identity';
import type { LocalStack } from '../../local/stack';
import { conformingFetch } from '../support/openapi-conformance';
import type { ResultsBody } from '../../shared/aggregation/present';
import { envNames } from '../../shared/env-names';
import { formatPercent } from '../../shared/messages/format';
import { ratingToken } from '../../shared/rating/token';
import { emailHash } from '../../shared/responses/submit';
import { axeViolations, launchChromium, screenshot as screenshotAs, screenshotDir, startStack } from './browser';

jest.setTimeout(30_000);

const LOCAL_LAG_MS = 2000;

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
let token: string;
const url = (path: string) => `${stack.urls.api}${path}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Violations per page, written next to the screenshots for the report. */
const axeCounts: Record<string, number> = {};
async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  const violations = await axeViolations(page);
  axeCounts[name] = violations.length;
  expect(violations).toEqual([]);
}

const screenshot = (page: Page, name: string) => screenshotAs(page, `results-${name}`);

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
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);

  for (const spec of RESPONSES) {
    const sent = await conformingFetch(url('/dialogues/demo/responses'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...spec, submissionId: randomUUID() }),
    });
    expect(sent.status).toBe(201);
  }
  token = await (
    await localIdentity(Number(new URL(stack.urls.api).port))
  ).issue({ committees: ['tekniska-namnden'], admin: false });
  const closed = await conformingFetch(url('/admin/dialogues/demo/status'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ status: 'closed' }),
  });
  expect(closed.status).toBe(200);

  await sleep(LOCAL_LAG_MS + 500);
  const run = await conformingFetch(url('/local/jobs/aggregate'), { method: 'POST' });
  expect(run.status).toBe(200);
  jobResult = await run.json();
  results = (await (await conformingFetch(url('/dialogues/demo/results'))).json()) as ResultsBody;
}, 90_000);

afterAll(async () => {
  writeFileSync(join(screenshotDir, '../axe-results-results-page.json'), `${JSON.stringify(axeCounts, null, 2)}\n`);
  await browser?.close();
  await stack?.stop();
}, 30_000);

it('the aggregate job, run after the local lag, counts all twelve responses and the public results are visible once closed', () => {
  expect(jobResult).toEqual({
    job: 'aggregate',
    result: { dialogues: 1, folded: RESPONSES.length, failed: [], lagSeconds: 0 },
  });
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
    const definition = (await (await conformingFetch(url('/dialogues/demo'))).json()) as {
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
        // Shares as the language writes them: `33,3 %` (no-break space) in Swedish, `33.3%` in English.
        const share = formatPercent(results.questions[question.id]?.percentages?.[value] ?? NaN, lang);
        expect(bodyRows[i]?.split('|').slice(-2)).toEqual([String(count), share]);
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

/** Mean brightness (0–255) of the outermost 6 px at the left and right of an element, as Chromium drew it. */
async function edgeBrightness(page: Page, element: ElementHandle<Element>): Promise<{ left: number; right: number }> {
  const png = (await element.screenshot()).toString('base64');
  return page.evaluate(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    const mean = (x: number) => {
      const data = context.getImageData(x, 0, 6, image.height).data;
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3;
      return sum / (data.length / 4);
    };
    return { left: mean(0), right: mean(image.width - 6) };
  }, png);
}

/** The scroll regions of the page: whether each is wider inside than it shows. */
const regions = async (page: Page) =>
  Promise.all(
    (await page.$$('.md-table[role=region]')).map(async (element) => ({
      element,
      label: (await element.getAttribute('aria-label')) ?? '',
      hidden: await element.evaluate((e) => e.scrollWidth - e.clientWidth),
    })),
  );

/** What an edge looks like with the scroll shadows and with them taken away (the same pixels otherwise). */
async function shading(page: Page, element: ElementHandle<Element>) {
  const shaded = await edgeBrightness(page, element);
  await element.evaluate((e) => e.classList.add('md-test-no-shadow'));
  const plain = await edgeBrightness(page, element);
  await element.evaluate((e) => e.classList.remove('md-test-no-shadow'));
  return { left: plain.left - shaded.left, right: plain.right - shaded.right };
}

describe('at 375 px (a phone)', () => {
  it.each(['sv', 'en'] as const)(
    'in %s, a table wider than the screen shows a shadow at the edge where more of it lies, and none where it ends',
    async (lang) => {
      const page = await open(lang === 'sv' ? '/results/demo' : '/results/demo?lang=en', 375);
      await openEveryBreakdown(page);
      // Only for measuring: the same page with the shadows taken away.
      // A constructed sheet: the page's CSP (rightly) refuses an inline <style>.
      await page.evaluate(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('.md-test-no-shadow{background:none!important}');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
      const found = await regions(page);
      // Hidden by more than the shadow is wide (14 px): a few pixels less is only the table's border and padding.
      const wide = found.filter((r) => r.hidden > 14);
      // The proposals compared, and the breakdowns of the five-option questions, are wider than a phone.
      expect(wide.map((r) => r.label)).toEqual(
        expect.arrayContaining([lang === 'sv' ? 'Förslagen jämförda' : 'The proposals compared']),
      );
      for (const { element, label } of wide) {
        await element.evaluate((e) => (e.scrollLeft = 0));
        const atStart = await shading(page, element);
        expect({ label, darkerRight: atStart.right > 10, darkerLeft: atStart.left > 1 }).toEqual({
          label,
          darkerRight: true,
          darkerLeft: false,
        });
        await element.evaluate((e) => (e.scrollLeft = e.scrollWidth));
        const atEnd = await shading(page, element);
        expect({ label, darkerRight: atEnd.right > 1, darkerLeft: atEnd.left > 10 }).toEqual({
          label,
          darkerRight: false,
          darkerLeft: true,
        });
        await element.evaluate((e) => (e.scrollLeft = 0));
      }
      const fitting = found.filter((r) => r.hidden <= 0);
      // Some tables fit a phone (yes/no, participation): the check below must have something to check.
      expect(fitting.length).toBeGreaterThan(0);
      for (const { element, label } of fitting) {
        const fits = await shading(page, element);
        expect({ label, left: fits.left <= 1, right: fits.right <= 1 }).toEqual({ label, left: true, right: true });
      }
      await screenshot(page, `${lang}-375-breakdowns-open`);
      await done(page);
    },
  );

  it.each(['sv', 'en'] as const)(
    'in %s, every bar shows its label and its share and count, side by side without overlap, within the screen',
    async (lang) => {
      const page = await open(lang === 'sv' ? '/results/demo' : '/results/demo?lang=en', 375);
      const bars = await page.$$eval('.md-bars li', (items) =>
        items.map((li) => {
          const box = (e: Element | null) => e?.getBoundingClientRect() ?? new DOMRect();
          const item = box(li);
          const label = box(li.querySelector('.md-bar-label'));
          const value = box(li.querySelector('.md-bar-value'));
          const bar = box(li.querySelector('.md-bar'));
          const overlap = (a: DOMRect, b: DOMRect) =>
            a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          const inside = (a: DOMRect) => a.left >= item.left - 0.5 && a.right <= item.right + 0.5;
          return {
            text: `${li.querySelector('.md-bar-label')?.textContent?.trim()} ${li.querySelector('.md-bar-value')?.textContent?.trim()}`,
            visible: label.width > 0 && value.width > 0 && bar.width > 0,
            overlap: overlap(label, value) || overlap(label, bar) || overlap(value, bar),
            inside: inside(label) && inside(value) && inside(bar) && item.right <= document.documentElement.clientWidth,
            barBelow: bar.top >= Math.max(label.bottom, value.bottom) - 0.5,
          };
        }),
      );
      expect(bars.length).toBe(3 + 5 + 5 + 2);
      for (const bar of bars)
        expect(bar).toEqual({ text: bar.text, visible: true, overlap: false, inside: true, barBelow: true });
      const share = formatPercent(results.questions.favourite?.percentages?.alla ?? NaN, lang);
      const count = results.questions.favourite?.counts?.alla ?? NaN;
      expect(bars.map((b) => b.text)).toContain(
        lang === 'sv'
          ? `Lekplats för alla ${share} (${count} svar)`
          : `Playground for everyone ${share} (${count} answers)`,
      );
      await done(page);
    },
  );
});

/** The page as Chromium parsed it matches its source: no element left open or moved, no id twice. */
async function expectParsedAsWritten(page: Page, path: string): Promise<void> {
  const source = await (await conformingFetch(url(path))).text();
  const startTags = source.match(/<[a-zA-Z][^>]*>/g)?.length ?? 0;
  const parsed = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return {
      elements: document.getElementsByTagName('*').length,
      duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
      styleInBody: document.body.querySelectorAll('style, [style]:not(body)').length,
    };
  });
  expect(parsed).toEqual({ elements: startTags, duplicateIds: [], styleInBody: 0 });
}

describe('with the committee’s decision', () => {
  const decision = {
    summary: { sv: 'Nämnden väljer Lekplats för alla.', en: 'The committee chooses the Playground for everyone.' },
    motivation: {
      sv: 'Flest ville ha en lekplats som alla barn kan använda, och förslaget fick flest röster.',
      en: 'Most wanted a playground every child can use, and the proposal got the most votes.',
    },
    inputUse: {
      sv: 'Önskemålen om skugga och sittplatser finns med i bygghandlingen.',
      en: 'The wishes for shade and seating are in the construction documents.',
    },
    decidedAt: '2026-12-02',
    minutes: { meeting: 'Tekniska nämnden', paragraph: '§ 23' },
    chosenAlternative: 'alla',
  };
  const send = async (method: 'POST' | 'PUT', body: unknown) => {
    const answer = await conformingFetch(url('/admin/dialogues/demo/decision'), {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(method === 'POST' ? 202 : 200);
  };

  beforeAll(() => send('POST', decision));

  it.each([
    { lang: 'sv', path: '/results/demo' },
    { lang: 'en', path: '/results/demo?lang=en' },
  ] as const)(
    'in $lang: the decision comes first, says the chosen proposal once, the day in words; no axe violations at 375 and 1280 px',
    async ({ lang, path }) => {
      for (const width of [375, 1280]) {
        const page = await open(path, width);
        const section = (await page.locator('.md-decision').innerText()).replace(/\s+/g, ' ');
        expect(section).toContain(
          lang === 'sv'
            ? 'Tekniska nämnden beslutade 2 december 2026.'
            : 'Tekniska nämnden decided on 2 December 2026.',
        );
        expect(section.split(lang === 'sv' ? 'Lekplats för alla' : 'Playground for everyone')).toHaveLength(2);
        expect(await scrollsSideways(page)).toBe(false);
        await expectParsedAsWritten(page, path);
        await expectNoAxeViolations(page, `${path} with a decision (${width} px)`);
        await screenshot(page, `${lang}-decision-${width}`);
        await openEveryBreakdown(page);
        await expectNoAxeViolations(page, `${path} with a decision (${width} px, breakdowns open)`);
        await done(page);
      }
    },
  );

  it('in English, a decision written only in Swedish is said to be so, is marked lang="sv", and axe finds nothing', async () => {
    await send('PUT', {
      ...decision,
      summary: decision.summary.sv,
      motivation: decision.motivation.sv,
      inputUse: decision.inputUse.sv,
    });
    const page = await open('/results/demo?lang=en', 375);
    const section = page.locator('.md-decision');
    expect(await section.innerText()).toContain('The decision is available in Swedish only; here it is in Swedish.');
    expect(await section.locator('[lang=sv]').allInnerTexts()).toEqual([
      decision.summary.sv,
      decision.motivation.sv,
      decision.inputUse.sv,
    ]);
    expect(await section.locator('h3').allInnerTexts()).toEqual([
      'Motivation (in Swedish)',
      'How the input was used (in Swedish)',
    ]);
    await expectParsedAsWritten(page, '/results/demo?lang=en');
    await expectNoAxeViolations(page, '/results/demo?lang=en with a Swedish-only decision (375 px)');
    await screenshot(page, 'en-decision-swedish-only-375');
    await done(page);
  });
});

describe('the participants’ rating page the feedback email links to (P14)', () => {
  /** The link the demo's mailout would send to one address: signed with the stack's own secret. */
  const ratingPath = (address: string, lang = 'sv') =>
    `/rating?token=${ratingToken({ current: process.env[envNames.unsubscribeSecret] ?? '' }, 'demo', emailHash('demo', address))}&lang=${lang}`;

  it.each([1280, 375, 320])(
    'asks one question with no axe violation and no sideways scroll at %i px',
    async (width) => {
      const page = await open(ratingPath('axe@example.se'), width);
      await expect(page.locator('h1').innerText()).resolves.toBe('Kände du dig hörd?');
      await expect(page.locator('input[name="q.heard"]').count()).resolves.toBe(5);
      await expect(scrollsSideways(page)).resolves.toBe(false);
      await expectParsedAsWritten(page, ratingPath('axe@example.se'));
      await expectNoAxeViolations(page, `/rating (${width} px)`);
      await screenshot(page, `rating-${width}`);
      await done(page);
    },
  );

  it('by keyboard alone, and with no script on any of its pages: a missing score is named in the summary, then one rating is recorded and a second is refused', async () => {
    // No page of the rating loads a script, so it works the same with JavaScript off (axe itself needs it on).
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const scripts = () => page.evaluate(() => document.scripts.length);
    const page = await context.newPage();
    const path = ratingPath('keyboard@example.se', 'en');
    await page.goto(url(path));
    await expect(scripts()).resolves.toBe(0);
    await tabTo(page, (f) => f.tag === 'textarea');
    await page.keyboard.type('Clear answers, thank you.');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Send');
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    expect((await refused).status()).toBe(400);
    await page.locator('.md-summary a').first().waitFor();
    await expect(page.title()).resolves.toMatch(/^Error: /);
    await expect(page.locator('.md-summary a').allInnerTexts()).resolves.toHaveLength(1);
    // What was written is still there.
    await expect(page.locator('textarea').inputValue()).resolves.toBe('Clear answers, thank you.');
    await expect(scripts()).resolves.toBe(0);
    await expectNoAxeViolations(page, '/rating with a problem (375 px)');
    await screenshot(page, 'rating-problem-375');
    // Tab into the scale, arrow to 4, and send.
    await tabTo(page, (f) => f.tag === 'input');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(page.locator('input[name="q.heard"]:checked').getAttribute('value')).resolves.toBe('4');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Send');
    const recorded = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    expect((await recorded).status()).toBe(201);
    await page.locator('h1', { hasText: 'Thank you' }).waitFor();
    await expect(page.locator('h1').innerText()).resolves.toBe('Thank you for your answer');
    await expect(scripts()).resolves.toBe(0);
    await expectNoAxeViolations(page, '/rating recorded (375 px)');
    await screenshot(page, 'rating-recorded-375');
    // The same link again: the page says it has been used, with no form.
    await page.goto(url(path));
    await expect(page.locator('h1').innerText()).resolves.toBe('You have answered already');
    await expect(page.locator('form').count()).resolves.toBe(0);
    await expectNoAxeViolations(page, '/rating used (375 px)');
    await context.close();
  });
});

describe('the public register at /dialoger', () => {
  it.each([1280, 375, 320])(
    'lists the demo dialogue with its feedback promise, with no axe violation, no sideways scroll at %i px',
    async (width) => {
      const page = await open('/dialoger', width);
      const row = page.locator('tr[data-dialogue="demo"]');
      await expect(row.innerText()).resolves.toContain('Tekniska nämnden');
      await expect(row.getAttribute('data-feedback')).resolves.toMatch(/pending|on-time|late|overdue/);
      await expect(scrollsSideways(page)).resolves.toBe(false);
      await expectNoAxeViolations(page, `/dialoger (${width} px)`);
      await screenshot(page, `register-${width}`);
      // The filter is a plain GET form: choosing a status the demo has not and pressing Enter filters it out.
      const other = (await row.locator('td').first().innerText()) === 'Öppen' ? 'closed' : 'open';
      await page.locator('#md-filter-status').selectOption(other);
      await page.locator('.md-register-filter button').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`status=${other}`));
      await expect(
        page.locator('tr[data-dialogue]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-dialogue'))),
      ).resolves.not.toContain('demo');
      await done(page);
    },
  );
});

async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth > root.clientWidth;
  });
}
