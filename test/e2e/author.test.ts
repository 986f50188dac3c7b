/**
 * A scenario of the analyst's own in headless Chromium, on a server of its own (it changes the
 * case): move a lever, add a dated change, try a link at another weight, run and compare, keep
 * the link, save the scenario under a name; the saved scenario opens as the analyst's, and both
 * changes are in the history.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/cli/commands/serve.js';
import { launchBrowser, openRoute, screenshotDir, startE2eServer, watchedPageAt, type WatchedPage } from './browser.js';

let server: RunningServer;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  server = await startE2eServer();
  origin = server.url.replace(/\/$/, '/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${origin}api/${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

describe('a scenario of the analyst’s own, in the browser', () => {
  for (const [lang, width, height] of [['en', 1440, 900], ['ar', 390, 844]] as const) {
    it(`${lang} at ${width} px: levers, a dated change and a tried link run beside a saved scenario; the link kept and the scenario saved`, async () => {
      const w: WatchedPage = await watchedPageAt(browser, origin, width, height);
      const { page } = w;
      try {
        const scenario = server.caseData.scenarios[0]!;
        const lever = server.caseData.concepts.find((k) => k.kind === 'lever' && !(k.id in scenario.levers))!.id;
        await openRoute(page, origin, `#/${lang}/scenarios/${scenario.id}?author=1`);
        const slider = page.locator(`input[data-lever="${lever}"]`);
        await slider.evaluate((el: HTMLInputElement) => {
          el.value = '0.7';
          el.dispatchEvent(new Event('input', { bubbles: true }));
        });
        await page.fill('input[name="step-month"]', '2026-09');
        await page.selectOption('select[name="step-lever"]', lever);
        await page.fill('input[name="step-value"]', '0.9');
        await page.click('#author-add-step');
        expect(await page.locator('#author-steps li').count()).toBeGreaterThanOrEqual(1);
        const edge = server.caseData.edges.find((e) => e.from === lever) ?? server.caseData.edges[0]!;
        await page.selectOption('#author-edge', `${edge.from}>${edge.to}`);
        // Each run tries its own weight (the same server keeps the first run's).
        const step = lang === 'en' ? 0.2 : 0.3;
        const tried = Math.round((edge.weight > 0 ? edge.weight - step : edge.weight + step) * 100) / 100;
        await page.fill('input[name="edge-weight"]', String(tried));
        await page.click('#author-try-edge');
        await page.click('#author-run');
        await page.waitForSelector('#author-table', { timeout: 60_000 });
        const rows = await page.locator('#author-table tbody tr').count();
        expect(rows).toBeGreaterThan(3);
        expect(await page.locator('#author-trajectory').count()).toBe(1);
        await page.screenshot({ path: join(screenshotDir, `${lang}-${width}x${height}-scenario-author.png`), fullPage: false });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(1);

        // Keep the tried link: an edit of the edge, in the case at once.
        await page.locator(`#author-trials li[data-edge="${edge.from}>${edge.to}"] button.keep-edge`).click();
        await page.locator('#author-form .notice.ok').waitFor({ timeout: 30_000 });
        const model = await api<{ edges: Array<{ from: string; to: string; weight: number }> }>('model');
        expect(model.edges.find((e) => e.from === edge.from && e.to === edge.to)!.weight).toBe(tried);

        // Save the scenario under a name: it opens as the analyst's.
        const name = lang === 'en' ? 'Faster handover test' : 'تسليم أسرع';
        await page.fill('input[name="scenario-title"]', name);
        await page.fill('textarea[name="scenario-note"]', 'What if the handover comes sooner');
        await page.click('#author-save');
        await page.waitForFunction(() => /#\/\w+\/scenarios\/[a-z0-9-]+$/.test(location.hash) && !location.hash.includes('?'), undefined, { timeout: 30_000 });
        await page.waitForSelector('#page .badge');
        const saved = decodeURIComponent(page.url().split('/scenarios/')[1]!);
        const listed = await api<{ items: Array<{ id: string; basis?: string; levers: Record<string, number>; schedule: unknown[] }> }>('scenarios');
        const item = listed.items.find((s) => s.id === saved)!;
        expect(item).toMatchObject({ basis: 'analyst' });
        expect(item.levers[lever]).toBe(0.7);
        expect(item.schedule.length).toBeGreaterThanOrEqual(1);
        const history = await api<{ items: Array<{ kind: string | null; item: string | null; action: string }> }>('history');
        expect(history.items.some((c) => c.kind === 'scenarios' && c.item === saved && c.action === 'add')).toBe(true);
        expect(history.items.some((c) => c.kind === 'edges' && c.item === `${edge.from}>${edge.to}` && c.action === 'edit')).toBe(true);
        expect(w.problems).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }
});
