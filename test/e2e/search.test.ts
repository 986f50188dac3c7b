/**
 * The search page's controls in headless Chromium, in Arabic and English, at 1440×900 and
 * 390×844, on a server of its own: a misspelled name offers "did you mean" and the suggestion,
 * clicked, is searched; sorting by date orders the hits newest first (as the API does); an outlet
 * filter, a date range and a language keep only the hits that answer them; an English name
 * reaches Arabic passages and says why each hit matched; the same passage in two documents is
 * one result, "also in" the other. Each control is driven through the form as an analyst would,
 * and what the page shows is checked against the documents' own metadata.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/cli/commands/serve.js';
import { launchBrowser, openRoute, screenshotDir, startE2eServer, watchedPageAt, type WatchedPage } from './browser.js';

let server: RunningServer;
let browser: Browser;
let origin: string;

interface Doc { id: string; file: string; outlet: string | null; published: string | null; language: string }
interface ApiHit { documentId: string; passage: string; published: string | null; language: string; text: string; file: string; alsoIn: Array<{ file: string; passage: string }> }
let docs: Map<string, Doc>;
/** The document added with a copy of one passage of the corpus, for "also in". */
let copy: { id: string; file: string; original: string; originalPassage: string };

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(
    `${origin}api/${path}`,
    body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', Origin: origin.replace(/\/$/, '') } },
  );
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as T;
}

const search = async (params: Record<string, string>) => (await api<{ hits: ApiHit[] }>(`search?${new URLSearchParams(params)}`)).hits;

beforeAll(async () => {
  server = await startE2eServer();
  origin = server.url.replace(/\/$/, '/');
  browser = await launchBrowser();
  // One passage of a report, stored again as a paragraph of a second page: the same text twice.
  const [hit] = await search({ q: 'المناقشات شملت التحالف الدولي ككل', limit: '1' });
  expect(hit).toBeDefined();
  const added = await api<{ document: { id: string; file: string } }>('documents/add', {
    text: `${hit!.text}\n\nA paragraph of this page alone, so that it is a page of its own.\n`,
    meta: { title: 'Search e2e copy', outlet: 'E2E copy desk', published: '2024-11-02', language: 'ar' },
  });
  copy = { id: added.document.id, file: added.document.file, original: hit!.file, originalPassage: hit!.passage };
  docs = new Map((await api<{ items: Doc[] }>('documents')).items.map((d) => [d.id, d]));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Submits the search form and waits until the page has rendered the new route. */
async function submit(page: Page): Promise<void> {
  const before = await page.evaluate(() => document.body.dataset.ready ?? '');
  await page.click('#search-form button[type=submit]');
  await settled(page, before);
}

async function settled(page: Page, before: string): Promise<void> {
  await page.waitForFunction(
    (prev) => {
      const ready = document.body.dataset.ready;
      return ready !== undefined && ready !== prev && document.body.dataset.settled === ready && !document.querySelector('#page > .loading');
    },
    before,
    { timeout: 30_000 },
  );
}

/** Clears the form's filters and types a query. */
async function query(page: Page, q: string): Promise<void> {
  await page.fill('#search-form input[name=q]', q);
  await page.fill('#search-form input[name=outlet]', '');
  await page.fill('#search-form input[name=from]', '');
  await page.fill('#search-form input[name=to]', '');
  await page.selectOption('#search-form select[name=lang]', '');
  await page.selectOption('#search-form select[name=sort]', '');
  await page.selectOption('#search-form select[name=doc]', '');
}

/** The results the page shows, in order: each hit's document and passage, from its link to the reader. */
async function shown(page: Page): Promise<Array<{ doc: string; passage: string }>> {
  const links = await page.$$eval('#results > li > a:first-child', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  return links.map((link) => {
    const [, , , doc, passage] = link.split('?')[0]!.split('/');
    return { doc: decodeURIComponent(doc!), passage: decodeURIComponent(passage!) };
  });
}

const SIZES = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

for (const size of SIZES) {
  for (const lang of ['ar', 'en'] as const) {
    describe(`the search page's controls, ${lang}, ${size.width}×${size.height}`, () => {
      let w: WatchedPage;
      const shot = (name: string) => w.page.screenshot({ path: join(screenshotDir, `${lang}-${size.width}x${size.height}-search-${name}.png`), fullPage: false });

      beforeAll(async () => {
        w = await watchedPageAt(browser, origin, size.width, size.height);
        await openRoute(w.page, origin, `#/${lang}/search`);
      });

      afterAll(async () => {
        expect(w.problems).toEqual([]);
        expect(w.offOrigin).toEqual([]);
        await w.page.context().close();
      });

      it('a misspelled name offers "did you mean"; the suggestion, clicked, is searched', async () => {
        const [typo, meant] = lang === 'ar' ? ['بايدين', 'بايدن'] : ['Sudany', 'Sudani'];
        await query(w.page, typo);
        await submit(w.page);
        expect(await shown(w.page)).toEqual([]);
        const suggestions = await w.page.$$eval('#did-you-mean a', (as) => as.map((a) => a.textContent?.trim() ?? ''));
        expect(suggestions).toContain(meant);
        await w.page.locator('#did-you-mean').scrollIntoViewIfNeeded();
        await shot('did-you-mean');
        const before = await w.page.evaluate(() => document.body.dataset.ready ?? '');
        await w.page.locator('#did-you-mean a').filter({ hasText: new RegExp(`^${meant}$`) }).first().click();
        await settled(w.page, before);
        expect(await w.page.inputValue('#search-form input[name=q]')).toBe(meant);
        expect(await w.page.locator('#did-you-mean').count()).toBe(0);
        const hits = await shown(w.page);
        expect(hits.length).toBeGreaterThan(0);
        expect(hits.map((x) => x.passage)).toEqual((await search({ q: meant })).map((x) => x.passage));
      });

      it('sort by date orders the hits newest first, where relevance did not', async () => {
        const q = lang === 'ar' ? 'التحالف الدولي' : 'coalition withdrawal';
        await query(w.page, q);
        await submit(w.page);
        const byRelevance = await shown(w.page);
        await w.page.selectOption('#search-form select[name=sort]', 'date');
        await submit(w.page);
        expect(decodeURIComponent(new URL(w.page.url()).hash)).toContain('sort=date');
        const byDate = await shown(w.page);
        expect(byDate.length).toBeGreaterThan(2);
        const dates = byDate.map((x) => docs.get(x.doc)!.published ?? '');
        expect([...dates].sort((a, b) => b.localeCompare(a))).toEqual(dates);
        expect(new Set(dates).size).toBeGreaterThan(1);
        const relevanceDates = byRelevance.map((x) => docs.get(x.doc)!.published ?? '');
        expect([...relevanceDates].sort((a, b) => b.localeCompare(a))).not.toEqual(relevanceDates);
        expect(byDate.map((x) => x.passage)).toEqual((await search({ q, sort: 'date' })).map((x) => x.passage));
        await w.page.locator('#results').scrollIntoViewIfNeeded();
        await shot('by-date');
      });

      it("an outlet filter leaves only that outlet's hits", async () => {
        const [q, outlet] = lang === 'ar' ? ['الانسحاب', 'araby'] : ['withdrawal', 'Shubbak'];
        await query(w.page, q);
        await submit(w.page);
        const all = await shown(w.page);
        expect(all.some((x) => !(docs.get(x.doc)!.outlet ?? '').toLowerCase().includes(outlet.toLowerCase()))).toBe(true);
        await w.page.fill('#search-form input[name=outlet]', outlet);
        await submit(w.page);
        const filtered = await shown(w.page);
        expect(filtered.length).toBeGreaterThan(0);
        for (const x of filtered) expect(docs.get(x.doc)!.outlet?.toLowerCase()).toContain(outlet.toLowerCase());
      });

      it('a date range leaves only the documents published in it', async () => {
        await query(w.page, lang === 'ar' ? 'الانسحاب' : 'withdrawal');
        await submit(w.page);
        const all = await shown(w.page);
        expect(all.some((x) => !(docs.get(x.doc)!.published ?? '').startsWith('2024-10'))).toBe(true);
        await w.page.fill('#search-form input[name=from]', '2024-10-01');
        await w.page.fill('#search-form input[name=to]', '2024-10-31');
        await submit(w.page);
        const inRange = await shown(w.page);
        expect(inRange.length).toBeGreaterThan(0);
        for (const x of inRange) expect(docs.get(x.doc)!.published).toMatch(/^2024-10/);
      });

      it('an English name reaches Arabic passages and says why each matched; the language filter follows', async () => {
        await query(w.page, 'Ain al-Asad');
        await submit(w.page);
        const hits = await shown(w.page);
        expect(hits.length).toBeGreaterThan(0);
        for (const x of hits) expect(docs.get(x.doc)!.language).toBe('ar');
        // Why: the words marked in each snippet are Arabic forms of the name, and the unit is named.
        const marks = await w.page.$$eval('#results > li', (lis) => lis.map((li) => [...li.querySelectorAll('.snippet mark')].map((m) => m.textContent ?? '')));
        for (const m of marks) expect(m.some((x) => /الأسد|عين/.test(x))).toBe(true);
        const matched = await w.page.$$eval('#results > li .matched', (els) => els.map((e) => e.textContent ?? ''));
        expect(matched).toHaveLength(hits.length);
        for (const m of matched) expect(m).toContain('Ain al-Asad');
        expect(await w.page.textContent('#expansion')).toMatch(/عين الأسد/);
        await w.page.selectOption('#search-form select[name=lang]', 'ar');
        await submit(w.page);
        expect((await shown(w.page)).map((x) => x.passage)).toEqual(hits.map((x) => x.passage));
        await w.page.selectOption('#search-form select[name=lang]', 'en');
        await submit(w.page);
        expect(await shown(w.page)).toEqual([]);
        expect(await w.page.locator('#search-results p.muted').last().textContent()).toBeTruthy();
      });

      it('the same passage in two documents is one result, "also in" the other', async () => {
        await query(w.page, 'المناقشات شملت التحالف الدولي ككل');
        await submit(w.page);
        const hits = await shown(w.page);
        const folded = w.page.locator('#results > li', { has: w.page.locator('.also-in') }).first();
        await folded.waitFor();
        const own = (await folded.locator('a').first().getAttribute('href'))!.split('?')[0]!.split('/')[3]!;
        const also = await folded.locator('.also-in a').allTextContents();
        const pair = new Set([docs.get(decodeURIComponent(own))!.file, ...also.map((x) => x.trim())]);
        expect(pair).toEqual(new Set([copy.file, copy.original]));
        // The passage is listed once: either the original or its copy, not both.
        expect(hits.filter((x) => x.passage === copy.originalPassage || x.doc === copy.id)).toHaveLength(1);
        await folded.scrollIntoViewIfNeeded();
        await shot('also-in');
      });
    });
  }
}
