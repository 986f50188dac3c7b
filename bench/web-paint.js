// Web app paint and graph layout, measured in headless Chromium against the real server on
// localhost (in-memory store with the case corpus ingested, built web app in dist/web):
// first contentful paint and the time until the overview is rendered (the app marks
// `marsad:ready:overview`), cold cache, median of 5 loads, Arabic and English. Payload per page
// and graph layouts are in web-pages.js. Prints figures; asserts nothing.
import { median, startWebBench } from './web-support/server.js';

const RUNS = 5;

async function timeLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('marsad:ready:overview').length > 0, undefined, { timeout: 30000 });
  const t = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    ready: performance.getEntriesByName('marsad:ready:overview')[0].startTime,
  }));
  await context.close();
  return t;
}

export async function run() {
  const { server, browser, close } = await startWebBench();
  const lines = [];
  try {
    for (const lang of ['ar', 'en']) {
      const loads = [];
      for (let i = 0; i < RUNS; i++) loads.push(await timeLoad(browser, `${server.url}#/${lang}/overview`));
      lines.push(
        `overview (${lang}), cold cache, median of ${RUNS}: first contentful paint ${median(loads.map((l) => l.fcp)).toFixed(0)} ms, ` +
          `overview ready ${median(loads.map((l) => l.ready)).toFixed(0)} ms`,
      );
    }
  } finally {
    await close();
  }
  return lines;
}
