/**
 * The officials' console, part 1 so far: signing in through the local identity provider (authorization code +
 * PKCE by oidc-client-ts), "my dialogues" with the feedback promise and an overdue flag, a refused token leading
 * back to sign-in, signing out. Keyboard only where an official would type; axe on every state.
 */
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
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
  const width = page.viewportSize()?.width ?? 1280;
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'console-idp-sign-in-375');
  await page.setViewportSize({ width, height: 900 });
  await page.locator('#md-committee-tekniska-namnden').focus();
  await page.keyboard.press('Space');
  await page.locator('#md-email').fill('anna.official@ljungby.se');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${stack.urls.api}/console/`);
  await page.locator('table').waitFor();
}

/** The QR code on the poster as a phone's camera would read it: a screenshot decoded by jsQR. */
async function qrCodeIn(page: Page): Promise<string | undefined> {
  const png = PNG.sync.read(await page.locator('.md-poster-qr').screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
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
    expect(listed.find((r) => r.includes('Lekplatsen vid Lagaparken'))).toMatch(/Öppen 0 .*\(om \d+ dagar\)/);
    // Overdue is said in words (and marked), not by colour alone; a draft has no responses to count.
    expect(listed.find((r) => r.includes('Ryssby'))).toMatch(/Utkast – .*15 januari 2026: Försenad/);
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

  it('creates a dialogue from scratch: the checklist blocks opening until it is complete; opens, a citizen answers, closes; the change log shows each step', async () => {
    const page = await consolePage();
    await signIn(page);
    await page.locator('a', { hasText: 'Ny dialog' }).click();
    await page.locator('h1', { hasText: 'Ny dialog' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#md-new-title').fill('Skolgården i Lidhult');
    await page.locator('button', { hasText: 'Skapa utkast' }).click();
    await page.locator('h1', { hasText: 'Skolgården i Lidhult' }).waitFor();
    const checklist = page.locator('#md-checklist-state');
    await expect(checklist.innerText()).resolves.toBe('9 saker saknas innan dialogen kan öppnas:');
    const open = page.locator('button', { hasText: 'Öppna dialogen' });
    await expect(open.isDisabled()).resolves.toBe(true);
    await expect(open.getAttribute('aria-describedby')).resolves.toBe('md-open-blocked');
    // The same words as the API's 422.
    await expect(page.locator('[data-item=targetGroup]').innerText()).resolves.toContain(
      'Ange målgruppen: vilka dialogen vänder sig till (P6).',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-new-draft-1280');

    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#md-c-summary').fill('Skolgården ska göras om.');
    await page.locator('#md-c-background').fill('Gården är från 1970-talet.');
    await page.locator('#md-c-targetGroup').fill('Elever, föräldrar och grannar i Lidhult.');
    await page.locator('#md-c-question').fill('Vad vill ni kunna göra på skolgården?');
    await page.locator('#md-c-influenceLevel').selectOption('consultation');
    await page.locator('#md-c-canChange').fill('Vad som byggs.');
    await page.locator('#md-c-cannotChange').fill('Budgeten.');
    await page.locator('#md-c-decisionCommittee').selectOption('tekniska-namnden');
    // P7: a decision a few days after the close is warned of, live; a later date clears the warning.
    await page.locator('#md-c-closesAt').fill(day(30));
    await page.locator('#md-c-decisionDate').fill(day(33));
    await expect(page.locator('[data-warning]').innerText()).resolves.toMatch(
      /^Varning: Beslutet väntas bara \d dagar efter att dialogen stänger; synpunkterna hinner knappt beaktas \(P7\)\.$/,
    );
    await page.locator('#md-c-decisionDate').fill(day(60));
    await expect(page.locator('[data-warning]').count()).resolves.toBe(0);
    await page.locator('#md-c-feedbackHow').fill('Mejl och kommunens webbplats.');
    await page.locator('#md-c-feedbackBy').fill(day(75));
    await page.locator('#md-c-closesAt').fill(day(30));
    await expect(checklist.innerText()).resolves.toBe('1 sak saknas innan dialogen kan öppnas:');
    await expect(open.isDisabled()).resolves.toBe(true);

    // The question editor by keyboard alone: add, type, move an option, remove one.
    await page.locator('button', { hasText: 'Lägg till fråga' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#md-q-q1-label').focus();
    await page.keyboard.type('Vad är viktigast?');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.locator('#md-q-q1-o1').focus();
    await page.keyboard.type('Plats att spela boll');
    await page.locator('#md-q-q1-o2').focus();
    await page.keyboard.type('Lugna hörnor');
    await page.locator('button', { hasText: 'Lägg till svarsalternativ' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#md-q-q1-o3').focus();
    await page.keyboard.type('Mer grönska');
    await page.locator('button[aria-label="Flytta upp Svarsalternativ 3 (Fråga 1: Ett val)"]').focus();
    await page.keyboard.press('Enter');
    const options = () =>
      page
        .locator('[data-question=q1] .md-options input')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    await expect(options()).resolves.toEqual(['Plats att spela boll', 'Mer grönska', 'Lugna hörnor']);
    await page.locator('button[aria-label="Ta bort Svarsalternativ 3 (Fråga 1: Ett val)"]').focus();
    await page.keyboard.press('Enter');
    await expect(options()).resolves.toEqual(['Plats att spela boll', 'Mer grönska']);
    await expect(page.locator('#md-q-q1-required').isChecked()).resolves.toBe(true);
    await expect(checklist.innerText()).resolves.toBe('Allt som riktlinjen kräver är ifyllt. Dialogen kan öppnas.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-complete-1280');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-complete-375');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Saved, the preview shows the form as embedded, at a phone's width and a computer's, and the snippets to paste.
    await page.locator('button', { hasText: 'Spara' }).click();
    await page.locator('[role=status]', { hasText: 'Sparat.' }).waitFor();
    const phone = page.locator('.md-preview-phone');
    await phone.locator('legend', { hasText: 'Vad är viktigast?' }).waitFor();
    expect(await phone.evaluate((e) => Math.round(e.getBoundingClientRect().width))).toBe(375);
    await page.locator('.md-preview-desktop label', { hasText: 'Mer grönska' }).waitFor();
    const draftId = new URL(page.url()).hash.replace('#/d/', '');
    await expect(page.locator('#md-snippet-script + pre').innerText()).resolves.toContain(
      `<script src="${stack.urls.api}/embed.js" data-dialogue="${draftId}" data-target="#dialog-form" async></script>`,
    );
    await expect(page.locator('#md-snippet-csp + pre').innerText()).resolves.toContain(
      `style-src   … ${stack.urls.api}`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-preview-1280');

    await open.click();
    await page.locator('[role=status]', { hasText: 'Dialogen är öppen.' }).waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('Status: Öppen');
    const id = new URL(page.url()).hash.replace('#/d/', '');

    // The invitation kit: the text for the municipality's channels, and a poster that prints alone on one A4 page.
    await page.locator('a', { hasText: 'Inbjudan och affisch' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: 'Inbjudan: Skolgården i Lidhult' }).waitFor();
    const formUrl = `${stack.urls.api}/form/${id}?lang=sv`;
    const text = await page.locator('#md-invitation-text + pre').innerText();
    expect(text.split('\n')[0]).toBe('Tyck till: Skolgården i Lidhult');
    const closes = new Date(`${day(30)}T12:00:00Z`).toLocaleDateString('sv-SE', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    expect(text).toContain(`Svara senast ${closes} på ${formUrl}`);
    await expect(page.locator('.md-poster h2').innerText()).resolves.toBe('Skolgården i Lidhult');
    expect(await qrCodeIn(page)).toBe(formUrl);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-invitation-1280');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await axeViolations(page)).toEqual([]);
    expect(await qrCodeIn(page)).toBe(formUrl);
    await screenshot(page, 'console-invitation-375');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header').isVisible()).resolves.toBe(false);
    await expect(page.locator('h1').isVisible()).resolves.toBe(false);
    await screenshot(page, 'console-poster-print');
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
    await page.locator('a', { hasText: 'Tillbaka till dialogen' }).click();
    await page.locator('h1', { hasText: 'Skolgården i Lidhult' }).waitFor();

    // A citizen answers the form as embedded (its iframe page).
    const citizen = await page.context().browser()!.newPage();
    await citizen.goto(`${stack.urls.api}/form/${id}`);
    // "Mer grönska" kept its id (o3) when it moved up; "Lugna hörnor" (o2) was removed.
    await citizen.locator('label', { hasText: 'Mer grönska' }).click();
    await expect(citizen.locator('#md-q-q1-o3').isChecked()).resolves.toBe(true);
    await citizen.locator('.md-submit').click();
    await citizen.locator('[data-receipt]').waitFor();
    await citizen.close();

    await page.locator('button', { hasText: 'Stäng dialogen' }).click();
    await page.locator('[role=status]', { hasText: 'Dialogen är stängd.' }).waitFor();
    const actions = await page
      .locator('#md-audit-heading + div tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')));
    expect(actions).toEqual(['closed', 'opened', 'edited', 'created']);
    // Closed, the preview shows what the embed shows now: the notice and the way to the results, no form.
    await page.locator('.md-preview-phone').evaluate(async (host) => {
      while (!host.shadowRoot?.textContent?.includes('Dialogen är stängd')) await new Promise((r) => setTimeout(r, 50));
    });
    await expect(
      page.locator('.md-preview-phone').evaluate((h) => h.shadowRoot?.querySelector('form')),
    ).resolves.toBeNull();
    await expect(page.locator('tr[data-action=opened]').innerText()).resolves.toContain('Öppnade');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-closed-1280');

    // Copied into a new draft: its conditions and questions, not its status or history.
    await page.locator('button', { hasText: 'Kopiera till ett nytt utkast' }).click();
    await page.locator('h1', { hasText: 'Skolgården i Lidhult (kopia)' }).waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('Status: Utkast');
    await expect(page.locator('#md-q-q1-label').inputValue()).resolves.toBe('Vad är viktigast?');
    await expect(page.locator('#md-checklist-state').innerText()).resolves.toBe(
      'Allt som riktlinjen kräver är ifyllt. Dialogen kan öppnas.',
    );
    await expect(
      page
        .locator('#md-audit-heading + div tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action'))),
    ).resolves.toEqual(['created']);
    await page.locator('button', { hasText: 'Logga ut' }).click();
    await page.locator('h1', { hasText: 'Logga in' }).waitFor();
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
    // Compressed for a browser that takes gzip, as CloudFront does in AWS.
    const compressed = await fetch(`${stack.urls.api}/console/app.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    const script = await (await fetch(`${stack.urls.api}/console/app.js`)).arrayBuffer();
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(Buffer.from(script)).byteLength).toBeLessThan(100 * 1024);
  });
});
