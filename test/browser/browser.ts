import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type Browser, type BrowserContext, type Frame, type Page, chromium } from 'playwright-core';
import { freePort } from '../../local/ports';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { chromiumFlags, chromiumPath } from '../support/chromium';
import { conformanceProblems } from '../support/openapi-conformance';

/** What the pages were answered that does not fit the OpenAPI document; checked after each test file. */
const misfits: string[] = [];
const reading: Array<Promise<void>> = [];
afterAll(async () => {
  await Promise.all(reading);
  expect(misfits).toEqual([]);
});

/** Every answer a page of this context gets (pages, fragments, posts, embed.js's fetches) is checked against the document. */
function checkAnswersOf(context: BrowserContext): void {
  context.on('response', (response) => {
    const { pathname } = new URL(response.url());
    const check = (body: string) => {
      const answer = { method: response.request().method(), path: pathname, status: response.status(), body };
      misfits.push(...conformanceProblems({ ...answer, contentType: response.headers()['content-type'] }));
    };
    // An answer the test made up (`route.fulfill`) came from no server; a redirect, or a load ended with its page,
    // has no body left to read: nothing to check.
    reading.push(
      response
        .serverAddr()
        .then(async (server) => (server ? check(await response.text()) : undefined))
        .catch(() => undefined),
    );
  });
}

/** Debian's Chromium, or CHROMIUM_PATH's (the test setup provides it, see test/support/chromium.ts). */
export const launchChromium = async (): Promise<Browser> => {
  const browser = await launchChromiumItself();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...options) => {
    const context = await newContext(...options);
    checkAnswersOf(context);
    return context;
  };
  return browser;
};

const launchChromiumItself = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath(),
    args: chromiumFlags,
  });

/** The whole local stack (DynamoDB Local, SES emulator, gateway, scheduler) on free ports, with the open demo dialogue. */
export async function startStack(extraOrigins: readonly string[] = []): Promise<LocalStack> {
  const ports = {
    api: await freePort(),
    dynamodb: await freePort(),
    ses: await freePort(),
    scheduleIntervalSeconds: 3600,
  };
  return startLocalStack({ ports, inMemory: true, extraOrigins });
}

export const screenshotDir = join(__dirname, '../../test-results/screenshots');
mkdirSync(screenshotDir, { recursive: true });
export const screenshot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core on the page, its frames and open shadow roots: one line per violation (rule, impact, first nodes). */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return violations.map(
    (v) =>
      `${v.id} (${v.impact ?? ''}): ${v.help} at ${v.nodes
        .slice(0, 3)
        .map((n) => JSON.stringify(n.target))
        .join(', ')}`,
  );
}

/** axe at 1280 and 375 px, with a screenshot of each (`<name>-1280`, `<name>-375`); the page is left at 1280. */
export async function checkedAtBothWidths(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `${name}-375`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

export interface Focused {
  id: string;
  tag: string;
  /** aria-label or text, for reading a failure. */
  name: string;
  checked: boolean | null;
  describedBy: string;
  outlineStyle: string;
  outlineWidth: string;
}

/** The focused element, through shadow roots (document.activeElement is only the shadow host). */
export const focused = (where: Page | Frame): Promise<Focused | null> =>
  where.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
      id: element.id,
      tag: element.tagName.toLowerCase(),
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 80),
      checked: element instanceof HTMLInputElement ? element.checked : null,
      describedBy: element.getAttribute('aria-describedby') ?? '',
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
    };
  });

/** Presses Tab (or Shift+Tab) until the element with that id (or matching) has focus; the path taken is in the error otherwise. */
export async function tabTo(
  page: Page,
  target: string | ((f: Focused) => boolean),
  { back = false, max = 60 } = {},
): Promise<Focused> {
  const matches = typeof target === 'string' ? (f: Focused) => f.id === target : target;
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now && matches(now)) return now;
    path.push(now ? now.id || `${now.tag} "${now.name}"` : '(body)');
  }
  throw new Error(`Tab never reached ${String(target)}; focus went ${path.join(' → ')}`);
}

/** Presses Tab once and returns what got focus. */
export async function tab(page: Page, key = 'Tab'): Promise<Focused | null> {
  await page.keyboard.press(key);
  return focused(page);
}

/** True when the page (or frame) does not scroll sideways (WCAG 1.4.10). */
export const scrollsSideways = (
  where: Page | Frame,
): Promise<{ scrollWidth: number; clientWidth: number; sideways: boolean }> =>
  where.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      sideways: root.scrollWidth > root.clientWidth,
    };
  });

/** Counted response items of the demo dialogue, straight from DynamoDB Local (every shard of the arrival index). */
export async function storedResponses(): Promise<Array<Record<string, unknown>>> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: process.env.DYNAMODB_ENDPOINT,
      region: process.env.AWS_REGION ?? 'eu-north-1',
      maxAttempts: 1,
    }),
  );
  try {
    const items: Array<Record<string, unknown>> = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: process.env.TABLE_NAME,
          FilterExpression: 'begins_with(gsi2pk, :prefix)',
          ExpressionAttributeValues: { ':prefix': 'DIALOGUE#demo#RESPONSES#' },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  } finally {
    client.destroy();
  }
}
