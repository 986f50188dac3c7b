// Web app paint and graph layout, measured in headless Chromium against the real server on
// localhost (in-memory store with the case corpus ingested, built web app in dist/web):
// - first contentful paint and the time until the overview's key figures are rendered
//   (the app marks `marsad:ready:overview`), cold cache, median of 5 loads, Arabic and English;
// - fcose layout time of the case's causal map and of a generated 200-concept map
//   (`#/en/causal?synthetic=200`), median of 5. Prints figures; asserts nothing.
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

async function timeLayout(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('marsad:causal-layout').length > 0, undefined, { timeout: 60000 });
  const ms = await page.evaluate(() => performance.getEntriesByName('marsad:causal-layout')[0].duration);
  const nodes = await page.evaluate(() => document.querySelectorAll('#causal-graph canvas').length);
  await context.close();
  return { ms, canvases: nodes };
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
          `key figures rendered ${median(loads.map((l) => l.ready)).toFixed(0)} ms`,
      );
    }
    const caseMap = [];
    for (let i = 0; i < RUNS; i++) caseMap.push((await timeLayout(browser, `${server.url}#/en/causal`)).ms);
    lines.push(`causal map of the case (${server.caseData.concepts.length} concepts, ${server.caseData.edges.length} edges), fcose layout, median of ${RUNS}: ${median(caseMap).toFixed(0)} ms`);
    const synthetic = [];
    for (let i = 0; i < RUNS; i++) synthetic.push((await timeLayout(browser, `${server.url}#/en/causal?synthetic=200`)).ms);
    lines.push(`generated 200-concept map (~400 edges), fcose layout, median of ${RUNS}: ${median(synthetic).toFixed(0)} ms`);
  } finally {
    await browser.close();
    await server.close();
  }
  return lines;
}
