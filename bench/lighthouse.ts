import { createServer } from 'node:http';
import puppeteer, { type Page } from 'puppeteer-core';
import { startLocalStack } from '../local/stack';
import { freePort } from '../local/ports';
import { chromiumFlags, chromiumPath } from '../test/support/chromium';
import { report } from './measure';

/** Lighthouse's default: a mid-range phone on a slow 4G link (simulated), the budget's "mobile emulation". */
async function audit(page: Page, url: string, name: string): Promise<{ performance: number; accessibility: number }> {
  // Imported as ESM, not through tsx's transform, which would add helpers to the code Lighthouse runs in the page.
  const { startFlow } = await import('lighthouse');
  // Storage kept: the console's session lives in this tab's sessionStorage.
  const flow = await startFlow(page, {
    name,
    flags: { disableStorageReset: true, onlyCategories: ['performance', 'accessibility'] },
  });
  await flow.navigate(url);
  const { lhr } = (await flow.createFlowResult()).steps[0] as {
    lhr: { categories: Record<string, { score: number | null }> };
  };
  const score = (category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
  return { performance: score('performance'), accessibility: score('accessibility') };
}

/** A page as small as a page gets, with a table: what Lighthouse scores for nothing to load, on this machine now. */
const BASELINE = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Baslinje</title></head><body><main><h1>Mina dialoger</h1><table><caption>1 dialog</caption><tr><th scope="col">Dialog</th></tr><tr><td>Lekplatsen</td></tr></table></main></body></html>`;

/** The budget: Lighthouse on the console's dialogue list, signed in, in mobile emulation (≥ 95 performance, 100 accessibility). */
export async function benchLighthouse(): Promise<void> {
  const ports = {
    api: await freePort(),
    dynamodb: await freePort(),
    ses: await freePort(),
    scheduleIntervalSeconds: 3600,
  };
  const stack = await startLocalStack({ ports, inMemory: true });
  const baselineServer = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(BASELINE);
  }).listen(0, '127.0.0.1');
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), args: chromiumFlags, headless: true });
  try {
    const page = await browser.newPage();
    const address = baselineServer.address();
    const baseline = await audit(
      page,
      `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
      'baseline',
    );

    // Signed in through the local identity provider's page, as an official does.
    await page.goto(`${stack.urls.api}/console/`);
    await page.waitForSelector('button.md-submit');
    await Promise.all([page.waitForNavigation(), page.click('button.md-submit')]);
    await page.click('#md-committee-tekniska-namnden');
    await Promise.all([page.waitForNavigation(), page.click('form button.md-submit')]);
    await page.waitForSelector('tbody tr');
    const list = await audit(page, `${stack.urls.api}/console/`, 'dialogue list');
    if (!(await page.$('tbody tr'))) throw new Error('Lighthouse did not see the dialogue list: the session was lost');

    report('console_list_lighthouse_performance', list.performance);
    report('console_list_lighthouse_accessibility', list.accessibility);
    report('console_list_lighthouse_performance_vs_baseline', list.performance / baseline.performance, 'x');
  } finally {
    await browser.close();
    baselineServer.close();
    await stack.stop();
  }
}

if (require.main === module)
  benchLighthouse().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
