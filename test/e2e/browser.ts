/**
 * The real server (in memory store, corpus + hostile xss.html ingested, built web app) on a free
 * port, and a headless Debian Chromium driven by playwright-core.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { builtInCaseDir } from '../../src/case/case-dir.js';
import { defaultStaticDir, startServer, type RunningServer } from '../../src/cli/commands/serve.js';
import { ingestPaths } from '../../src/corpus/ingest.js';
import { corpusDir, hostileDir, repoRoot } from '../support/paths.js';

export const screenshotDir = join(repoRoot, 'artifacts', 'screenshots');

export async function startE2eServer(): Promise<RunningServer> {
  const staticDir = defaultStaticDir();
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`no web build in ${staticDir}: run "npm run build" first (npm test does)`);
  }
  const server = await startServer(
    // A fixed "today" (after the later news the desk tests paste, before the case's last deadlines),
    // so the pages show the same deadlines and events whenever the tests run.
    { port: 0, host: '127.0.0.1', ingest: true, corpus: corpusDir(), caseDir: builtInCaseDir(), staticDir, clock: () => new Date('2026-03-01T12:00:00Z') },
    { err: () => undefined },
  );
  await ingestPaths(await server.store(), [join(hostileDir(), 'xss.html')]);
  return server;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.MARSAD_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (apt-get install -y chromium, or set MARSAD_CHROMIUM)`);
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface WatchedPage {
  page: Page;
  problems: string[];
  dialogs: string[];
  offOrigin: string[];
}

/** A page that records console errors, page errors, dialogs and any request leaving the origin. */
export async function watchedPage(browser: Browser, origin: string): Promise<WatchedPage> {
  return watch(await browser.newPage({ viewport: { width: 1280, height: 900 } }), origin);
}

function watch(page: Page, origin: string): WatchedPage {
  const w: WatchedPage = { page, problems: [], dialogs: [], offOrigin: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) w.offOrigin.push(r.url());
  });
  return w;
}

/** Navigates to a hash route and waits until the page reports it rendered. */
export async function openRoute(page: Page, origin: string, hash: string): Promise<void> {
  const before = await page.evaluate(() => document.body?.dataset.ready ?? '').catch(() => '');
  if (page.url().startsWith(origin)) {
    await page.evaluate((h) => (location.hash = h), hash);
  } else {
    await page.goto(`${origin}${hash}`);
  }
  // Settled: the page is ready and the work it finishes afterwards (the overview's map) is done.
  await page.waitForFunction((prev) => {
    const ready = document.body.dataset.ready;
    return ready !== undefined && ready !== prev && document.body.dataset.settled === ready && !document.querySelector('#page > .loading');
  }, before, { timeout: 30_000 });
}

/** A watched page of its own context at a viewport size (phone or desktop). */
export async function watchedPageAt(browser: Browser, origin: string, width: number, height: number): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, hasTouch: width < 600, isMobile: false });
  return watch(await context.newPage(), origin);
}

export interface AxeProblem { id: string; impact: string; help: string; nodes: string[] }

/** axe-core on the page as it is; the serious and critical violations, each with a few targets. */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page: page as never }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) }));
}

export interface SequenceOrder { text: string; arrow: string; inOrder: boolean; checked: boolean }

/**
 * Every rendered sequence ("A → B") on the page, read back from the layout: its items' boxes
 * must advance in the reading direction (leftwards in RTL, rightwards in LTR) and its arrows
 * must point that way. Items that wrapped onto another line are not compared.
 */
export async function sequenceOrders(page: Page): Promise<SequenceOrder[]> {
  return page.evaluate(() => {
    const rtl = document.documentElement.dir === 'rtl';
    return [...document.querySelectorAll<HTMLElement>('.seq')]
      .filter((s) => s.offsetParent !== null && s.getClientRects().length > 0)
      .map((s) => {
        // Each item's line boxes: the last box of one item is compared with the first of the
        // next. On one line they must advance in the reading direction; the next item may also
        // start on a later line (wrapping), but never on an earlier one.
        const items = [...s.querySelectorAll<HTMLElement>(':scope > .seq-item')].map((x) => [...x.getClientRects()].filter((r) => r.width > 0));
        let inOrder = true;
        let checked = false;
        for (let i = 0; i + 1 < items.length; i++) {
          const a = items[i][items[i].length - 1];
          const b = items[i + 1][0];
          if (!a || !b) continue;
          checked = true;
          if (b.top >= a.bottom - 2) continue;
          if (b.bottom <= a.top + 2) {
            inOrder = false;
            continue;
          }
          if (rtl ? !(a.left >= b.right - 1) : !(a.right <= b.left + 1)) inOrder = false;
        }
        const arrows = [...s.querySelectorAll(':scope > .arrow')].map((x) => x.textContent ?? '');
        return { text: (s.textContent ?? '').slice(0, 80), arrow: [...new Set(arrows)].join(''), inOrder, checked };
      });
  });
}
