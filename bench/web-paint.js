// Web app paint and graph layout, measured in headless Chromium against the real server on
// localhost (in-memory store with the case corpus ingested, built web app in dist/web):
// first contentful paint and the time until the overview is rendered (the app marks
// `marsad:ready:overview`), cold cache, median of 5 loads, Arabic and English. Payload per page
// and graph layouts are in web-pages.js. Prints figures; asserts nothing.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { builtInCaseDir } from '../dist/case/case-dir.js';
import { defaultStaticDir, startServer } from '../dist/cli/commands/serve.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, '..', '..', 'shared', 'corpus', 'iraq-withdrawal');
const RUNS = 5;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

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
  const staticDir = defaultStaticDir();
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('no dist/web: run npm run build first');
  const server = await startServer(
    { port: 0, host: '127.0.0.1', ingest: existsSync(corpus), corpus, caseDir: builtInCaseDir(), staticDir },
    { err: () => undefined },
  );
  const browser = await chromium.launch({
    executablePath: process.env.MARSAD_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
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
    await browser.close();
    await server.close();
  }
  return lines;
}
