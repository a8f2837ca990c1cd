/**
 * The officials' console, part 2: registering the committee's decision after a confirmation that says how many
 * will be emailed, following the mailout to the end, correcting the decision before the first email and being
 * refused after it. By keyboard alone; axe on every state, at 1280 and 375 px.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { demoDialogue } from '../../local/demo-dialogue';
import { localIdentity } from '../../local/identity';
import type { LocalStack } from '../../local/stack';
import { checkedAtBothWidths, launchChromium, startStack } from './browser';

jest.setTimeout(90_000);

let stack: LocalStack;
let browser: Browser;
let id: string;
let token: string;

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${stack.urls.api}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  const identity = await localIdentity(Number(new URL(stack.urls.api).port));
  token = await identity.issue({ committees: ['tekniska-namnden'], admin: false });
  // A dialogue that has run: opened, answered by one citizen who wants the result, and closed.
  const created = await api('/admin/dialogues', {
    method: 'POST',
    body: JSON.stringify({ ...demoDialogue(new Date()), title: { sv: 'Lekplatsen i Angelstad' } }),
  });
  id = ((await created.json()) as { id: string }).id;
  expect((await api(`/admin/dialogues/${id}/status`, { method: 'POST', body: '{"status":"open"}' })).status).toBe(200);
  const answered = await fetch(`${stack.urls.api}/dialogues/${id}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      submissionId: randomUUID(),
      answers: { favourite: 'alla' },
      contact: { email: 'lina@example.se', consent: true, language: 'sv' },
    }),
  });
  expect(answered.status).toBe(201);
  expect((await api(`/admin/dialogues/${id}/status`, { method: 'POST', body: '{"status":"closed"}' })).status).toBe(
    200,
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 30_000);

async function signedIn(width: number): Promise<Page> {
  // A date is typed as the locale writes it: en-GB's day, month, year.
  const page = await (await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' })).newPage();
  await page.goto(`${stack.urls.api}/console/`);
  await page.locator('button.md-submit').click();
  await page.locator('#md-committee-tekniska-namnden').check();
  await page.locator('form button.md-submit').click();
  await page.locator('table').waitFor();
  return page;
}

/** Types into the field with this label, reached by Tab alone from where the focus is. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      return element?.labels?.[0]?.textContent ?? '';
    });
    if (name === label) {
      await page.keyboard.type(text);
      return;
    }
  }
  throw new Error(`Tab never reached “${label}”`);
}

const checked = checkedAtBothWidths;

const counts = (page: Page) => page.locator('#md-mailout-counts').innerText();

describe('the decision in the console', () => {
  it('is registered by keyboard after a confirmation naming how many are emailed, corrected before the first email, followed to done, and refused a correction after', async () => {
    const page = await signedIn(1280);
    await page.goto(`${stack.urls.api}/console/#/d/${id}`);
    await page.locator('a', { hasText: 'Beslut och återkoppling' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: 'Beslut: Lekplatsen i Angelstad' }).waitFor();
    await checked(page, 'console-decision-form');

    await page.locator('a', { hasText: 'Tillbaka till dialogen' }).focus();
    await typeInto(page, 'Beslutet i korthet', 'Nämnden väljer Lekplats för alla.');
    await typeInto(page, 'Motivering', 'Flest ville ha den, och den passar barn med olika förmågor.');
    await typeInto(page, 'Beslutsdatum', '10022027');
    await typeInto(page, 'Paragraf i protokollet, t.ex. § 23', '§ 23');
    // A meeting's § without its meeting: the API names what is missing, and nothing is registered.
    await page.locator('#md-d-chosenAlternative').focus();
    await page.keyboard.press('End');
    await expect(page.locator('#md-d-chosenAlternative').inputValue()).resolves.toBe('alla');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('[role=alertdialog]').waitFor();
    await expect(page.locator('#md-confirm-text').innerText()).resolves.toBe(
      'Beslutet och resultatet skickas med e-post till 1 person.',
    );
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Registrera beslutet');
    await checked(page, 'console-decision-confirm');
    await page.keyboard.press('Enter');
    await page.locator('[role=status]', { hasText: 'Det gick inte:' }).waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('minutes.meeting');
    expect((await (await api(`/admin/dialogues/${id}`)).json()) as { status: string }).toMatchObject({
      status: 'closed',
    });

    await typeInto(page, 'Sammanträde, t.ex. Tekniska nämnden 2027-02-10 (frivilligt)', 'Tekniska nämnden');
    await page.keyboard.press('Enter');
    await page.locator('[role=alertdialog]').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[role=status]', { hasText: 'Beslutet är registrerat.' }).waitFor();
    await expect(counts(page)).resolves.toBe('Skickade: 0. Misslyckade: 0. Väntar: 1.');
    await expect(page.locator('#md-mailout-bar').getAttribute('max')).resolves.toBe('1');

    // Before the first email, a correction is taken.
    await page.locator('#md-d-motivation').focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' Den kostar inte mer än de andra.');
    await page.keyboard.press('Tab');
    await page.locator('button', { hasText: 'Spara rättelsen' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('[role=status]', { hasText: 'Beslutet är rättat.' }).waitFor();
    await checked(page, 'console-decision-sending');

    // The mailout job runs; the page follows it to done, and the email is in the SES inbox.
    expect((await fetch(`${stack.urls.api}/local/jobs/mailout`, { method: 'POST' })).status).toBe(200);
    await page.locator('[role=status]', { hasText: 'Utskicket är klart.' }).waitFor();
    await expect(counts(page)).resolves.toBe('Skickade: 1. Misslyckade: 0. Väntar: 0.');
    await expect(page.locator('#md-mailout-bar').getAttribute('value')).resolves.toBe('1');
    const emails = (
      (await (await fetch(`${stack.urls.ses}/store`)).json()) as {
        emails: Array<{ body: { text?: string }; destination: { to: string[] } }>;
      }
    ).emails;
    const mine = emails.filter((e) => e.destination.to.join(',').includes('lina@example.se'));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.body.text).toContain('Den kostar inte mer än de andra.');
    await checked(page, 'console-decision-done');

    // After it, the page says the decision can no longer be corrected, and offers no way to; the API refuses too.
    await expect(page.locator('main').innerText()).resolves.toContain('beslutet kan inte längre rättas');
    await expect(page.locator('button', { hasText: 'Spara rättelsen' }).count()).resolves.toBe(0);
    await expect(page.locator('#md-d-summary').isDisabled()).resolves.toBe(true);
    const late = await api(`/admin/dialogues/${id}/decision`, {
      method: 'PUT',
      body: JSON.stringify({ summary: { sv: 'Ändrat.' }, motivation: { sv: 'Ändrat.' }, decidedAt: '2027-02-10' }),
    });
    expect(late.status).toBe(409);
    const stored = (await (await api(`/admin/dialogues/${id}`)).json()) as {
      decisionRecord: { summary: { sv: string } };
    };
    expect(stored.decisionRecord.summary.sv).toBe('Nämnden väljer Lekplats för alla.');

    // Each step is in the change log.
    await page.locator('a', { hasText: 'Tillbaka till dialogen' }).click();
    await page.locator('#md-audit-heading').waitFor();
    const actions = await page
      .locator('#md-audit-heading + div tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')));
    expect(actions.slice(0, 3)).toEqual(['decision-corrected', 'decision-registered', 'closed']);
    await page.context().close();
  });
});
