/**
 * The form where citizens meet it: on a municipal page of another origin that sends a strict CSP (no
 * 'unsafe-inline') and hostile global CSS; on a page whose origin is not allowed; in an iframe on a phone;
 * and after the dialogue has closed.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { localIdentity } from '../../local/identity';
import type { LocalStack } from '../../local/stack';
import { htmlProblems, inHostPage } from '../support/html-validator';
import { conformingFetch } from '../support/openapi-conformance';
import { axeViolations, launchChromium, screenshot, startStack } from './browser';

jest.setTimeout(45_000);

let stack: LocalStack;
let browser: Browser;
type Host = Awaited<ReturnType<typeof startHost>>;
let allowedHost: Host;
let foreignHost: Host;

/** Hostile CSS a CMS might have: it must not reach into the form (shadow root) nor size the iframe. */
const HOSTILE_CSS = `* { font-family: "Comic Sans MS", cursive !important; color: #c0f !important; }
input, button { all: unset; } div { display: inline; } p { font-size: 8px; } iframe { height: 150px; }`;

/** A municipal page of its own origin: CSP allows the API origin for scripts, styles, fetches and frames. */
function hostPage(apiOrigin: string, body: string): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kommunens sida</title><link rel="stylesheet" href="/site.css"></head><body><main><h1>Tyck till</h1>${body}</main></body></html>`.replaceAll(
    'API',
    apiOrigin,
  );
}

/**
 * A municipal page server, listening (on a port of its own choosing) before the stack starts, so the stack can
 * name its origin among the allowed ones; the API origin it embeds is given once the stack is up.
 */
async function startHost(): Promise<{ server: Server; origin: string; embed: (apiOrigin: string) => void }> {
  let apiOrigin = '';
  const server = createServer((request, response) => {
    const csp = `default-src 'self'; script-src 'self' ${apiOrigin}; style-src 'self' ${apiOrigin}; connect-src 'self' ${apiOrigin}; frame-src ${apiOrigin}; img-src 'self' ${apiOrigin}`;
    const pages: Record<string, string> = {
      '/script': hostPage(
        apiOrigin,
        '<div id="form"></div><script src="API/embed.js" data-dialogue="demo" data-target="#form" async></script>',
      ),
      '/iframe': hostPage(
        apiOrigin,
        '<iframe src="API/form/demo" title="Enkät: lekplatsen"></iframe><script src="API/embed.js" async></script>',
      ),
    };
    if (request.url === '/site.css') {
      response.writeHead(200, { 'content-type': 'text/css' });
      return response.end(HOSTILE_CSS);
    }
    const page = pages[request.url ?? ''];
    response.writeHead(page ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
    });
    response.end(page ?? 'not found');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}`, embed: (origin) => (apiOrigin = origin) };
}

/** A page with the CSP violations and console errors it met. */
async function open(url: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  await page.goto(url);
  return { page, problems };
}

beforeAll(async () => {
  [allowedHost, foreignHost, browser] = await Promise.all([startHost(), startHost(), launchChromium()]);
  stack = await startStack([allowedHost.origin]);
  for (const host of [allowedHost, foreignHost]) host.embed(new URL(stack.urls.api).origin);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([allowedHost, foreignHost].map((host) => host && new Promise((done) => host.server.close(done))));
  await stack?.stop();
}, 30_000);

describe('an allowed municipal page with a strict CSP and hostile CSS', () => {
  it('shows the styled form: no CSP violation, the honeypot hidden, the page’s CSS kept out; axe finds nothing', async () => {
    const { page, problems } = await open(`${allowedHost.origin}/script`);
    const form = page.locator('#form form[data-md-form]');
    await form.waitFor();
    await expect(page.locator('#form .md-root').isVisible()).resolves.toBe(true);
    // The honeypot is moved off the screen by the served stylesheet; under a blocked stylesheet it would show.
    const honeypot = await page.locator('#form .md-hp').evaluate((e) => e.getBoundingClientRect().right);
    expect(honeypot).toBeLessThan(0);
    const submit = page.locator('#form .md-submit');
    const style = await submit.evaluate((b) => ({
      font: getComputedStyle(b).fontFamily,
      bg: getComputedStyle(b).backgroundColor,
    }));
    expect(style.bg).toBe('rgb(29, 79, 145)');
    // The host's `* { font-family: Comic Sans !important; color: #c0f !important }` stops at the shadow root.
    expect(style.font).not.toMatch(/Comic Sans/i);
    await expect(
      page
        .locator('#form h2')
        .first()
        .evaluate((h) => getComputedStyle(h).color),
    ).resolves.not.toBe('rgb(204, 0, 255)');
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
    await screenshot(page, 'host-csp-script-1280');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('on a 375 px phone the ranking buttons stay on their item’s line', async () => {
    const { page } = await open(`${allowedHost.origin}/script`, 375);
    await page.locator('#form form[data-md-form]').waitFor();
    const rows = await page.locator('#form .md-ranking li').evaluateAll((items) =>
      items.map((li) => {
        const tops = [...li.querySelectorAll('span, button')].map((e) => Math.round(e.getBoundingClientRect().top));
        return Math.max(...tops) - Math.min(...tops);
      }),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const spread of rows) expect(spread).toBeLessThan(12);
    await screenshot(page, 'host-csp-script-375');
    await page.context().close();
  });

  it('an iframe grows with its form on a phone (height protocol), over the page’s own iframe height', async () => {
    const { page, problems } = await open(`${allowedHost.origin}/iframe`, 375);
    // Over the host's own `iframe { height: 150px }`, then to the form's height: measured from the content's bottom
    // edge, not the frame document's scrollHeight (which is never less than the frame, so a frame too tall would pass).
    await page.waitForFunction(() => (document.querySelector('iframe')?.getBoundingClientRect().height ?? 0) > 150);
    const contentHeight = await page
      .frameLocator('iframe')
      .locator('body')
      .evaluate((b) => b.getBoundingClientRect().bottom + parseFloat(getComputedStyle(b).marginBottom));
    await page.waitForFunction(
      (expected) => Math.abs((document.querySelector('iframe')?.getBoundingClientRect().height ?? 0) - expected) < 40,
      contentHeight,
    );
    expect(contentHeight).toBeGreaterThan(2000);
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
    await screenshot(page, 'host-csp-iframe-375');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('a page whose origin is not allowed', () => {
  it('gets a link to the form on its own page, and one console line naming the origin to add', async () => {
    const { page, problems } = await open(`${foreignHost.origin}/script`);
    const link = page.locator('#form a');
    await link.waitFor();
    await expect(link.getAttribute('href')).resolves.toBe(`${stack.urls.api}/form/demo?lang=sv`);
    expect(problems.filter((p) => p.includes(`ALLOWED_ORIGINS=${foreignHost.origin}`))).toEqual([
      expect.stringContaining('warning: Medborgardialog'),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'host-foreign-origin');
    await page.context().close();
  });
});

describe('an API that answers with an error instead of a fragment', () => {
  it('shows the link to the form, never the error’s JSON, on the allowed page', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.route('**/form/demo?format=fragment*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': allowedHost.origin },
        body: JSON.stringify({ error: 'internal', message: 'Något gick fel' }),
      }),
    );
    await page.goto(`${allowedHost.origin}/script`);
    const link = page.locator('#form a');
    await link.waitFor();
    await expect(link.getAttribute('href')).resolves.toBe(`${stack.urls.api}/form/demo?lang=sv`);
    await expect(page.locator('#form').innerText()).resolves.not.toContain('internal');
    await context.close();
  });
});

describe('security headers', () => {
  it('form pages may be framed only by allowed origins, other pages by none; nosniff and a referrer policy on every page', async () => {
    const ancestorsOf = (response: Response) =>
      /frame-ancestors ([^;]+)/.exec(response.headers.get('content-security-policy') ?? '')?.[1]?.split(' ');
    const form = await conformingFetch(`${stack.urls.api}/form/demo`);
    const apiPort = new URL(stack.urls.api).port;
    // Exactly the stage's origins and the allowed page: the foreign page is not among them.
    expect(ancestorsOf(form)).toEqual([stack.urls.api, `http://127.0.0.1:${apiPort}`, allowedHost.origin]);
    const pages = ['/form/demo', '/form/demo?format=fragment', '/results/demo', '/unsubscribe', '/form/nothing-here'];
    for (const path of pages) {
      const page = await conformingFetch(`${stack.urls.api}${path}`);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect([path, csp.includes("default-src 'none'"), csp.includes('unsafe-inline')]).toEqual([path, true, false]);
      expect([path, page.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
      expect([path, page.headers.get('referrer-policy')]).toEqual([path, 'no-referrer']);
    }
    for (const path of ['/results/demo', '/unsubscribe']) {
      expect([path, ancestorsOf(await conformingFetch(`${stack.urls.api}${path}`))]).toEqual([path, ["'none'"]]);
    }
    const icon = await conformingFetch(`${stack.urls.api}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
  });
});

/** Each state's fragment and page, for the HTML checker at the end (fragments inside a host page). */
const documents: Record<string, string> = {};
const LOCAL_LAG_MS = 2000;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('answered on the municipal page, then closed, then decided (P12: the page tells what came of it)', () => {
  const api = (path: string, init?: RequestInit) => conformingFetch(`${stack.urls.api}${path}`, init);
  let token: string;
  const asOfficial = (path: string, body: unknown) =>
    api(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  /** What the embed shows on the allowed page at a width, as a reader sees it (whitespace collapsed). */
  const embedAt = async (width: number, name: string) => {
    const { page, problems } = await open(`${allowedHost.origin}/script`, width);
    await page.locator('#form .md-root:not([hidden]) h2').first().waitFor();
    // Before axe, which applies inline styles of its own while it measures contrast.
    expect(problems).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${name}-${width}`);
    return { page, said: (await page.locator('#form .md-root').innerText()).replace(/\s+/g, ' ') };
  };
  const keep = async (name: string, path: string) => (documents[name] = await (await api(path)).text());

  beforeAll(async () => {
    const identity = await localIdentity(Number(new URL(stack.urls.api).port));
    token = await identity.issue({ committees: ['tekniska-namnden'], admin: false });
    await keep('open fragment (sv)', '/form/demo?format=fragment');
    await keep('open fragment (en)', '/form/demo?format=fragment&lang=en');
    await keep('open page', '/form/demo');
  });

  it('a citizen answers the embedded form there and gets the receipt, with no CSP violation', async () => {
    const { page, problems } = await open(`${allowedHost.origin}/script`, 375);
    await page.locator('#form form[data-md-form]').waitFor();
    await page.locator('#md-q-favourite-alla').check();
    await page.locator('#md-contact-email').fill('medborgare@example.se');
    await page.locator('#md-contact-consent').check();
    await page.locator('#form .md-submit').click();
    await page.locator('#form [data-receipt]').waitFor();
    expect(problems).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'host-receipt-375');
    await page.context().close();
    // Two more answers, so that one proposal leads: Lekplats för alla 2 of 3.
    for (const favourite of ['alla', 'natur']) {
      const sent = await api('/dialogues/demo/responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ submissionId: randomUUID(), answers: { favourite } }),
      });
      expect(sent.status).toBe(201);
    }
  });

  it('closed early: the embed says so, when the decision is due, the result in brief, and links to the results', async () => {
    expect((await asOfficial('/admin/dialogues/demo/status', { status: 'closed' })).status).toBe(200);
    await sleep(LOCAL_LAG_MS + 500);
    expect((await api('/local/jobs/aggregate', { method: 'POST' })).status).toBe(200);
    const fragment = await keep('closed fragment (sv)', '/form/demo?format=fragment');
    expect(fragment).not.toMatch(/<(html|head|title|main|h1|style)\b/i);
    await keep('closed fragment (en)', '/form/demo?format=fragment&lang=en');
    for (const width of [375, 1280]) {
      const { page, said } = await embedAt(width, 'host-closed');
      await expect(page.locator('#form h2').first().innerText()).resolves.toBe('Dialogen är stängd');
      expect(said).toContain('Tekniska nämnden väntas fatta beslut');
      expect(said).toContain('Resultatet i korthet 3 personer svarade.');
      expect(said).toMatch(/Flest valde förslaget ”Lekplats för alla” \(67\s%/);
      const link = page.locator('#form a', { hasText: 'Se hela resultatet' });
      await expect(link.getAttribute('href')).resolves.toBe(`${stack.urls.api}/results/demo`);
      await page.context().close();
    }
    // The conditions no longer promise "open until" a date that did not hold.
    const results = await keep('closed results page', '/results/demo');
    expect(results).not.toContain('Dialogen är öppen till och med');
    expect(results).toMatch(/Dialogen stängdes \d+ \w+ \d{4}\./);
  });

  it('the form’s own page says it once (not as heading and paragraph twice), at 375 and 1280 px; a late post gets the same', async () => {
    for (const width of [375, 1280]) {
      const { page } = await open(`${stack.urls.api}/form/demo`, width);
      await expect(page.locator('h1').innerText()).resolves.toBe('Dialogen är stängd');
      await expect(page.locator('main p').first().innerText()).resolves.not.toBe('Dialogen är stängd');
      await expect(page.locator('main h2').allInnerTexts()).resolves.toEqual(['Resultatet i korthet']);
      await expect(page.locator('main a').getAttribute('href')).resolves.toBe(`${stack.urls.api}/results/demo`);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `form-page-closed-${width}`);
      await page.context().close();
    }
    await keep('closed page', '/form/demo');
    const late = await api('/form/demo', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'submissionId=0b6f2c8e-3f1a-4c1e-9d7a-2a9f1e6b8c99&q.favourite=alla',
    });
    expect(late.status).toBe(409);
    const page = await late.text();
    expect(page).toContain('<h1>Dialogen är stängd</h1>');
    expect(page).toContain(`href="${stack.urls.api}/results/demo"`);
  });

  it('decided: the embed shows the results page’s decision box (summary, date, committee, §, motivation) and the link', async () => {
    const decided = await asOfficial('/admin/dialogues/demo/decision', {
      summary: { sv: 'Nämnden bygger Lekplats för alla.', en: 'The committee builds the Playground for everyone.' },
      motivation: { sv: 'Förslaget fick flest röster.', en: 'The proposal got the most votes.' },
      decidedAt: '2026-12-02',
      minutes: { meeting: 'Tekniska nämnden', paragraph: '§ 23' },
      chosenAlternative: 'alla',
    });
    expect(decided.status).toBe(202);
    const resultsPage = await open(`${stack.urls.api}/results/demo`);
    const box = (await resultsPage.page.locator('.md-decision').innerText()).replace(/\s+/g, ' ');
    await resultsPage.page.context().close();
    for (const width of [375, 1280]) {
      const { page, said } = await embedAt(width, 'host-decided');
      await expect(page.locator('#form h2').first().innerText()).resolves.toBe('Nämnden har fattat beslut');
      // The same content as the results page's box, its headings a level lower (h3, h4) under the notice's h2.
      expect((await page.locator('#form .md-decision').innerText()).replace(/\s+/g, ' ')).toBe(box);
      await expect(page.locator('#form .md-decision h3').innerText()).resolves.toBe('Beslut');
      for (const part of [
        'Tekniska nämnden beslutade 2 december 2026.',
        'Nämnden bygger Lekplats för alla.',
        'Förslaget fick flest röster.',
        'Tekniska nämnden, § 23',
        '3 personer svarade.',
      ])
        expect(said).toContain(part);
      const link = page.locator('#form a', { hasText: 'Se hela resultatet och beslutet' });
      await expect(link.getAttribute('href')).resolves.toBe(`${stack.urls.api}/results/demo`);
      await page.context().close();
    }
    await keep('decided fragment (sv)', '/form/demo?format=fragment');
    await keep('decided fragment (en)', '/form/demo?format=fragment&lang=en');
    await keep('decided page', '/form/demo');
    await keep('decided results page', '/results/demo');
  });

  it('the feedback email’s unsubscribe link confirms with a link to the results, and once used says it is used', async () => {
    expect((await api('/local/jobs/mailout', { method: 'POST' })).status).toBe(200);
    const { emails } = (await (await fetch(`${stack.urls.ses}/store`)).json()) as {
      emails: Array<{ destination: { to: string[] }; body: { text?: string } }>;
    };
    const mail = emails.find((e) => e.destination.to.includes('medborgare@example.se'));
    const link = /https?:\/\/\S+\/unsubscribe\?token=\S+/.exec(mail?.body.text ?? '')?.[0] ?? '';
    expect(link).toContain(stack.urls.api);
    const confirm = await open(link, 375);
    await expect(confirm.page.locator('a', { hasText: 'Till resultatsidan' }).getAttribute('href')).resolves.toBe(
      `${stack.urls.api}/results/demo`,
    );
    expect(await axeViolations(confirm.page)).toEqual([]);
    await screenshot(confirm.page, 'unsubscribe-confirm-375');
    await confirm.page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(confirm.page, 'unsubscribe-confirm-1280');
    documents['unsubscribe confirmation'] = await confirm.page.content();
    await confirm.page.locator('button', { hasText: 'Ta bort min e-postadress' }).click();
    await confirm.page.locator('h1', { hasText: 'Din e-postadress är borttagen' }).waitFor();
    documents['unsubscribed'] = await confirm.page.content();
    await confirm.page.context().close();
    const again = await open(link, 375);
    await expect(again.page.locator('h1').innerText()).resolves.toBe('Din e-postadress är redan borttagen');
    await expect(again.page.locator('form').count()).resolves.toBe(0);
    expect(await axeViolations(again.page)).toEqual([]);
    await screenshot(again.page, 'unsubscribe-used-375');
    await again.page.setViewportSize({ width: 1280, height: 800 });
    expect(await axeViolations(again.page)).toEqual([]);
    await screenshot(again.page, 'unsubscribe-used-1280');
    documents['unsubscribe link used'] = await again.page.content();
    await again.page.context().close();
  });

  it('every fragment is valid HTML inside a host page, and every page is valid (W3C Nu HTML checker)', async () => {
    const checked = Object.fromEntries(
      Object.entries(documents).map(([name, markup]) => [
        name,
        name.includes('fragment') ? inHostPage(markup) : markup,
      ]),
    );
    expect(Object.keys(checked)).toHaveLength(14);
    expect(await htmlProblems(checked)).toEqual([]);
  }, 60_000);
});
