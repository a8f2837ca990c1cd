import { chromium } from 'playwright-core';
import { startLocalStack } from './local/stack';
import { freePort } from './local/ports';

async function main() {
  const ports = { api: await freePort(), dynamodb: await freePort(), ses: await freePort(), scheduleIntervalSeconds: 3600 };
  const stack = await startLocalStack({ ports, inMemory: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
  try {
    const context = await browser.newContext(); const page = await context.newPage();
    page.on('request', (r) => { if (r.method() === 'POST') console.log('POST', r.url(), r.postData()?.slice(0, 200)); });
    await page.goto(stack.urls.api + '/demo');
    await page.locator('#dialog-form form').waitFor();
    await page.locator('#md-contact-email').focus();
    await page.keyboard.type('a@b.se');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    console.log('summary hidden?', await page.locator('[data-summary]').isHidden(), await page.evaluate(() => document.querySelector('#dialog-form')!.shadowRoot!.activeElement?.outerHTML.slice(0, 120)));
    const ctx2 = await browser.newContext({ javaScriptEnabled: false }); const p2 = await ctx2.newPage();
    p2.on('request', (r) => { if (r.method() === 'POST') console.log('POST nojs', r.url(), r.postData()?.slice(0, 300)); });
    await p2.goto(stack.urls.api + '/form/demo');
    await p2.locator('#md-contact-email').focus();
    await p2.keyboard.type('a@b.se');
    await p2.keyboard.press('Enter');
    await p2.waitForLoadState();
    console.log(p2.url(), await p2.title());
  } finally {
    await browser.close();
    await stack.stop();
  }
}
main().catch((e) => { console.error(e); process.exitCode = 1; });
