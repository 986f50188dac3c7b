// Web app payload and readiness per page, and graph layout cost, in headless Chromium against
// the real server on localhost (in-memory store with the case corpus ingested, built web app):
// - for every page, on a cold cache: JavaScript bytes as sent (compressed, from Content-Length),
//   all bytes as sent, and the time until the page marks itself ready (`marsad:ready:<page>`),
//   median of 3 loads;
// - the layered (dagre) layout of the causal map: the case's map uncached and from the cache of
//   an earlier visit, and generated maps of 200 and 1,000 concepts (`#/en/causal?synthetic=N`);
// - the group-in-a-box layout of the relations graph, uncached and cached.
// Prints figures; asserts nothing.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { builtInCaseDir } from '../dist/case/case-dir.js';
import { defaultStaticDir, startServer } from '../dist/cli/commands/serve.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, '..', '..', 'shared', 'corpus', 'iraq-withdrawal');
const RUNS = 3;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const kb = (n) => `${(n / 1000).toFixed(0)} kB`;

async function loadOnce(browser, url, page) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const tab = await context.newPage();
  let js = 0;
  let all = 0;
  tab.on('response', (r) => {
    const n = Number(r.headers()['content-length'] ?? 0);
    all += n;
    if (r.url().endsWith('.js')) js += n;
  });
  await tab.goto(url);
  await tab.waitForFunction((p) => performance.getEntriesByName(`marsad:ready:${p}`).length > 0, page, { timeout: 60000 });
  const ready = await tab.evaluate((p) => performance.getEntriesByName(`marsad:ready:${p}`)[0].startTime, page);
  // The overview draws its map after it is ready.
  let settled = ready;
  if (page === 'overview') {
    await tab.waitForFunction(() => performance.getEntriesByName('marsad:map-drawn').length > 0, undefined, { timeout: 60000 });
    settled = await tab.evaluate(() => performance.getEntriesByName('marsad:map-drawn')[0].startTime);
  }
  await context.close();
  return { js, all, ready, settled };
}

async function layoutTime(context, url, mark) {
  const tab = await context.newPage();
  await tab.goto(url);
  await tab.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 180000 });
  const ms = await tab.evaluate((m) => performance.getEntriesByName(m)[0].duration, mark);
  await tab.close();
  return ms;
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
  const c = server.caseData;
  const edge = c.edges[0];
  const pages = [
    ['overview', 'overview'],
    ['sources', `sources/${(await server.store.listDocuments())[0]?.id ?? ''}`],
    ['search', `search?q=${encodeURIComponent('عين الأسد')}`],
    ['actors', `actors/${c.stances[0].actor}`],
    ['timeline', 'timeline'],
    ['commitments', 'commitments'],
    ['figures', 'figures'],
    ['causal', `causal?edge=${encodeURIComponent(`${edge.from}>${edge.to}`)}`],
    ['scenarios', `scenarios/${c.scenarios[1]?.id ?? c.scenarios[0].id}`],
    ['hypotheses', 'hypotheses'],
    ['briefing', `briefing/${c.scenarios[0].id}`],
  ];
  const lines = [`page, cold cache, median of ${RUNS} loads: JavaScript as sent / everything as sent / ready`];
  try {
    for (const lang of ['en', 'ar']) {
      for (const [page, route] of pages) {
        const loads = [];
        for (let i = 0; i < RUNS; i++) loads.push(await loadOnce(browser, `${server.url}#/${lang}/${route}`, page));
        const settled = median(loads.map((l) => l.settled));
        const extra = page === 'overview' ? ` (map drawn ${settled.toFixed(0)} ms)` : '';
        lines.push(`  ${lang} ${page.padEnd(12)} ${kb(median(loads.map((l) => l.js))).padStart(7)} / ${kb(median(loads.map((l) => l.all))).padStart(8)} / ${median(loads.map((l) => l.ready)).toFixed(0).padStart(5)} ms${extra}`);
      }
    }
    // Layouts. A context keeps localStorage between its tabs, so its second visit reads the cache.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const first = await layoutTime(context, `${server.url}#/en/causal`, 'marsad:causal-layout');
    const cached = await layoutTime(context, `${server.url}#/en/causal`, 'marsad:causal-layout');
    lines.push(`causal map of the case (${c.concepts.length} concepts, ${c.edges.length} edges), layered layout: ${first.toFixed(0)} ms; from the cache of an earlier visit: ${cached.toFixed(1)} ms`);
    const rel = await layoutTime(context, `${server.url}#/en/actors`, 'marsad:relations-layout');
    const relCached = await layoutTime(context, `${server.url}#/en/actors`, 'marsad:relations-layout');
    lines.push(`relations graph (group-in-a-box by type): ${rel.toFixed(1)} ms; cached: ${relCached.toFixed(1)} ms`);
    for (const n of [200, 1000]) {
      const times = [];
      for (let i = 0; i < (n > 500 ? 1 : RUNS); i++) times.push(await layoutTime(context, `${server.url}#/en/causal?synthetic=${n}`, 'marsad:causal-layout'));
      lines.push(`generated ${n}-concept map (~${2 * n} edges), layered layout${times.length > 1 ? `, median of ${times.length}` : ''}: ${median(times).toFixed(0)} ms`);
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return lines;
}
