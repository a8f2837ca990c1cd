/**
 * The survey form in a real Chromium against the local stack: WCAG 2.1 AA by axe-core, keyboard-only use,
 * error handling, the script's enhancements, reflow at 320 px and 200 % zoom, and the form without JavaScript.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { LocalStack } from '../../local/stack';
import { longDate } from '../../shared/presentation/html';
import { conformingFetch } from '../support/openapi-conformance';
import {
  type Focused,
  axeViolations,
  focused,
  launchChromium,
  screenshot,
  screenshotDir,
  scrollsSideways,
  startStack,
  storedResponses,
  tab,
  tabTo,
} from './browser';

jest.setTimeout(30_000);

const REQUIRED = 'Den här frågan måste besvaras.';
const FAVOURITE_LABEL = 'Vilket förslag tycker du bäst om?';

let stack: LocalStack;
let browser: Browser;
let desktop: BrowserContext;
const url = (path: string) => `${stack.urls.api}${path}`;

/** Violations per page, written next to the screenshots for the report. */
const axeCounts: Record<string, number> = {};
async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  const violations = await axeViolations(page);
  axeCounts[name] = violations.length;
  expect(violations).toEqual([]);
}

/** A fresh tab on the demo page once embed.js has put the form in its shadow root. */
async function demoPage(context: BrowserContext = desktop): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url('/demo'));
  await page.locator('#dialog-form form[data-md-form]').waitFor();
  return page;
}

const isVisiblyFocused = (f: Focused | null) => f !== null && f.outlineStyle !== 'none' && f.outlineWidth !== '0px';

const responsesPost = (page: Page) =>
  page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/dialogues/demo/responses'));

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
}, 60_000);

afterAll(async () => {
  writeFileSync(join(screenshotDir, '../axe-results.json'), `${JSON.stringify(axeCounts, null, 2)}\n`);
  await browser?.close();
  await stack?.stop();
}, 30_000);

describe('axe-core finds no WCAG 2.1 A/AA violations', () => {
  it('on the demo page with the form embedded by the script (shadow root)', async () => {
    const page = await demoPage();
    await expectNoAxeViolations(page, '/demo');
    await screenshot(page, 'demo-1280');
    await page.close();
  });

  it('on the iframe page, and on the framed form page itself', async () => {
    const page = await desktop.newPage();
    await page.goto(url('/demo/iframe'));
    await page.frameLocator('iframe').locator('form[data-md-form]').waitFor();
    await expectNoAxeViolations(page, '/demo/iframe');
    await page.goto(url('/form/demo'));
    await expectNoAxeViolations(page, '/form/demo');
    await page.close();
  });

  it('in English (/form/demo?lang=en)', async () => {
    const page = await desktop.newPage();
    await page.goto(url('/form/demo?lang=en'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toBe('The playground at Lagaparken in Lagan');
    await expectNoAxeViolations(page, '/form/demo?lang=en');
    await screenshot(page, 'english');
    await page.close();
  });
});

describe('the embedded form with the keyboard only', () => {
  it('answers every question type, sends, focuses the receipt and stores exactly what was entered', async () => {
    const page = await demoPage();
    const before = (await storedResponses()).length;
    const { keyboard } = page;

    // Single choice: Tab into the group, arrows choose.
    let now: Focused | null = await tabTo(page, 'md-q-favourite-natur');
    expect(isVisiblyFocused(now)).toBe(true);
    await keyboard.press('ArrowDown');
    await keyboard.press('ArrowDown');
    now = await focused(page);
    expect(now).toMatchObject({ id: 'md-q-favourite-alla', checked: true });
    expect(isVisiblyFocused(now)).toBe(true);

    // Ranking: "I want to rank", then move "Lekplats för alla" to the top with its button (Enter, then Space).
    expect(await tab(page)).toMatchObject({ id: 'md-rank-include-ranking', checked: false });
    await keyboard.press('Space');
    now = await tabTo(page, 'md-move-ranking-alla-up');
    expect(now.name).toBe('Flytta upp Lekplats för alla');
    await keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ id: 'md-move-ranking-alla-up' });
    await keyboard.press('Space');
    expect(
      await page.locator('#md-q-ranking li').evaluateAll((items) => items.map((li) => li.getAttribute('data-item'))),
    ).toEqual(['alla', 'natur', 'aventyr']);
    await expect(page.locator('#md-q-ranking [data-announce]').textContent()).resolves.toBe(
      'Lekplats för alla är nu på plats 1.',
    );

    // Multiple with at most three: tick three; the other two are then skipped by Tab (disabled).
    await tabTo(page, 'md-q-important-shade');
    await keyboard.press('Space');
    expect(await tab(page)).toMatchObject({ id: 'md-q-important-seating' });
    await keyboard.press('Space');
    expect(await tab(page)).toMatchObject({ id: 'md-q-important-toddlers' });
    await keyboard.press('Space');
    // Rating: the next stop is the scale, not "Belysning" or "Toalett i närheten".
    expect(await tab(page)).toMatchObject({ id: 'md-q-rating-alla-1' });
    for (let i = 0; i < 3; i++) await keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ id: 'md-q-rating-alla-4', checked: true });

    // Yes/no.
    expect(await tab(page)).toMatchObject({ id: 'md-q-visits-true' });
    await keyboard.press('Space');

    // Free text, with its counter.
    expect(await tab(page)).toMatchObject({ id: 'md-q-comments', tag: 'textarea' });
    await keyboard.type('Fler bänkar i skuggan, tack!');
    await page.locator('#md-q-comments-count', { hasText: '1972 tecken kvar' }).waitFor();

    // Profile: a checkbox and the two selects (arrow keys change a closed select).
    expect(await tab(page)).toMatchObject({ id: 'md-profile-relation-lives' });
    await keyboard.press('Space');
    now = await tabTo(page, 'md-profile-ageBand');
    expect(isVisiblyFocused(now)).toBe(true);
    for (let i = 0; i < 4; i++) await keyboard.press('ArrowDown');
    expect(await page.locator('#md-profile-ageBand').inputValue()).toBe('30-44');
    expect(await tab(page)).toMatchObject({ id: 'md-profile-locality' });
    await keyboard.press('ArrowDown');
    await keyboard.press('ArrowDown');
    expect(await page.locator('#md-profile-locality').inputValue()).toBe('Lagan');

    // Contact: email and consent; the honeypot is never a tab stop.
    expect(await tab(page)).toMatchObject({ id: 'md-contact-email' });
    await keyboard.type('anna.svensson@example.se');
    expect(await tab(page)).toMatchObject({ id: 'md-contact-consent' });
    await keyboard.press('Space');
    expect(await tab(page)).toMatchObject({ tag: 'button', name: 'Skicka svar' });

    const posted = responsesPost(page);
    await keyboard.press('Enter');
    const response = await posted;
    expect(response.status()).toBe(201);
    const { responseId } = (await response.json()) as { responseId: string };

    const receipt = page.locator('#dialog-form [data-receipt]');
    await receipt.waitFor();
    now = await focused(page);
    expect(now).toMatchObject({ tag: 'section' });
    expect(now?.name).toMatch(/^Tack för dina svar!/);
    expect(isVisiblyFocused(now)).toBe(true);
    await expect(page.locator('#dialog-form [data-if-email]').isVisible()).resolves.toBe(true);
    await expect(page.locator('#dialog-form form[data-md-form]').count()).resolves.toBe(0);
    // The feedback promise is said once: where and by when, then that the email brings it too.
    const said = await receipt.innerText();
    expect(said.match(/resultatet och beslutet/gi)).toHaveLength(1);
    const { conditions } = (await (await conformingFetch(url('/dialogues/demo'))).json()) as {
      conditions: { feedbackPromise: { byDate: string } };
    };
    expect(said.split(longDate(conditions.feedbackPromise.byDate, 'sv'))).toHaveLength(2);
    await expectNoAxeViolations(page, '/demo (receipt)');
    await screenshot(page, 'receipt');

    const stored = await storedResponses();
    expect(stored).toHaveLength(before + 1);
    const item = stored.find((i) => i.responseId === responseId);
    expect(String(item?.gsi2pk)).toMatch(/^DIALOGUE#demo#RESPONSES#/);
    expect(item?.answers).toEqual({
      favourite: 'alla',
      ranking: ['alla', 'natur', 'aventyr'],
      important: ['shade', 'seating', 'toddlers'],
      'rating-alla': 4,
      visits: true,
      comments: 'Fler bänkar i skuggan, tack!',
    });
    expect(item?.profile).toEqual({ relation: ['lives'], ageBand: '30-44', locality: 'Lagan' });
    await page.close();
  });
});

describe('errors', () => {
  let page: Page;
  beforeAll(async () => {
    page = await demoPage();
  });
  afterAll(() => page.close());

  it('an empty submit moves focus to the error summary, which is visibly focused and passes axe', async () => {
    await page.locator('#dialog-form .md-submit').focus();
    await page.keyboard.press('Enter');
    const summary = page.locator('#dialog-form [data-summary]');
    await summary.waitFor();
    const now = await focused(page);
    expect(now).toMatchObject({ tag: 'div' });
    expect(now?.name).toMatch(/^Något behöver rättas innan du kan skicka/);
    expect(isVisiblyFocused(now)).toBe(true);
    expect(await summary.getAttribute('role')).toBe('alert');
    await expect(summary.locator('a').allTextContents()).resolves.toEqual([`${FAVOURITE_LABEL} – ${REQUIRED}`]);
    await expectNoAxeViolations(page, '/demo (error summary)');
    await screenshot(page, 'error');
  });

  it('links each error to every control of its question with aria-describedby, in the server’s words', async () => {
    const error = page.locator('#md-q-favourite-error');
    await expect(error.isVisible()).resolves.toBe(true);
    await expect(error.textContent()).resolves.toBe(`Fel: ${REQUIRED}`);
    await expect(page.locator('#md-q-favourite').getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = await page
      .locator('#md-q-favourite input[type=radio]')
      .evaluateAll((radios) => radios.map((r) => r.getAttribute('aria-describedby') ?? ''));
    expect(describedBy).toHaveLength(3);
    for (const ids of describedBy) expect(ids.split(' ')).toContain('md-q-favourite-error');
  });

  it('a summary link moves focus to its field, visibly', async () => {
    let now = await tab(page);
    expect(now).toMatchObject({ tag: 'a', name: `${FAVOURITE_LABEL} – ${REQUIRED}` });
    expect(isVisiblyFocused(now)).toBe(true);
    await page.keyboard.press('Enter');
    now = await focused(page);
    expect(now).toMatchObject({ id: 'md-q-favourite-natur' });
    expect(now?.describedBy.split(' ')).toContain('md-q-favourite-error');
    expect(isVisiblyFocused(now)).toBe(true);
  });

  it('checks a bad email address before sending, in the server’s own words, next to the field, linked the same way', async () => {
    await page.keyboard.press('Space');
    await page.locator('#md-contact-consent').check();
    await page.locator('#md-contact-email').fill('inte-en-adress');
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/dialogues/demo/responses')) sent.push(r.url());
    });
    // Enter in a field sends the form (it must not press the first ranking button instead).
    await page.keyboard.press('Enter');
    const error = page.locator('#md-contact-email-error');
    await error.waitFor();
    // The server answers the same address with the same words.
    const response = await conformingFetch(url('/dialogues/demo/responses'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        answers: { favourite: 'natur' },
        contact: { email: 'inte-en-adress', consent: true },
        submissionId: randomUUID(),
      }),
    });
    expect(response.status).toBe(400);
    const { issues } = (await response.json()) as { issues: Array<{ path: string; message: string }> };
    const emailIssue = issues.find((i) => i.path === 'contact.email');
    expect(emailIssue).toBeDefined();
    await expect(error.textContent()).resolves.toBe(`Fel: ${emailIssue?.message}`);
    expect(sent).toEqual([]);
    await expect(page.locator('#md-q-favourite-error').isHidden()).resolves.toBe(true);
    expect((await page.locator('#md-contact-email').getAttribute('aria-describedby'))?.split(' ')).toEqual(
      expect.arrayContaining(['md-contact-email-help', 'md-contact-email-error']),
    );
    expect(await focused(page)).toMatchObject({ tag: 'div' });
    await expectNoAxeViolations(page, '/demo (server error)');
  });

  it('checks the consent to an address before sending too (embed.js calls the shared check, nothing is posted)', async () => {
    await page.locator('#md-contact-email').fill('namn@example.se');
    await page.locator('#md-contact-consent').uncheck();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/dialogues/demo/responses')) sent.push(r.url());
    });
    await page.locator('#md-contact-email').press('Enter');
    const error = page.locator('#md-contact-consent-error');
    await error.waitFor();
    await expect(error.innerText()).resolves.toMatch(/^Fel: Kryssa i att vi får använda e-postadressen/);
    await expect(page.locator('#md-contact-email-error').isHidden()).resolves.toBe(true);
    expect(sent).toEqual([]);
  });
});

describe('the script’s enhancements', () => {
  let page: Page;
  beforeAll(async () => {
    page = await demoPage();
  });
  afterAll(() => page.close());

  it('stops ticking after three boxes in the multiple question, and frees them again', async () => {
    const box = (id: string) => page.locator(`#md-q-important-${id}`);
    for (const id of ['shade', 'lighting', 'toilet']) await box(id).check();
    await expect(box('seating').isDisabled()).resolves.toBe(true);
    await expect(box('toddlers').isDisabled()).resolves.toBe(true);
    // A click on the label of a disabled box does nothing (force: Playwright would wait for it to be enabled).
    await page.locator('label[for=md-q-important-seating]').click({ force: true });
    await expect(box('seating').isChecked()).resolves.toBe(false);
    await box('lighting').uncheck();
    await expect(box('seating').isDisabled()).resolves.toBe(false);
    await expect(box('toddlers').isDisabled()).resolves.toBe(false);
  });

  it('counts the characters left as one types', async () => {
    const counter = page.locator('#md-q-comments-count');
    await expect(counter.innerText()).resolves.toBe('2000 tecken kvar');
    expect((await page.locator('#md-q-comments').getAttribute('aria-describedby'))?.split(' ')).toContain(
      'md-q-comments-count',
    );
    await page.locator('#md-q-comments').pressSequentially('Hej!');
    await page.locator('#md-q-comments-count', { hasText: '1996 tecken kvar' }).waitFor();
    expect(await counter.getAttribute('aria-live')).toBe('polite');
  });

  it('moves a ranking item with its buttons and announces the move in the live region', async () => {
    const announce = page.locator('#md-q-ranking [data-announce]');
    expect(await announce.getAttribute('aria-live')).toBe('polite');
    await page.locator('#md-move-ranking-natur-down').press('Enter');
    await expect(announce.textContent()).resolves.toBe('Naturlekplats är nu på plats 2.');
    expect(
      await page.locator('#md-q-ranking li').evaluateAll((items) => items.map((li) => li.getAttribute('data-item'))),
    ).toEqual(['aventyr', 'natur', 'alla']);
    expect(await focused(page)).toMatchObject({ id: 'md-move-ranking-natur-down' });
    await expect(page.locator('#md-rank-include-ranking').isChecked()).resolves.toBe(true);
    await expect(page.locator('#md-move-ranking-aventyr-up').getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(page.locator('#md-move-ranking-natur-up').getAttribute('aria-disabled')).resolves.toBe('false');
    // The places are numbered on screen too (a flex list item draws no marker of its own).
    const places = await page
      .locator('#md-q-ranking li')
      .evaluateAll((items) => items.map((li) => getComputedStyle(li, '::before').content));
    expect(places).toEqual(Array(3).fill('counter(md-rank) "."'));
  });

  it('switches the embedded form to English inside the shadow root ("In English")', async () => {
    await page.goto(url('/demo'));
    await page.locator('#dialog-form form[data-md-form]').waitFor();
    await tabTo(page, (f) => f.tag === 'a' && f.name === 'In English');
    await page.keyboard.press('Enter');
    await page.locator('#dialog-form form[data-md-form][data-lang=en]').waitFor();
    expect(page.url()).toBe(url('/demo'));
    const root = page.locator('#dialog-form .md-root');
    await expect(root.getAttribute('lang')).resolves.toBe('en');
    await expect(root.locator('h2').first().textContent()).resolves.toBe('The playground at Lagaparken in Lagan');
    await expect(page.locator('#dialog-form form').count()).resolves.toBe(1);
    await expect(page.locator('#md-q-favourite legend').textContent()).resolves.toBe(
      'Which proposal do you like best? (required)',
    );
    expect(await focused(page)).toMatchObject({ tag: 'a', name: 'På svenska' });
    await expectNoAxeViolations(page, '/demo (English)');
    await screenshot(page, 'english-embedded');

    await page.locator('#dialog-form .md-submit').press('Enter');
    await page.locator('#dialog-form [data-summary]').waitFor();
    await expect(page.locator('#md-q-favourite-error').textContent()).resolves.toBe(
      'Error: This question must be answered.',
    );
  });
});

describe('reflow: no horizontal scrolling', () => {
  const sizes = [
    { name: '320 px', screenshot: 'demo-320', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
    // What a 1280 px wide window shows at 200 % zoom: 640 CSS pixels, each drawn as two.
    { name: '200 % zoom', screenshot: 'demo-zoom-200', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  ];

  it.each(sizes)(
    'at $name: the demo page, its error state, the iframe page and the form page',
    async ({ screenshot: shot, viewport, deviceScaleFactor }) => {
      const context = await browser.newContext({ viewport, deviceScaleFactor });
      try {
        const page = await demoPage(context);
        expect(await scrollsSideways(page)).toMatchObject({ sideways: false });
        await screenshot(page, shot);
        await page.locator('#dialog-form .md-submit').press('Enter');
        await page.locator('#dialog-form [data-summary]').waitFor();
        expect(await scrollsSideways(page)).toMatchObject({ sideways: false });

        await page.goto(url('/demo/iframe'));
        await page.frameLocator('iframe').locator('form[data-md-form]').waitFor();
        expect(await scrollsSideways(page)).toMatchObject({ sideways: false });
        const frame = page.frames().find((f) => f.url().endsWith('/form/demo')) as Frame;
        expect(await scrollsSideways(frame)).toMatchObject({ sideways: false });

        await page.goto(url('/form/demo'));
        expect(await scrollsSideways(page)).toMatchObject({ sideways: false });
        await page.goto(url('/form/demo?lang=en'));
        expect(await scrollsSideways(page)).toMatchObject({ sideways: false });
      } finally {
        await context.close();
      }
    },
  );
});

describe('without JavaScript', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  afterAll(() => context.close());

  /** Posts the form (a click or a key) and waits until the page the server answered with has loaded; its status. */
  async function post(action: () => Promise<void>): Promise<number> {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().startsWith(url('/form/demo'))),
      page.waitForEvent('load'),
      action(),
    ]);
    return response.status();
  }

  /**
   * axe-core needs script to run, which this context has not: the page as the server sent it is audited in a
   * context with script, embed.js blocked, so the audit sees exactly the no-JavaScript page.
   */
  async function expectNoAxeViolationsAsShown(name: string): Promise<void> {
    const audit = await desktop.newPage();
    try {
      await audit.route('**/embed.js', (route) => route.abort());
      await audit.setContent(await page.content());
      await expectNoAxeViolations(audit, name);
    } finally {
      await audit.close();
    }
  }

  const rankingOrder = () =>
    page.locator('#md-q-ranking li').evaluateAll((items) => items.map((li) => li.getAttribute('data-item')));

  async function expectEnteredValuesKept(): Promise<void> {
    await expect(page.locator('#md-q-comments').inputValue()).resolves.toBe('Utan skript');
    await expect(page.locator('#md-q-important-shade').isChecked()).resolves.toBe(true);
    await expect(page.locator('#md-q-visits-false').isChecked()).resolves.toBe(true);
    await expect(page.locator('#md-profile-ageBand').inputValue()).resolves.toBe('20-29');
    await expect(page.locator('#md-contact-email').inputValue()).resolves.toBe('utan.skript@example.se');
    await expect(page.locator('#md-contact-consent').isChecked()).resolves.toBe(true);
  }

  it('shows the plain form, which passes axe', async () => {
    await page.goto(url('/form/demo'));
    await expect(page.locator('form[data-md-form]').getAttribute('action')).resolves.toBe(url('/form/demo'));
    await expectNoAxeViolationsAsShown('/form/demo (no JavaScript)');
    await screenshot(page, 'nojs');
  });

  it('answers a submit missing a required answer with the form again: error at the field, summary focused, values kept', async () => {
    await page.locator('#md-q-comments').fill('Utan skript');
    await page.locator('#md-q-important-shade').check();
    await page.locator('#md-q-visits-false').check();
    await page.locator('#md-profile-ageBand').selectOption('20-29');
    await page.locator('#md-contact-email').fill('utan.skript@example.se');
    await page.locator('#md-contact-consent').check();
    expect(await post(() => page.locator('.md-submit').click())).toBe(400);

    expect(await page.title()).toBe('Fel: Lekplatsen vid Lagaparken i Lagan');
    await expect(page.locator('#md-q-favourite-error').innerText()).resolves.toBe(`Fel: ${REQUIRED}`);
    await expect(page.locator('#md-q-favourite-error').isVisible()).resolves.toBe(true);
    const describedBy = await page
      .locator('#md-q-favourite input[type=radio]')
      .evaluateAll((radios) => radios.map((r) => r.getAttribute('aria-describedby') ?? ''));
    for (const ids of describedBy) expect(ids.split(' ')).toContain('md-q-favourite-error');
    await expect(page.locator('[data-summary] a').allTextContents()).resolves.toEqual([
      `${FAVOURITE_LABEL} – ${REQUIRED}`,
    ]);
    await expect(page.locator('[data-summary] a').getAttribute('href')).resolves.toBe('#md-q-favourite');
    expect(await focused(page)).toMatchObject({ tag: 'div', name: expect.stringMatching(/^Något behöver rättas/) });
    await expectEnteredValuesKept();
    await expectNoAxeViolationsAsShown('/form/demo (no JavaScript, error)');
    await screenshot(page, 'nojs-error');
  });

  it('re-renders a ranking move without submitting, keeping the values and the reader’s place', async () => {
    const before = (await storedResponses()).length;
    expect(await rankingOrder()).toEqual(['natur', 'aventyr', 'alla']);
    await page.locator('#md-move-ranking-alla-up').focus();
    expect(await post(() => page.keyboard.press('Enter'))).toBe(200);
    expect(await rankingOrder()).toEqual(['natur', 'alla', 'aventyr']);
    await expect(page.locator('#md-rank-include-ranking').isChecked()).resolves.toBe(true);
    expect(page.url()).toBe(url('/form/demo#md-move-ranking-alla-up'));
    expect(await focused(page)).toMatchObject({ id: 'md-move-ranking-alla-up' });
    await expectEnteredValuesKept();
    expect((await storedResponses()).length).toBe(before);
  });

  it('posts the completed form (Enter in a field) and answers with the receipt page; the response is stored', async () => {
    const before = await storedResponses();
    await page.locator('#md-q-favourite-natur').check();
    // Enter in the email field sends the form, as the submit button would (not the first ranking button).
    await page.locator('#md-contact-email').focus();
    expect(await post(() => page.keyboard.press('Enter'))).toBe(201);
    await expect(page.locator('h1').textContent()).resolves.toBe('Tack för dina svar!');
    await expect(page.locator('form').count()).resolves.toBe(0);
    await expect(page.locator('[data-if-email]').isVisible()).resolves.toBe(true);
    await expectNoAxeViolationsAsShown('/form/demo (no JavaScript, receipt)');
    await screenshot(page, 'nojs-receipt');

    const known = new Set(before.map((i) => i.responseId));
    const added = (await storedResponses()).filter((i) => !known.has(i.responseId));
    expect(added).toHaveLength(1);
    expect(added[0]?.answers).toEqual({
      favourite: 'natur',
      ranking: ['natur', 'alla', 'aventyr'],
      important: ['shade'],
      visits: false,
      comments: 'Utan skript',
    });
    expect(added[0]?.profile).toEqual({ ageBand: '20-29' });
  });
});
