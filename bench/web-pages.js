// Web app payload and readiness per page, and graph layout cost, in headless Chromium against
// the real server on localhost (in-memory store with the case corpus ingested, built web app):
// - for every page, on a cold cache: JavaScript bytes as sent (compressed, from Content-Length),
//   all bytes as sent, and the time until the page marks itself ready (`marsad:ready:<page>`),
//   median of 3 loads;
// - the layered (dagre) layout of the causal map: the case's map uncached and from the cache of
//   an earlier visit, and generated maps of 200 and 1,000 concepts (`#/en/causal?synthetic=N`);
// - the group-in-a-box layout of the relations graph, uncached and cached.
// Prints figures; asserts nothing.
import { median, startWebBench } from './web-support/server.js';

const RUNS = 3;

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
  // Some pages draw a part after they are ready (the overview's map, the actors' chart and graph).
  await tab.waitForFunction((p) => performance.getEntriesByName(`marsad:settled:${p}`).length > 0, page, { timeout: 60000 });
  const settled = await tab.evaluate((p) => performance.getEntriesByName(`marsad:settled:${p}`)[0].startTime, page);
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
  const { server, browser, close } = await startWebBench();
  const c = server.caseData;
  const edge = c.edges[0];
  const firstDocument = await server
    .store()
    .then((store) => store.listDocuments())
    .catch(async (error) => {
      // A bench that cannot start must not leave the server and the browser running.
      await close();
      throw error;
    });
  const pages = [
    ['overview', 'overview'],
    ['sources', `sources/${firstDocument[0]?.id ?? ''}`],
    ['search', `search?q=${encodeURIComponent('عين الأسد')}`],
    ['actors', `actors/${c.stances[0].actor}`],
    ['timeline', 'timeline'],
    ['commitments', 'commitments'],
    ['figures', 'figures'],
    ['causal', `causal?edge=${encodeURIComponent(`${edge.from}>${edge.to}`)}`],
    ['scenarios', `scenarios/${c.scenarios[1]?.id ?? c.scenarios[0].id}`],
    ['hypotheses', 'hypotheses'],
    ['briefing', `briefing/${c.scenarios[0].id}`],
    ['backtest', 'backtest'],
  ];
  const lines = [`page, cold cache, median of ${RUNS} loads: JavaScript as sent / everything as sent / ready (all drawn)`];
  try {
    for (const lang of ['en', 'ar']) {
      for (const [page, route] of pages) {
        const loads = [];
        for (let i = 0; i < RUNS; i++) loads.push(await loadOnce(browser, `${server.url}#/${lang}/${route}`, page));
        const ready = median(loads.map((l) => l.ready));
        const settled = median(loads.map((l) => l.settled));
        const extra = settled - ready > 5 ? ` (all drawn ${settled.toFixed(0)} ms)` : '';
        lines.push(`  ${lang} ${page.padEnd(12)} ${kb(median(loads.map((l) => l.js))).padStart(7)} / ${kb(median(loads.map((l) => l.all))).padStart(8)} / ${ready.toFixed(0).padStart(5)} ms${extra}`);
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
    await close();
  }
  return lines;
}
