/** The web app end to end in headless Chromium, both languages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/cli/commands/serve.js';
import { axeProblems, launchBrowser, openRoute, screenshotDir, sequenceOrders, startE2eServer, watchedPage, watchedPageAt, type WatchedPage } from './browser.js';

let server: RunningServer;
let browser: Browser;
let origin: string;
let w: WatchedPage;
let firstDoc: string;
let xssDoc: string;
let someActor: string;

beforeAll(async () => {
  server = await startE2eServer();
  origin = server.url.replace(/\/$/, '/');
  browser = await launchBrowser();
  w = await watchedPage(browser, origin);
  const docs = await (await server.store()).listDocuments();
  firstDoc = docs.find((d) => d.file.startsWith('000_'))!.id;
  xssDoc = docs.find((d) => d.file === 'xss.html')!.id;
  someActor = server.caseData.stances[0].actor;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function routes(): Array<[string, string]> {
  const edge = server.caseData.edges[0];
  return [
    ['overview', 'overview'],
    ['sources', `sources/${firstDoc}`],
    ['search', `search?q=${encodeURIComponent('عين الأسد')}`],
    ['actors', `actors/${someActor}`],
    ['timeline', 'timeline'],
    ['commitments', 'commitments'],
    ['figures', 'figures'],
    ['causal', `causal?edge=${encodeURIComponent(`${edge.from}>${edge.to}`)}`],
    ['scenarios', `scenarios/${server.caseData.scenarios[1]?.id ?? server.caseData.scenarios[0].id}`],
    ['hypotheses', 'hypotheses'],
    ['briefing', `briefing/${server.caseData.scenarios[0].id}`],
    ['desk', `desk/${firstDoc}`],
    ['desk-add', 'desk'],
    ['history', 'history'],
    ['jobs', 'jobs'],
    ['backtest', 'backtest'],
  ];
}

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe('every page, at 1440×900 and 390×844, in both languages', () => {
  for (const size of SIZES) {
    for (const lang of ['ar', 'en'] as const) {
      it(`loads in ${lang} on a ${size.name} without console errors or sideways scrolling, axe-clean, sequences in reading order, screenshotted`, async () => {
        const v = await watchedPageAt(browser, origin, size.width, size.height);
        try {
          for (const [name, route] of routes()) {
            v.problems.length = 0;
            await openRoute(v.page, origin, `#/${lang}/${route}`);
            // Charts draw after their data arrives; the scenario page runs the engine.
            await v.page.waitForTimeout(name === 'scenarios' ? 1200 : 300);
            const state = await v.page.evaluate(() => ({
              lang: document.documentElement.lang,
              dir: document.documentElement.dir,
              error: document.querySelector('#page .error')?.textContent ?? null,
              overflow: document.documentElement.scrollWidth - window.innerWidth,
              h1: document.querySelector('#page h1')?.textContent ?? '',
              header: document.querySelector('header.top')!.getBoundingClientRect().height,
            }));
            await v.page.screenshot({ path: join(screenshotDir, `${lang}-${size.width}x${size.height}-${name}.png`) });
            const where = `${lang} ${size.name} ${name}`;
            expect(state.error, where).toBeNull();
            expect(v.problems, where).toEqual([]);
            expect(state.lang).toBe(lang);
            expect(state.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
            expect(state.overflow, `${where}: horizontal overflow`).toBeLessThanOrEqual(1);
            expect(state.h1.length, `${where}: heading`).toBeGreaterThan(0);
            // A compact header: one line on a desktop, brand + menu + switches on a phone.
            expect(state.header, `${where}: header height`).toBeLessThan(size.name === 'phone' ? 110 : 80);
            const orders = await sequenceOrders(v.page);
            for (const o of orders) {
              expect(o.inOrder, `${where}: "${o.text}" reads against the ${lang === 'ar' ? 'RTL' : 'LTR'} direction`).toBe(true);
              if (o.arrow) expect(o.arrow, `${where}: "${o.text}"`).toBe(lang === 'ar' ? '←' : '→');
            }
            expect(await axeProblems(v.page), `${where}: axe serious/critical`).toEqual([]);
          }
          expect(v.offOrigin).toEqual([]);
        } finally {
          await v.page.context().close();
        }
      });
    }
  }
});

describe('probabilities over time on the back-test page', () => {
  for (const lang of ['ar', 'en'] as const) {
    it(`draws a line per hypothesis, named in the legend, time running in the reading direction (${lang})`, async () => {
      const track = (await (await fetch(`${origin}api/probabilities`)).json()) as { series: Array<{ kind: string; points: unknown[] }> };
      const hypotheses = track.series.filter((x) => x.kind === 'hypothesis' && x.points.length > 0).length;
      expect(hypotheses).toBeGreaterThan(1);
      await openRoute(w.page, origin, `#/${lang}/backtest`);
      const read = await w.page.evaluate(() => {
        const lines = [...document.querySelectorAll('#probabilities svg .probability-series')];
        const xs = lines.map((g) => [...(g.querySelector('path')!.getAttribute('d') ?? '').matchAll(/[ML] (-?[\d.]+) /g)].map((m) => Number(m[1])));
        return { lines: lines.length, legend: document.querySelectorAll('#probabilities .chart-legend li').length, xs, title: lines[0]?.querySelector('title')?.textContent ?? '' };
      });
      expect(read.lines).toBeGreaterThanOrEqual(hypotheses);
      expect(read.legend).toBe(read.lines);
      expect(read.title.length).toBeGreaterThan(0);
      // The first point is the earliest: left of the last in English, right of it in Arabic.
      for (const xs of read.xs) {
        const [first, last] = [xs[0]!, xs[xs.length - 1]!];
        if (lang === 'ar') expect(first).toBeGreaterThan(last);
        else expect(first).toBeLessThan(last);
      }
    });
  }
});

describe('the ACH matrix as of a date', () => {
  it('shows the evidence known then, and keeps the date while sorting', async () => {
    const then = (await (await fetch(`${origin}api/hypotheses?asOf=2024-03-01`)).json()) as { evidence: unknown[]; asOf: string };
    expect(then.evidence.length).toBeGreaterThan(0);
    expect(then.evidence.length).toBeLessThan(server.caseData.evidence.length);
    await openRoute(w.page, origin, '#/en/hypotheses?asOf=2024-03-01');
    expect(await w.page.locator('#ach-matrix tbody tr').count()).toBe(then.evidence.length);
    expect(await w.page.inputValue('#as-of-hypotheses')).toBe('2024-03-01');
    await clickAndWaitRender(w.page, '#sort-diagnosticity');
    expect(decodeURIComponent(new URL(w.page.url()).hash)).toBe('#/en/hypotheses?sort=diagnosticity&dir=desc&asOf=2024-03-01');
    expect(await w.page.locator('#ach-matrix tbody tr').count()).toBe(then.evidence.length);
  });
});

describe('reading direction', () => {
  for (const lang of ['ar', 'en'] as const) {
    it(`an edge "A → B" reads A first in ${lang}: A's box is ${lang === 'ar' ? 'right' : 'left'} of B's and the arrow points along`, async () => {
      // The edge with the shortest names, so both fit on one line of the detail panel.
      const len = (id: string) => server.caseData.concepts.find((c) => c.id === id)!.label[lang].length;
      const edge = [...server.caseData.edges].filter((e) => e.from !== e.to).sort((a, b) => len(a.from) + len(a.to) - len(b.from) - len(b.to))[0];
      await openRoute(w.page, origin, `#/${lang}/causal?edge=${encodeURIComponent(`${edge.from}>${edge.to}`)}`);
      const read = await w.page.evaluate(() => {
        const items = [...document.querySelectorAll<HTMLElement>('#causal-detail h2 .seq > .seq-item')];
        const a = [...items[0].getClientRects()].pop()!;
        const b = items[1].getClientRects()[0];
        return { texts: items.map((x) => x.textContent), a: { left: a.left, right: a.right, top: a.top }, b: { left: b.left, right: b.right, top: b.top }, arrow: document.querySelector('#causal-detail h2 .arrow')?.textContent };
      });
      const concept = (id: string) => server.caseData.concepts.find((c) => c.id === id)!.label[lang];
      expect(read.texts).toEqual([concept(edge.from), concept(edge.to)]);
      // Both names on one line, read back from their boxes.
      expect(Math.abs(read.a.top - read.b.top)).toBeLessThan(4);
      if (lang === 'ar') {
        expect(read.a.left).toBeGreaterThanOrEqual(read.b.right);
        expect(read.arrow).toBe('←');
      } else {
        expect(read.a.right).toBeLessThanOrEqual(read.b.left);
        expect(read.arrow).toBe('→');
      }
      // The feedback loops read the same way.
      const loops = (await sequenceOrders(w.page)).filter((o) => o.checked);
      expect(loops.length).toBeGreaterThan(1);
      expect(loops.every((o) => o.inOrder)).toBe(true);
    });
  }
});

describe('navigation', () => {
  it('the language switch keeps the page and the selection', async () => {
    await openRoute(w.page, origin, `#/ar/actors/${someActor}`);
    await w.page.click('#lang-switch');
    await w.page.waitForFunction(() => document.documentElement.lang === 'en' && document.body.dataset.page === 'actors');
    expect(decodeURIComponent(new URL(w.page.url()).hash)).toBe(`#/en/actors/${someActor}`);
    expect(await w.page.textContent('#actor-detail h2')).toContain(server.caseData.actors.find((a) => a.id === someActor)!.name.en);
  });

  it('clicking a figure’s citation opens its passage with the quote highlighted', async () => {
    await openRoute(w.page, origin, '#/ar/figures');
    const link = w.page.locator('#claims-table a.cite').first();
    const passage = await link.getAttribute('data-passage');
    expect(passage).toBeTruthy();
    await link.click();
    await w.page.waitForFunction(() => document.body.dataset.page === 'sources' && !!document.querySelector('.passage.active mark.cited'));
    const found = await w.page.evaluate(() => {
      const active = document.querySelector('.passage.active')!;
      const mark = active.querySelector('mark.cited')!;
      const box = mark.getBoundingClientRect();
      return { id: active.getAttribute('data-passage'), text: mark.textContent ?? '', visible: box.top >= 0 && box.bottom <= window.innerHeight };
    });
    expect(found.id).toBe(passage);
    expect(found.text.length).toBeGreaterThan(3);
    expect(found.visible).toBe(true);
    await w.page.screenshot({ path: join(screenshotDir, 'ar-figure-to-passage.png') });
  });

  it('clicking an actor highlighted in the reader opens the actor', async () => {
    await openRoute(w.page, origin, `#/en/sources/${firstDoc}`);
    const mention = w.page.locator('.passage mark.mention.actor a').first();
    const id = await w.page.locator('.passage mark.mention.actor').first().getAttribute('data-id');
    await mention.click();
    await w.page.waitForFunction(() => document.body.dataset.page === 'actors' && !!document.querySelector('#actor-detail h2'));
    expect(decodeURIComponent(new URL(w.page.url()).hash)).toBe(`#/en/actors/${id}`);
  });
});

describe('scenarios', () => {
  it('running a scenario shows outcome and payoff charts, Monte Carlo progress and probabilities', async () => {
    const scenario = server.caseData.scenarios[2]?.id ?? server.caseData.scenarios[0].id;
    w.problems.length = 0;
    await openRoute(w.page, origin, `#/en/scenarios/${scenario}`);
    await w.page.waitForSelector('#outcomes-chart canvas');
    await w.page.waitForSelector('#payoff-chart canvas');
    expect(await w.page.textContent('#convergence')).toMatch(/fixed point|limit cycle|none/);
    await w.page.fill('input[name=runs]', '3000');
    await w.page.click('#mc-start');
    await w.page.waitForFunction(() => {
      const p = document.querySelector<HTMLProgressElement>('#mc-progress');
      return !!p && p.max === 3000 && p.value === 3000 && !!document.querySelector('#mc-chart canvas');
    }, undefined, { timeout: 60_000 });
    expect(await w.page.textContent('#mc-status')).toMatch(/3,000/);
    await w.page.waitForSelector('#tornado-chart canvas');
    await w.page.screenshot({ path: join(screenshotDir, 'en-scenarios-montecarlo.png'), fullPage: true });
    // The run is a job: the jobs page lists it done, with its parts.
    await w.page.click('#mc-jobs');
    await w.page.waitForSelector('#jobs-list .job-done');
    const first = await w.page.textContent('#jobs-list .job');
    expect(first).toMatch(/Monte Carlo/);
    expect(first).toMatch(/3,000 \/ 3,000/);
    expect(first).toMatch(/parts 3 \/ 3/);
    await w.page.screenshot({ path: join(screenshotDir, 'en-jobs-after-montecarlo.png'), fullPage: true });
    expect(w.problems).toEqual([]);
  });
});

describe('hostile document', () => {
  it('xss.html displays as text: nothing executes and the layout holds', async () => {
    w.problems.length = 0;
    w.dialogs.length = 0;
    for (const lang of ['ar', 'en']) {
      await openRoute(w.page, origin, `#/${lang}/sources/${xssDoc}`);
      const state = await w.page.evaluate(() => {
        const reader = document.querySelector('#reader')!;
        return {
          flag: (window as unknown as { __xss?: unknown }).__xss,
          scripts: reader.querySelectorAll('script, iframe, img, svg, [onerror], [onload], [onclick], a[href^="javascript"]').length,
          text: reader.textContent ?? '',
          overflow: reader.scrollWidth - reader.clientWidth,
          pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      expect(state.flag).toBeUndefined();
      expect(state.scripts).toBe(0);
      expect(state.text).toContain('<script>alert("escaped text stays text")</script>');
      expect(state.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(state.overflow).toBeLessThanOrEqual(1);
      expect(state.pageOverflow).toBeLessThanOrEqual(1);
      await w.page.screenshot({ path: join(screenshotDir, `${lang}-xss.png`) });
    }
    await w.page.waitForTimeout(300);
    expect(w.dialogs).toEqual([]);
    expect(w.problems).toEqual([]);
  });
});

/** Waits for the page to re-render after a click that changes the hash. */
async function clickAndWaitRender(page: WatchedPage['page'], selector: string): Promise<void> {
  const before = await page.evaluate(() => document.body.dataset.ready ?? '');
  await page.click(selector);
  await page.waitForFunction((prev) => document.body.dataset.ready !== prev && !document.querySelector('#page > .loading'), before);
}

describe('hypotheses', () => {
  for (const lang of ['ar', 'en'] as const) {
    it(`the ACH matrix sorts by a clicked header in ${lang}, with scores, robustness and rationales`, async () => {
      w.problems.length = 0;
      await openRoute(w.page, origin, `#/${lang}/hypotheses`);
      const rows = () => w.page.$$eval('#ach-matrix tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-evidence')!));
      const diagnosticity = () =>
        w.page.$$eval('#ach-matrix tbody tr', (trs) => trs.map((tr) => tr.querySelectorAll('td')[1].textContent ?? ''));
      const caseOrder = await rows();
      expect(caseOrder.length).toBe(server.caseData.evidence.length);

      await clickAndWaitRender(w.page, '#sort-diagnosticity');
      const byDiagnosticity = await rows();
      expect(byDiagnosticity).not.toEqual(caseOrder);
      expect([...byDiagnosticity].sort()).toEqual([...caseOrder].sort());
      expect(await w.page.$eval('#sort-diagnosticity', (b) => b.parentElement!.getAttribute('aria-sort'))).toBe('descending');
      // Displayed values in the app's digits: compare through the API's numbers instead.
      const api = (await (await fetch(`${origin}api/hypotheses`)).json()) as {
        analysis: { diagnosticity: Array<{ evidence: string; diagnosticity: number }> };
      };
      const d = new Map(api.analysis.diagnosticity.map((x) => [x.evidence, x.diagnosticity]));
      const values = byDiagnosticity.map((id) => d.get(id)!);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      expect((await diagnosticity()).length).toBe(values.length);

      await clickAndWaitRender(w.page, '#sort-diagnosticity');
      expect(await rows()).not.toEqual(byDiagnosticity);
      expect(decodeURIComponent(new URL(w.page.url()).hash)).toBe(`#/${lang}/hypotheses?sort=diagnosticity&dir=asc`);

      await clickAndWaitRender(w.page, '#sort-title');
      const titles = await w.page.$$eval('#ach-matrix tbody th.ev', (ths) => ths.map((th) => th.textContent ?? ''));
      expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, lang)));

      // Scores per hypothesis (four numbers each), and the ranking without low-credibility items.
      expect(await w.page.locator('#ach-scores tbody tr').count()).toBe(server.caseData.hypotheses.length);
      expect(await w.page.locator('#ach-scores thead th').count()).toBe(5);
      expect(await w.page.locator('#ach-scores-reduced tbody tr').count()).toBe(server.caseData.hypotheses.length);

      // A rating opens its rationale with the quote, and the quote links to its passage.
      await w.page.click('#ach-matrix tbody tr:first-child td.rating .rating-button');
      const detail = await w.page.textContent('#rating-detail .rationale');
      expect(detail!.length).toBeGreaterThan(10);
      const quoteLink = w.page.locator('#rating-detail a.quote-link').first();
      expect(await quoteLink.getAttribute('href')).toMatch(new RegExp(`^#/${lang}/sources/`));

      const dirState = await w.page.evaluate(() => ({
        dir: getComputedStyle(document.querySelector('#ach-matrix')!).direction,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      }));
      expect(dirState.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(dirState.overflow).toBeLessThanOrEqual(1);
      await w.page.screenshot({ path: join(screenshotDir, `${lang}-hypotheses-sorted.png`), fullPage: true });
      await quoteLink.click();
      await w.page.waitForFunction(() => document.body.dataset.page === 'sources' && !!document.querySelector('.passage.active mark.cited'));
      expect(w.problems).toEqual([]);
    });
  }
});

describe('briefing', () => {
  const scenario = () => server.caseData.scenarios[0].id;

  it('downloads the English Markdown briefing with its bottom line up front', async () => {
    w.problems.length = 0;
    await openRoute(w.page, origin, `#/en/briefing/${scenario()}?report=en`);
    expect(await w.page.textContent('#briefing-scenario-summary h2')).toContain(server.caseData.scenarios[0].title.en);
    const [download] = await Promise.all([w.page.waitForEvent('download', { timeout: 60_000 }), w.page.click('#download-md')]);
    expect(download.suggestedFilename()).toBe(`marsad-${scenario()}-en.md`);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('Bottom line up front');
    await w.page.screenshot({ path: join(screenshotDir, 'en-briefing.png'), fullPage: true });
    expect(w.problems).toEqual([]);
  });

  it('downloads the Arabic HTML briefing, right to left, without leaving the app', async () => {
    w.problems.length = 0;
    await openRoute(w.page, origin, `#/ar/briefing/${scenario()}`);
    expect(await w.page.inputValue('#briefing-lang')).toBe('ar');
    const [download] = await Promise.all([w.page.waitForEvent('download', { timeout: 60_000 }), w.page.click('#download-html')]);
    expect(download.suggestedFilename()).toBe(`marsad-${scenario()}-ar.html`);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain('dir="rtl"');
    // Still the app: the HTML was saved, never opened in the app's origin.
    expect(await w.page.evaluate(() => document.body.dataset.page)).toBe('briefing');
    await w.page.screenshot({ path: join(screenshotDir, 'ar-briefing.png'), fullPage: true });
    expect(w.problems).toEqual([]);
  });

  it('choosing the briefing language changes the download links and keeps the scenario', async () => {
    const other = server.caseData.scenarios[1]?.id ?? scenario();
    await openRoute(w.page, origin, `#/ar/briefing/${other}`);
    const before = await w.page.evaluate(() => document.body.dataset.ready ?? '');
    await w.page.selectOption('#briefing-lang', 'en');
    await w.page.waitForFunction((prev) => document.body.dataset.ready !== prev, before);
    const fields = await w.page.$$eval('#download-pdf-form input', (inputs) => Object.fromEntries(inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])));
    expect(fields).toEqual({ scenario: other, lang: 'en', format: 'pdf' });
    expect(await w.page.getAttribute('#download-pdf-form', 'method')).toBe('post');
    expect(await w.page.inputValue('#briefing-scenario')).toBe(other);
  });
});

describe('phone layout', () => {
  it('the navigation folds behind a menu button that opens and closes it', async () => {
    const v = await watchedPageAt(browser, origin, 390, 844);
    try {
      await openRoute(v.page, origin, '#/ar/overview');
      expect(await v.page.isVisible('#site-nav')).toBe(false);
      await v.page.click('#menu-button');
      expect(await v.page.getAttribute('#menu-button', 'aria-expanded')).toBe('true');
      expect(await v.page.isVisible('#site-nav a[href="#/ar/causal"]')).toBe(true);
      await v.page.screenshot({ path: join(screenshotDir, 'ar-390x844-menu-open.png') });
      await v.page.click('#site-nav a[href="#/ar/causal"]');
      await v.page.waitForFunction(() => document.body.dataset.page === 'causal');
      expect(await v.page.isVisible('#site-nav')).toBe(false);
    } finally {
      await v.page.context().close();
    }
  });
});

describe('errors and unknown ids', () => {
  it('a refused search explains itself under the form, in Arabic, and the form stays usable', async () => {
    w.problems.length = 0;
    await openRoute(w.page, origin, `#/ar/search?q=${'ا'.repeat(600)}`);
    const state = await w.page.evaluate(() => ({
      form: !!document.querySelector('#search-form input[name=q]'),
      error: document.querySelector('#search-results .error')?.textContent ?? '',
      retry: !!document.querySelector('#search-results .error button'),
    }));
    expect(state.form).toBe(true);
    expect(state.error).toContain('تعذّر تنفيذ الطلب');
    expect(state.retry).toBe(true);
    // The server's English words are there, folded away as technical details.
    expect(await w.page.isVisible('#search-results .error details p')).toBe(false);
    // The browser logs the failed request itself; nothing else went wrong.
    expect(w.problems.filter((p) => !p.includes('400'))).toEqual([]);
  });

  it('an unknown scenario id says so and offers the real ones instead of showing another scenario', async () => {
    await openRoute(w.page, origin, '#/en/scenarios/no-such-scenario');
    const text = await w.page.textContent('#unknown-id');
    expect(text).toContain('no-such-scenario');
    expect(await w.page.locator('#unknown-id a').count()).toBe(server.caseData.scenarios.length);
    expect(await w.page.locator('#outcomes-chart').count()).toBe(0);
  });

  it('an unknown actor, document and commitment say so in the page', async () => {
    for (const [route, id] of [['actors/nobody', 'nobody'], ['sources/0000000000000000', '0000000000000000'], ['commitments/nothing', 'nothing']]) {
      await openRoute(w.page, origin, `#/ar/${route}`);
      expect(await w.page.textContent('#unknown-id'), route).toContain(id);
    }
  });
});

describe('settings', () => {
  it('Arabic-Indic digits and Levantine month names apply everywhere once chosen, and persist', async () => {
    const v = await watchedPageAt(browser, origin, 1440, 900);
    try {
      await openRoute(v.page, origin, '#/ar/overview');
      expect(await v.page.textContent('#key-figures')).toMatch(/[0-9]/);
      await v.page.click('#settings summary');
      let before = await v.page.evaluate(() => document.body.dataset.ready ?? '');
      await v.page.selectOption('#setting-numerals', 'arab');
      await v.page.waitForFunction((prev) => document.body.dataset.ready !== prev, before);
      const figures = await v.page.textContent('#key-figures');
      expect(figures).toMatch(/[٠-٩]/);
      expect(figures).not.toMatch(/[0-9]/);
      before = await v.page.evaluate(() => document.body.dataset.ready ?? '');
      await v.page.selectOption('#setting-months', 'levant');
      await v.page.waitForFunction((prev) => document.body.dataset.ready !== prev, before);
      // Dates the app formats (not the case's own text, which quotes the sources' words).
      const dates = (await v.page.$$eval('#page .date', (ds) => ds.map((d) => d.textContent ?? ''))).join(' ');
      expect(dates).toMatch(/أيلول|تشرين|كانون/);
      expect(dates).not.toMatch(/سبتمبر|أكتوبر|ديسمبر/);
      // Kept for the next visit; English keeps its own digits.
      await v.page.reload();
      await v.page.waitForFunction(() => !!document.body.dataset.ready);
      expect(await v.page.textContent('#key-figures')).toMatch(/[٠-٩]/);
      await openRoute(v.page, origin, '#/en/overview');
      expect(await v.page.textContent('#key-figures')).toMatch(/[0-9]/);
    } finally {
      await v.page.context().close();
    }
  });
});

describe('state in the URL, scroll and focus', () => {
  it('a timeline selection is kept in the URL and survives a reload', async () => {
    const event = server.caseData.events[server.caseData.events.length - 1];
    await openRoute(w.page, origin, '#/en/timeline');
    await w.page.click('#timeline-table summary');
    await w.page.click(`#timeline-table button:has-text(${JSON.stringify(event.title.en)})`);
    expect(decodeURIComponent(new URL(w.page.url()).hash)).toContain(`event=${event.id}`);
    expect(await w.page.textContent('#event-detail h2')).toContain(event.title.en);
    await w.page.reload();
    await w.page.waitForFunction(() => !!document.querySelector('#event-detail h2'));
    expect(await w.page.textContent('#event-detail h2')).toContain(event.title.en);
  });

  it('graph focus and filters are kept in the URL', async () => {
    const lever = server.caseData.concepts.find((c) => c.kind === 'lever')!;
    await openRoute(w.page, origin, '#/en/causal');
    await w.page.fill('.graph-tools input[type=search]', lever.label.en);
    await w.page.press('.graph-tools input[type=search]', 'Enter');
    await w.page.uncheck('.graph-tools input[type=checkbox][value=neg]');
    const hash = decodeURIComponent(new URL(w.page.url()).hash);
    expect(hash).toContain(`focus=${lever.id}`);
    expect(hash).toContain('hideEdges=neg');
    const rows = await w.page.$$eval('#graph-table tbody tr', (trs) => trs.length);
    const neighbours = server.caseData.edges.filter((e) => e.weight >= 0 && (e.from === lever.id || e.to === lever.id)).length;
    expect(rows).toBe(neighbours);
    await w.page.reload();
    await w.page.waitForFunction(() => !!document.body.dataset.ready);
    expect(await w.page.$$eval('#graph-table tbody tr', (trs) => trs.length)).toBe(neighbours);
    expect(await w.page.textContent('#causal-detail h2')).toContain(lever.label.en);
  });

  it('Back restores the scroll position, and focus moves to the new page’s heading', async () => {
    await openRoute(w.page, origin, '#/en/figures');
    await w.page.evaluate(() => window.scrollTo(0, 900));
    const y = await w.page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(500);
    const link = w.page.locator('#claims-table a.actor-link').last();
    await link.scrollIntoViewIfNeeded();
    const scrolled = await w.page.evaluate(() => window.scrollY);
    const before = await w.page.evaluate(() => document.body.dataset.ready ?? '');
    await link.click();
    await w.page.waitForFunction((prev) => document.body.dataset.ready !== prev && document.body.dataset.page === 'actors', before);
    expect(await w.page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const back = await w.page.evaluate(() => document.body.dataset.ready ?? '');
    await w.page.goBack();
    await w.page.waitForFunction((prev) => document.body.dataset.ready !== prev && document.body.dataset.page === 'figures', back);
    expect(Math.abs((await w.page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(5);
  });

  it('a skip link leads to the page content', async () => {
    await openRoute(w.page, origin, '#/en/commitments');
    // On a fresh load the first Tab reaches the skip link.
    await w.page.reload();
    await w.page.waitForFunction(() => !!document.body.dataset.ready);
    await w.page.keyboard.press('Tab');
    expect(await w.page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await w.page.keyboard.press('Enter');
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('page');
  });
});

describe('search to reader', () => {
  it('a search hit opens the reader with the matched words marked, each kind of mark switchable, and the count announced', async () => {
    await openRoute(w.page, origin, `#/ar/search?q=${encodeURIComponent('عين الأسد')}`);
    await w.page.waitForFunction(() => (document.getElementById('announcer')?.textContent ?? '').length > 0);
    expect(await w.page.textContent('#announcer')).toMatch(/نتائج البحث/);
    const before = await w.page.evaluate(() => document.body.dataset.ready ?? '');
    await w.page.click('#results li:first-child a');
    await w.page.waitForFunction((prev) => document.body.dataset.ready !== prev && document.body.dataset.page === 'sources', before);
    const marked = await w.page.$$eval('#reader mark.query', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.some((m) => m.includes('الأسد'))).toBe(true);
    await w.page.uncheck('#mark-toggles input[data-mark=query]');
    await w.page.uncheck('#mark-toggles input[data-mark=actor]');
    expect(await w.page.evaluate(() => getComputedStyle(document.querySelector('#reader mark.query')!).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    expect(decodeURIComponent(new URL(w.page.url()).hash)).toContain('hide=query,actor');
  });
});

describe('overview', () => {
  it('answers the question: the bottom line with its probability and evidence, deadlines, changes and the map', async () => {
    await openRoute(w.page, origin, '#/en/overview?since=2024-09-01');
    const leading = await w.page.textContent('#bottom-line-hypothesis');
    expect(server.caseData.hypotheses.map((x) => x.title.en)).toContain(leading);
    expect(await w.page.textContent('#bottom-line-probability')).toMatch(/\d+%.*2,000 runs/);
    expect(await w.page.locator('#bottom-line-support li a.cite').count()).toBeGreaterThan(0);
    expect(await w.page.locator('#due-next li').count()).toBeGreaterThan(0);
    expect(await w.page.inputValue('#since')).toBe('2024-09-01');
    expect(await w.page.locator('#changes-list li').count()).toBeGreaterThan(0);
    // The map: country outlines and a marker per place with coordinates, each a keyboard button.
    expect(await w.page.locator('#place-map path.land').count()).toBeGreaterThan(5);
    const marker = w.page.locator('#place-map g.place[data-place=ain-al-asad]');
    await marker.focus();
    await w.page.keyboard.press('Enter');
    expect(await w.page.textContent('#map-detail')).toContain('Ain al-Asad');
    expect(await w.page.locator('#map-detail a[href*="timeline"]').count()).toBeGreaterThan(0);
  });
});

describe('payload', () => {
  it('no page sends more than 400 kB of JavaScript, compressed, on a cold load', async () => {
    const sent: Record<string, number> = {};
    for (const [name, route] of routes()) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      let bytes = 0;
      const encodings = new Set<string>();
      page.on('response', (r) => {
        if (!r.url().endsWith('.js')) return;
        const h = r.headers();
        encodings.add(h['content-encoding'] ?? 'identity');
        bytes += Number(h['content-length'] ?? 0);
      });
      await openRoute(page, origin, `#/en/${route}`);
      await page.waitForTimeout(200);
      await context.close();
      sent[name] = bytes;
      expect([...encodings], name).toEqual(['br']);
    }
    for (const [name, bytes] of Object.entries(sent)) expect(bytes, `${name}: ${bytes} bytes of JavaScript`).toBeLessThanOrEqual(400_000);
  });
});
