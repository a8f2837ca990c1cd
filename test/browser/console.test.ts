/**
 * The officials' console, part 1 so far: signing in through the local identity provider (authorization code +
 * PKCE by oidc-client-ts), "my dialogues" with the feedback promise and an overdue flag, a refused token leading
 * back to sign-in, signing out. Keyboard only where an official would type; axe on every state.
 */
import type { Browser, Page } from 'playwright-core';
import type { LocalStack } from '../../local/stack';
import { demoDialogue } from '../../local/demo-dialogue';
import { localIdentity } from '../../local/identity';
import { axeViolations, launchChromium, screenshot, startStack } from './browser';

jest.setTimeout(60_000);

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  // A second dialogue of the committee whose promised feedback is past due.
  const token = await (
    await localIdentity(Number(new URL(stack.urls.api).port))
  ).issue({
    committees: ['tekniska-namnden'],
    admin: false,
  });
  const late = await fetch(`${stack.urls.api}/admin/dialogues`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      ...demoDialogue(new Date()),
      title: { sv: 'Gång- och cykelvägen i Ryssby' },
      feedbackPromise: { how: { sv: 'Mejl och webb' }, byDate: '2026-01-15' },
    }),
  });
  expect(late.status).toBe(201);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 30_000);

async function consolePage(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${stack.urls.api}/console`);
  await page.locator('h1').waitFor();
  return page;
}

/** Signs in by keyboard: Tab to the button, Enter; on the provider's page, Space ticks, Enter sends. */
async function signIn(page: Page): Promise<void> {
  await page.locator('button.md-submit').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/local-idp\/authorize/);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'console-idp-sign-in');
  await page.locator('#md-committee-tekniska-namnden').focus();
  await page.keyboard.press('Space');
  await page.locator('#md-email').fill('anna.official@ljungby.se');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${stack.urls.api}/console/`);
  await page.locator('table').waitFor();
}

const rows = (page: Page) =>
  page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ')));

describe('the console', () => {
  it('asks to sign in, signs in through the provider’s page by keyboard, and lists my dialogues with feedback flags', async () => {
    const page = await consolePage();
    await expect(page.locator('h1').innerText()).resolves.toBe('Logga in');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-signed-out');
    await signIn(page);
    await expect(page.locator('h1').innerText()).resolves.toBe('Mina dialoger');
    await expect(page.locator('header').innerText()).resolves.toContain('Inloggad som anna.official@ljungby.se');
    const listed = await rows(page);
    expect(listed).toHaveLength(2);
    expect(listed.find((r) => r.includes('Lekplatsen vid Lagaparken'))).toMatch(/Öppen .*\(om \d+ dagar\)/);
    // Overdue is said in words (and marked), not by colour alone.
    expect(listed.find((r) => r.includes('Ryssby'))).toMatch(/Utkast .*15 januari 2026: Försenad/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-list-1280');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-list-375');

    await page.locator('button', { hasText: 'In English' }).click();
    await page.locator('h1', { hasText: 'My dialogues' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.locator('tbody tr').first().waitFor();
    expect((await rows(page)).join('\n')).toContain('15 January 2026: Overdue');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('button', { hasText: 'På svenska' }).click();
    await page.locator('h1', { hasText: 'Mina dialoger' }).waitFor();

    // Signing out ends the session at the provider too and comes back to the sign-in screen.
    const signedOut = page.waitForRequest((r) => r.url().includes('/local-idp/logout'));
    await page.locator('button', { hasText: 'Logga ut' }).click();
    await signedOut;
    await page.locator('h1', { hasText: 'Logga in' }).waitFor();
    expect(page.url()).toBe(`${stack.urls.api}/console/`);
    await page.reload();
    await expect(page.locator('h1').innerText()).resolves.toBe('Logga in');
    await page.context().close();
  });

  it('a token the API refuses leads back to sign-in, saying the session has ended', async () => {
    const page = await consolePage();
    await signIn(page);
    // As if the token had expired or been revoked: the API answers 401.
    await page.evaluate(() => {
      for (const key of Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:'))) {
        const user = JSON.parse(sessionStorage.getItem(key) ?? '{}') as { access_token?: string };
        sessionStorage.setItem(key, JSON.stringify({ ...user, access_token: 'refused.token.here' }));
      }
    });
    await page.reload();
    await page.locator('[role=alert]').waitFor();
    await expect(page.locator('h1').innerText()).resolves.toBe('Logga in');
    await expect(page.locator('[role=alert]').innerText()).resolves.toBe('Din inloggning har gått ut. Logga in igen.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-session-ended');
    await page.context().close();
  });

  it('serves the console under a CSP of its own origin only, and its first load is small', async () => {
    const answer = await fetch(`${stack.urls.api}/console/`);
    expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const script = await (await fetch(`${stack.urls.api}/console/app.js`)).arrayBuffer();
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(Buffer.from(script)).byteLength).toBeLessThan(100 * 1024);
  });
});
