/**
 * A whole dialogue through the officials' console only (issue 13): sign in, create and open a dialogue, a citizen
 * answers in the form embedded on a municipal page of another origin, a paper response is entered, a free text is
 * moderated by keyboard, the dialogue is closed, the committee's report is printed (print media), the decision is
 * registered, the mailout reaches done with the email in the SES inbox, and every step is in the change log;
 * then the participant rates from her email, the committee evaluates by keyboard, and the year's follow-up
 * is read, downloaded as CSV and printed.
 * axe on every new page and state, at 1280 and 375 px.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import type { LocalStack } from '../../local/stack';
import { checkedAtBothWidths, launchChromium, screenshot, startStack, tabTo } from './browser';

jest.setTimeout(180_000);

let stack: LocalStack;
let browser: Browser;
let host: Server;
let hostOrigin: string;
let dialogueId = '';

/** The municipality's page: its own origin, a CSP naming the API origin, the form placed by embed.js. */
async function startHost(api: () => string): Promise<void> {
  host = createServer((request, response) => {
    const origin = api();
    const id = new URL(request.url ?? '/', 'http://x').searchParams.get('dialogue') ?? '';
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'self'; script-src ${origin}; style-src ${origin}; connect-src ${origin}; frame-src ${origin}`,
    });
    response.end(`<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Ljungby kommun: tyck till</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main><h1>Tyck till om parken</h1>
<div id="form"></div><script src="${origin}/embed.js" data-dialogue="${id}" data-target="#form" async></script></main></body></html>`);
  });
  host.listen(0, '127.0.0.1');
  await once(host, 'listening');
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  let apiOrigin = '';
  await startHost(() => apiOrigin);
  [stack, browser] = await Promise.all([startStack([hostOrigin]), launchChromium()]);
  apiOrigin = new URL(stack.urls.api).origin;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  host?.close();
}, 30_000);

const checked = checkedAtBothWidths;

const runJob = async (name: string) =>
  expect((await fetch(`${stack.urls.api}/local/jobs/${name}`, { method: 'POST' })).status).toBe(200);

/** Responses count once they are older than the aggregation's safety lag (2 s locally); then the job runs. */
async function aggregate(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 2500));
  await runJob('aggregate');
}

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('the whole life cycle of a dialogue, through the console only', () => {
  it('goes from sign-in to the feedback email, and every step is in the change log', async () => {
    // 1. Sign in.
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${stack.urls.api}/console/`);
    await page.locator('button.md-submit').click();
    await page.locator('#md-committee-tekniska-namnden').check();
    await page.locator('#md-email').fill('erik.official@ljungby.se');
    await page.locator('form button.md-submit').click();
    await page.locator('table, p:has-text("inga dialoger")').first().waitFor();

    // 2. Create the dialogue with a closed question and a free text, and open it.
    await page.locator('a.md-new').click();
    await page.locator('#md-new-title').fill('Belysning i Ljungbergsparken');
    await page.locator('button.md-submit').click();
    await page.locator('h1', { hasText: 'Belysning' }).waitFor();
    dialogueId = /#\/d\/([\w-]+)/.exec(page.url())?.[1] ?? '';
    expect(dialogueId).not.toBe('');
    await page.locator('#md-c-summary').fill('Parken får ny belysning nästa år.');
    await page.locator('#md-c-background').fill('Många upplever parken som mörk och otrygg på kvällen.');
    await page.locator('#md-c-targetGroup').fill('Alla som går genom parken.');
    await page.locator('#md-c-question').fill('Var i parken behövs mer ljus?');
    await page.locator('#md-c-influenceLevel').selectOption('dialogue');
    await page.locator('#md-c-canChange').fill('Var lamporna står.');
    await page.locator('#md-c-cannotChange').fill('Budgeten.');
    await page.locator('#md-c-decisionCommittee').selectOption('tekniska-namnden');
    await page.locator('#md-c-decisionDate').fill(day(60));
    await page.locator('#md-c-feedbackHow').fill('Mejl till dig som lämnar adress, och på kommunens webb.');
    await page.locator('#md-c-feedbackBy').fill(day(75));
    await page.locator('#md-c-closesAt').fill(day(30));
    await page.locator('#md-new-question-type').selectOption('single');
    await page.locator('button', { hasText: 'Lägg till fråga' }).click();
    await page.locator('#md-q-q1-label').fill('Var behövs ljus mest?');
    await page.locator('#md-q-q1-o1').fill('Vid lekplatsen');
    await page.locator('#md-q-q1-o2').fill('Längs gångvägen');
    await page.locator('#md-new-question-type').selectOption('text');
    await page.locator('button', { hasText: 'Lägg till fråga' }).click();
    await page.locator('#md-q-q2-label').fill('Något mer?');
    await page.locator('button', { hasText: 'Spara' }).click();
    await page.locator('[role=status]', { hasText: 'Sparat.' }).waitFor();
    await page.locator('button', { hasText: 'Öppna dialogen' }).click();
    await page.locator('[role=status]', { hasText: 'Dialogen är öppen.' }).waitFor();

    // 3. A citizen answers in the form on the municipality's page, and wants the result.
    const citizen = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
    await citizen.goto(`${hostOrigin}/?dialogue=${dialogueId}`);
    await citizen.locator('#form form[data-md-form]').waitFor();
    await citizen.getByLabel('Vid lekplatsen').check();
    await citizen.locator('#form textarea').fill('Mer ljus vid lekplatsen, och jag heter Anna Svensson.');
    await citizen.locator('#form input[name="contact.email"]').fill('anna@example.se');
    await citizen.locator('#form input[name="contact.consent"]').check();
    await citizen.locator('#form .md-submit').click();
    await citizen.locator('#form [data-receipt]').waitFor();
    await citizen.context().close();

    // 4. A paper response, entered in the console: first with an address but no consent (refused), then without it.
    await page.locator('a', { hasText: 'Resultat och fritexter' }).click();
    await page.locator('a', { hasText: 'För in svar från papper eller möte' }).click();
    await page.locator('h1', { hasText: 'För in svar' }).waitFor();
    await checked(page, 'console-entry-form');
    await page.locator('textarea[name="q.q2"]').fill('Längs gångvägen är det mörkast.');
    await page.locator('input[name="contact.email"]').fill('per@example.se');
    await page.locator('button.md-submit', { hasText: 'Spara svaret' }).click();
    await page.locator('[role=alert]', { hasText: 'Det gick inte:' }).waitFor();
    await expect(page.locator('textarea[name="q.q2"]').inputValue()).resolves.toBe('Längs gångvägen är det mörkast.');
    await checked(page, 'console-entry-refused');
    await expect(page.locator('main').innerText()).resolves.toContain('Kryssa i att vi får använda e-postadressen');
    await page.locator('input[name="contact.email"]').fill('');
    await page.getByLabel('Längs gångvägen').check();
    await page.locator('button.md-submit', { hasText: 'Spara svaret' }).click();
    await page.locator('[role=status]', { hasText: 'Svaret är sparat.' }).waitFor();
    await checked(page, 'console-entry-saved');

    // 5. Live results: web, paper and the total; the free texts hidden until one is marked, by keyboard alone.
    await aggregate();
    await page.locator('a', { hasText: 'Tillbaka till resultatet' }).click();
    await page.locator('#md-free-texts-heading').waitFor();
    const methods = await page.locator('table:has(caption:has-text("Svar per metod")) tbody').innerText();
    expect(methods.replace(/\t/g, ' ')).toContain('Webbenkäten 1\nPappersblankett 1\nMöte 0\nTotalt 2');
    await expect(page.locator('main').innerText()).resolves.toContain('Visar 2 av 2 svar. 0 får publiceras.');
    await checked(page, 'console-results');
    await page.locator('#md-search-q2').focus();
    await page.keyboard.type('gångvägen');
    await expect(page.locator('main').innerText()).resolves.toContain('Visar 1 av 2 svar. 0 får publiceras.');
    const box = await tabTo(page, (f) => f.tag === 'input' && f.id.startsWith('md-ft-q2-'));
    expect(box.checked).toBe(false);
    await page.keyboard.press('Space');
    await page.locator('[role=status]', { hasText: 'Texten får publiceras.' }).waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('Visar 1 av 2 svar. 1 får publiceras.');
    await checked(page, 'console-results-moderated');

    // The case file's CSV, as the button saves it: the BOM Excel needs, each free text with its moderation.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button', { hasText: 'Ladda ner resultatet som CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`resultat-${dialogueId}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('"Längs gångvägen är det mörkast.";"får publiceras"');
    expect(csv).toContain('Anna Svensson.";"dold"');

    // The export of every response for the archive, through its download link: one row per response, anonymous.
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button', { hasText: 'Exportera alla svar som CSV' }).click(),
    ]);
    expect(exported.suggestedFilename()).toBe(`svar-${dialogueId}.csv`);
    const rows: Array<Record<string, string>> = parse(readFileSync(await exported.path(), 'utf8'), {
      bom: true,
      delimiter: ';',
      columns: true,
    });
    expect(rows.map((r) => r.metod).sort()).toEqual(['Pappersblankett', 'Webbenkäten']);

    // 6. Close the dialogue.
    await page.locator('a', { hasText: 'Tillbaka till dialogen' }).click();
    await page.locator('button', { hasText: 'Stäng dialogen' }).click();
    await page.locator('[role=status]', { hasText: 'Dialogen är stängd.' }).waitFor();
    await aggregate();

    // 7. The committee's report, printed: the conditions, both methods, only the publishable free text.
    await page.goto(`${stack.urls.api}/console/#/d/${dialogueId}/report`);
    await page.locator('h1', { hasText: 'Beslutsunderlag: Belysning i Ljungbergsparken' }).waitFor();
    await checked(page, 'console-report');
    await page.emulateMedia({ media: 'print' });
    const report = await page.locator('main').innerText();
    expect(report).toContain('Villkor för dialogen');
    expect(report).toMatch(/2 svar kom in mellan \d+ \w+ \d{4} och \d+ \w+ \d{4}\./);
    expect(report).toContain('Längs gångvägen är det mörkast.');
    expect(report).not.toContain('Anna Svensson');
    expect(report).toContain('1 av 2 fritextsvar är granskade och får publiceras.');
    expect(report).toContain('Pappersblankett');
    await expect(page.locator('button', { hasText: 'Skriv ut' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.md-console-header').isVisible()).resolves.toBe(false);
    const breakdowns = await page
      .locator('.md-report details')
      .evaluateAll((ds) => ds.map((d) => d.hasAttribute('open')));
    expect(breakdowns.every(Boolean)).toBe(true);
    await screenshot(page, 'console-report-print');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });

    // 8. Register the decision, after the confirmation naming the one person to be emailed.
    await page.goto(`${stack.urls.api}/console/#/d/${dialogueId}/decision`);
    await page.locator('#md-d-summary').fill('Nämnden sätter nya lampor längs gångvägen.');
    await page.locator('#md-d-motivation').fill('Där var det mörkast, enligt svaren.');
    await page.locator('#md-d-decidedAt').fill(day(1));
    await page.locator('button', { hasText: 'Granska och registrera' }).click();
    await expect(page.locator('#md-confirm-text').innerText()).resolves.toBe(
      'Beslutet och resultatet skickas med e-post till 1 person.',
    );
    await page.locator('[role=alertdialog] button', { hasText: 'Registrera beslutet' }).click();
    await page.locator('[role=status]', { hasText: 'Beslutet är registrerat.' }).waitFor();

    // 9. The mailout reaches done; the email is in the SES inbox.
    await runJob('mailout');
    await page.locator('[role=status]', { hasText: 'Utskicket är klart.' }).waitFor();
    await expect(page.locator('#md-mailout-counts').innerText()).resolves.toBe(
      'Skickade: 1. Misslyckade: 0. Väntar: 0.',
    );
    const { emails } = (await (await fetch(`${stack.urls.ses}/store`)).json()) as {
      emails: Array<{ body: { text?: string }; destination: { to: string[] } }>;
    };
    const anna = emails.filter((e) => e.destination.to.join(',').includes('anna@example.se'));
    expect(anna).toHaveLength(1);
    expect(anna[0]?.body.text).toContain('Nämnden sätter nya lampor längs gångvägen.');

    // 10. Each step in the change log, newest first.
    await page.locator('a', { hasText: 'Tillbaka till dialogen' }).click();
    await page.locator('#md-audit-heading').waitFor();
    const actions = await page
      .locator('#md-audit-heading + div tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')));
    expect(actions.slice(0, 5)).toEqual([
      'decision-registered',
      'closed',
      'free-text-published',
      'response-entered',
      'opened',
    ]);
    expect(actions.at(-1)).toBe('created');
    await checked(page, 'console-detail-after-lifecycle');

    // 11. Anna follows the rating link in her email and rates 4 (P14).
    const ratingUrl = /(http\S+\/rating\?token=\S+)/.exec(anna[0]?.body.text ?? '')?.[1] ?? '';
    expect(ratingUrl).toContain(`/rating?token=${dialogueId}.`);
    const rater = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
    await rater.goto(ratingUrl);
    await rater.locator('label', { hasText: '4' }).click();
    await rater.locator('button', { hasText: 'Skicka' }).click();
    await rater.locator('h1', { hasText: 'Tack för ditt svar' }).waitFor();
    await rater.context().close();

    // 12. The dialogue's evaluation: figures to check by hand against the above, then the committee's own, by keyboard.
    await page.goto(`${stack.urls.api}/console/#/d/${dialogueId}/evaluation`);
    await page.locator('h1', { hasText: 'Utvärdering: Belysning i Ljungbergsparken' }).waitFor();
    const figures = await page.locator('.md-figures').innerText();
    expect(figures).toMatch(/Webbenkäten\s+1/);
    expect(figures).toMatch(/Pappersblankett\s+1/);
    expect(figures).toMatch(/Totalt\s+2/);
    expect(figures).toMatch(/Mottagare\s+1/);
    expect(figures).toMatch(/Skickade\s+1/);
    expect(figures).toContain('Medelbetyg 4 av 5, från 1 svar.');
    expect(figures).toContain('Given i tid');
    await checked(page, 'console-evaluation');
    await page.locator('#md-e-purpose-yes').focus();
    await page.keyboard.press('Space');
    await tabTo(page, 'md-e-method-yes');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, 'md-e-accessibility-yes');
    await page.keyboard.press('Space');
    await tabTo(page, 'md-e-reached');
    await page.keyboard.type('De som går genom parken på kvällen.');
    await tabTo(page, 'md-e-missed');
    await page.keyboard.type('Unga under 16 år.');
    await tabTo(page, (f) => f.tag === 'button' && f.name === 'Spara utvärderingen');
    await page.keyboard.press('Enter');
    await page.locator('[role=status]', { hasText: 'Utvärderingen är sparad.' }).waitFor();
    await expect(page.locator('#md-e-method-partly').isChecked()).resolves.toBe(true);
    await checked(page, 'console-evaluation-saved');
    await page.locator('a', { hasText: 'Tillbaka till dialogen' }).click();
    await page.locator('strong', { hasText: 'Utvärderad' }).waitFor();

    // 13. The year per committee: the figures, the CSV with its BOM, and the report for kommunstyrelsen in print.
    await page.goto(`${stack.urls.api}/console/#/`);
    await page.locator('a', { hasText: 'Uppföljning av alla dialoger per år' }).click();
    await page.locator('h1', { hasText: `Uppföljning av medborgardialoger ${new Date().getFullYear()}` }).waitFor();
    await page.locator('#md-eval-summary').waitFor();
    const year = await page.locator('.md-figures').innerText();
    expect(year).toContain('Belysning i Ljungbergsparken');
    expect(year).toMatch(/Tekniska nämnden\s+2/);
    await checked(page, 'console-year');
    const [yearCsv] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button', { hasText: 'Ladda ner som CSV' }).click(),
    ]);
    expect(yearCsv.suggestedFilename()).toBe(`utvardering-${new Date().getFullYear()}.csv`);
    const yearText = readFileSync(await yearCsv.path(), 'utf8');
    expect(yearText.charCodeAt(0)).toBe(0xfeff);
    expect(yearText).toContain('"Tekniska nämnden";"2"');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('button', { hasText: 'Skriv ut rapporten' }).isVisible()).resolves.toBe(false);
    await screenshot(page, 'console-year-print');
    expect((await page.pdf({ format: 'A4' })).length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
