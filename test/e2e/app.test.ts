/** The web app end to end in headless Chromium, both languages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/cli/commands/serve.js';
import { launchBrowser, openRoute, screenshotDir, startE2eServer, watchedPage, type WatchedPage } from './browser.js';

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
  const docs = await server.store.listDocuments();
  firstDoc = docs.find((d) => d.file.startsWith('000_'))!.id;
  xssDoc = docs.find((d) => d.file === 'xss.html')!.id;
  someActor = server.caseData.stances[0].actor;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function routes(): Array<[string, string]> {
  return [
    ['overview', 'overview'],
    ['sources', `sources/${firstDoc}`],
    ['search', `search?q=${encodeURIComponent('عين الأسد')}`],
    ['actors', `actors/${someActor}`],
    ['timeline', 'timeline'],
    ['commitments', 'commitments'],
    ['figures', 'figures'],
    ['causal', 'causal'],
    ['scenarios', `scenarios/${server.caseData.scenarios[1]?.id ?? server.caseData.scenarios[0].id}`],
    ['hypotheses', 'hypotheses'],
    ['briefing', `briefing/${server.caseData.scenarios[0].id}`],
  ];
}

describe('every page', () => {
  for (const lang of ['ar', 'en'] as const) {
    it(`loads in ${lang} without console errors, in the right direction, and is screenshotted`, async () => {
      for (const [name, route] of routes()) {
        w.problems.length = 0;
        await openRoute(w.page, origin, `#/${lang}/${route}`);
        await w.page.waitForTimeout(name === 'scenarios' ? 1500 : 400);
        const state = await w.page.evaluate(() => ({
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
          error: document.querySelector('#page .error')?.textContent ?? null,
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          h1: document.querySelector('#page h1')?.textContent ?? '',
        }));
        await w.page.screenshot({ path: join(screenshotDir, `${lang}-${name}.png`), fullPage: false });
        expect(state.error, `${lang} ${name}`).toBeNull();
        expect(w.problems, `${lang} ${name}`).toEqual([]);
        expect(state.lang).toBe(lang);
        expect(state.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        expect(state.overflow, `${lang} ${name} horizontal overflow`).toBeLessThanOrEqual(1);
        expect(state.h1.length, `${lang} ${name} heading`).toBeGreaterThan(0);
      }
      expect(w.offOrigin).toEqual([]);
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
    const mention = w.page.locator('mark.mention.actor a').first();
    const id = await w.page.locator('mark.mention.actor').first().getAttribute('data-id');
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
    expect(await w.page.getAttribute('#download-pdf', 'href')).toBe(`./api/report?scenario=${other}&lang=en&format=pdf`);
    expect(await w.page.inputValue('#briefing-scenario')).toBe(other);
  });
});
