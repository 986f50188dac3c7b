/**
 * The evidence desk and the history in headless Chromium, on a server of their own (they change
 * the case): an analyst pastes a news report, accepts an event after correcting its title and a
 * commitment's new status, sees both on the timeline and the commitments page, finds both in the
 * history, reverts the event there, and the timeline no longer shows it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/cli/commands/serve.js';
import { repoRoot } from '../support/paths.js';
import { launchBrowser, openRoute, screenshotDir, startE2eServer, watchedPageAt, type WatchedPage } from './browser.js';

let server: RunningServer;
let browser: Browser;
let origin: string;
let w: WatchedPage;

beforeAll(async () => {
  server = await startE2eServer();
  origin = server.url.replace(/\/$/, '/');
  browser = await launchBrowser();
  w = await watchedPageAt(browser, origin, 1440, 900);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const report = readFileSync(join(repoRoot, 'test', 'fixtures', 'news', 'heldout-a.txt'), 'utf8');

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${origin}api/${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

describe('the evidence desk in the browser', () => {
  let eventId = '';
  let commitmentId = '';
  let docId = '';

  it('a pasted report becomes a document whose proposals the desk lists, each with its sentence', async () => {
    const { page } = w;
    await openRoute(page, origin, '#/en/desk');
    await page.fill('#desk-text', report);
    await page.fill('input[name="published"]', '2026-02-13');
    await page.fill('input[name="outlet"]', 'Desk test outlet');
    await page.selectOption('select[name="reliability"]', 'medium');
    await page.click('#desk-add');
    await page.waitForSelector('#desk-added', { timeout: 60_000 });
    expect(await page.textContent('#desk-added')).toMatch(/Added/);
    await page.click('#desk-review');
    await page.waitForSelector('article.candidate', { timeout: 60_000 });
    // The page's headline, under its menu and address, became the document's title.
    expect(await page.textContent('#desk-doc-title')).toBe('واشنطن تنهي نقل معتقلي «داعش» من سوريا إلى السجون العراقية');
    const kinds = await page.$$eval('article.candidate', (cards) => cards.map((c) => (c as HTMLElement).dataset.kind));
    expect(kinds).toEqual(expect.arrayContaining(['event', 'commitment-status']));
    // Every card shows the words it rests on.
    const quotes = await page.$$eval('article.candidate blockquote', (qs) => qs.map((q) => q.textContent?.trim().length ?? 0));
    expect(Math.min(...quotes)).toBeGreaterThan(10);
    docId = decodeURIComponent(new URL(page.url()).hash.split('?')[0]!.split('/')[3]!);
    expect(docId.length).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshotDir, 'en-1440x900-desk-candidates.png'), fullPage: false });
  });

  it('accepting an event after correcting its title puts it on the timeline', async () => {
    const { page } = w;
    const card = page.locator('article.candidate[data-kind="event"]').first();
    await card.locator('input[name="title"]').fill('Last detainee flight lands in Baghdad (desk test)');
    await card.locator('button.accept').click();
    await card.locator('.decision-accepted').waitFor({ timeout: 30_000 });
    eventId = (await card.locator('a.decision-item').textContent())!.trim();
    expect(eventId).toMatch(/^[a-z0-9-]+$/);
    await openRoute(page, origin, `#/en/timeline?event=${encodeURIComponent(eventId)}`);
    expect(await page.textContent('#event-detail')).toContain('Last detainee flight lands in Baghdad (desk test)');
  });

  it('accepting a commitment’s new status adds it to the commitment’s history', async () => {
    const { page } = w;
    await openRoute(page, origin, `#/en/desk/${encodeURIComponent(docId)}`);
    const card = page.locator('article.candidate[data-kind="commitment-status"]').first();
    await card.locator('select[name="score"]').selectOption('3');
    await card.locator('button.accept').click();
    await card.locator('.decision-accepted').waitFor({ timeout: 30_000 });
    commitmentId = (await card.locator('a.decision-item').textContent())!.trim();
    const listed = await api<{ items: Array<{ id: string; current: { score: number; cite?: Array<{ doc: string }> } }> }>('commitments');
    const m = listed.items.find((x) => x.id === commitmentId)!;
    expect(m.current.score).toBe(3);
    await openRoute(page, origin, `#/en/commitments/${encodeURIComponent(commitmentId)}`);
    // The new entry cites the pasted report.
    const docs = await api<{ items: Array<{ id: string; file: string }> }>('documents');
    const file = docs.items.find((d) => d.id === docId)!.file;
    expect(m.current.cite?.[0]?.doc).toBe(file);
    expect(await page.locator('#page').textContent()).toMatch(/Complete|complete/);
  });

  it('both changes are in the history; reverting the event there takes it off the timeline', async () => {
    const { page } = w;
    await openRoute(page, origin, '#/en/history');
    const text = await page.textContent('#history-list');
    expect(text).toContain(`events/${eventId}`);
    expect(text).toContain(`commitments/${commitmentId}`);
    await page.screenshot({ path: join(screenshotDir, 'en-1440x900-history-after-desk.png') });
    const entry = page.locator('li.change', { hasText: `events/${eventId}` }).first();
    await entry.locator('button.revert').click();
    await page.locator('li.change-revert', { hasText: `events/${eventId}` }).first().waitFor({ timeout: 30_000 });
    const events = await api<{ items: Array<{ id: string }> }>('events');
    expect(events.items.map((e) => e.id)).not.toContain(eventId);
    await openRoute(page, origin, `#/en/timeline?event=${encodeURIComponent(eventId)}`);
    expect(await page.locator('#page').textContent()).not.toContain('Last detainee flight lands in Baghdad (desk test)');
    // The commitment's new status stays.
    const listed = await api<{ items: Array<{ id: string; current: { score: number } }> }>('commitments');
    expect(listed.items.find((x) => x.id === commitmentId)!.current.score).toBe(3);
    expect(w.problems).toEqual([]);
  });

  it('a proposal that cannot be accepted as it is says why in its card, and the card stays usable', async () => {
    const { page } = w;
    await openRoute(page, origin, `#/ar/desk/${encodeURIComponent(docId)}`);
    const card = page.locator('article.candidate[data-kind="event"]').first();
    await card.locator('input[name="date"]').fill('not a date');
    await card.locator('button.accept').click();
    await card.locator('.error, .notice').first().waitFor({ timeout: 30_000 });
    expect(await card.locator('button.accept').isEnabled()).toBe(true);
    w.problems.length = 0;
  });

  it('any item can be edited from its history: a valid edit is saved, an invalid one names the field', async () => {
    const { page } = w;
    const events = await api<{ items: Array<{ id: string; title: { en: string } }> }>('events');
    const target = events.items[0]!;
    // Reached from where the item is shown: the timeline's event detail links to its editor.
    await openRoute(page, origin, `#/en/timeline?event=${encodeURIComponent(target.id)}`);
    await page.click('#event-detail a.item-history-link');
    await page.waitForSelector('textarea[name="item-json"]');
    expect(decodeURIComponent(page.url())).toContain(`history?kind=events&item=${target.id}`);
    const json = JSON.parse(await page.inputValue('textarea[name="item-json"]')) as { title: { ar: string; en: string }; date: unknown };
    json.title.en = 'Edited in the item editor';
    await page.fill('textarea[name="item-json"]', JSON.stringify(json, null, 2));
    await Promise.all([page.waitForEvent('load'), page.click('#item-save')]);
    await page.waitForSelector('li.change-edit');
    const after = await api<{ items: Array<{ id: string; title: { en: string } }> }>('events');
    expect(after.items.find((e) => e.id === target.id)!.title.en).toBe('Edited in the item editor');
    // A date that is not a date: refused, with the field named, and nothing saved.
    await page.waitForSelector('textarea[name="item-json"]');
    const again = JSON.parse(await page.inputValue('textarea[name="item-json"]')) as Record<string, unknown>;
    again.date = 'yesterday-ish';
    await page.fill('textarea[name="item-json"]', JSON.stringify(again));
    await page.click('#item-save');
    await page.locator('#item-editor .error, #item-editor .notice').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#item-editor').textContent()).toMatch(/date/);
    w.problems.length = 0;
  });

  it('a file sent as a job shows its progress, then opens its proposals; the Jobs page links it and runs an extraction', async () => {
    const { page } = w;
    w.problems.length = 0;
    await openRoute(page, origin, '#/ar/desk');
    const bytes = readFileSync(join(repoRoot, 'test', 'fixtures', 'news', 'heldout-b.txt'));
    await page.setInputFiles('#desk-file', { name: 'heldout-b.txt', mimeType: 'text/plain', buffer: bytes });
    await page.check('#desk-as-job');
    await page.fill('input[name="published"]', '2026-02-20');
    await page.click('#desk-add');
    // Stored by the app's worker, the document's page on the desk opens with its proposals.
    await page.waitForFunction(() => /^#\/ar\/desk\/[^/?]+/.test(location.hash), undefined, { timeout: 60_000 });
    await page.waitForSelector('article.candidate', { timeout: 60_000 });
    const uploaded = decodeURIComponent(new URL(page.url()).hash.split('?')[0]!.split('/')[3]!);
    type Job = { id: string; kind: string; total: number; status: string; result?: { added?: Array<{ documentId: string; file: string }> } };
    const listed = (await api<{ items: Job[] }>('jobs')).items.filter((j) => j.kind === 'ingest' && j.total === 1);
    const full = await Promise.all(listed.map((j) => api<Job>(`jobs/${j.id}`)));
    const job = full.find((j) => j.result?.added?.[0]?.documentId === uploaded);
    expect(job?.status).toBe('done');
    expect(job!.result!.added![0]!.file).toBe('heldout-b.txt');
    await page.screenshot({ path: join(screenshotDir, 'ar-1440x900-desk-upload-job.png'), fullPage: false });

    await openRoute(page, origin, '#/en/jobs');
    const entry = page.locator(`li.job[data-job="${job!.id}"]`);
    expect(await entry.locator('a.job-desk').getAttribute('href')).toBe(`#/en/desk/${encodeURIComponent(uploaded)}`);
    await page.click('#jobs-extract');
    const extraction = page.locator('li.job-done', { has: page.locator('strong', { hasText: 'Extraction' }) }).first();
    await extraction.waitFor({ timeout: 60_000 });
    expect(await extraction.locator('.job-result').textContent()).toMatch(/Documents extracted: \d+ · Candidates: \d+/);
    await page.screenshot({ path: join(screenshotDir, 'en-1440x900-jobs-extraction.png'), fullPage: false });
    // Everything is extracted now: a second click says so instead of queueing an empty job.
    await page.click('#jobs-extract');
    await page.waitForSelector('#jobs-extract-status .error', { timeout: 30_000 });
    expect(await page.textContent('#jobs-extract-status')).toMatch(/nothing to extract/);
    // The browser logs the refused request (400) itself; nothing else went wrong.
    expect(w.problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    w.problems.length = 0;
  });

  it('a file above 1 MB goes as a job without being asked, and its proposals open once stored', async () => {
    const { page } = w;
    w.problems.length = 0;
    await openRoute(page, origin, '#/en/desk');
    const head = readFileSync(join(repoRoot, 'test', 'fixtures', 'news', 'news-03.txt'), 'utf8');
    const body = Array.from({ length: 22_000 }, (_, i) => `Line ${i + 1} of the long appendix, kept for the record.`).join('\n');
    const bytes = Buffer.from(`${head}\n\n${body}\n`);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    await page.setInputFiles('#desk-file', { name: 'long-appendix.txt', mimeType: 'text/plain', buffer: bytes });
    expect(await page.isChecked('#desk-as-job')).toBe(false);
    await page.click('#desk-add');
    await page.waitForFunction(() => /^#\/en\/desk\/[^/?]+/.test(location.hash), undefined, { timeout: 120_000 });
    await page.waitForSelector('article.candidate', { timeout: 120_000 });
    const stored = decodeURIComponent(new URL(page.url()).hash.split('?')[0]!.split('/')[3]!);
    const doc = await api<{ document: { file: string } }>(`documents/${encodeURIComponent(stored)}`);
    expect(doc.document.file).toBe('long-appendix.txt');
    // It went through the queue: an ingest job of one file names it.
    type Job = { id: string; kind: string; total: number; result?: { added?: Array<{ documentId: string }> } };
    const listed = (await api<{ items: Job[] }>('jobs')).items.filter((j) => j.kind === 'ingest' && j.total === 1);
    const full = await Promise.all(listed.map((j) => api<Job>(`jobs/${j.id}`)));
    expect(full.some((j) => j.result?.added?.[0]?.documentId === stored)).toBe(true);
    expect(w.problems).toEqual([]);
  });

  it('a file the job cannot read says why where the form is, and the form keeps what was given', async () => {
    const { page } = w;
    w.problems.length = 0;
    await openRoute(page, origin, '#/ar/desk');
    await page.setInputFiles('#desk-file', { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a PDF at all') });
    await page.check('#desk-as-job');
    await page.fill('input[name="outlet"]', 'Broken outlet');
    await page.click('#desk-add');
    await page.waitForSelector('#desk-job-failed', { timeout: 60_000 });
    expect((await page.textContent('#desk-job-failed'))!.trim().length).toBeGreaterThan(5);
    expect(await page.isChecked('#desk-as-job')).toBe(true);
    expect(await page.inputValue('input[name="outlet"]')).toBe('Broken outlet');
    expect(new URL(page.url()).hash).toBe('#/ar/desk');
    expect(w.problems).toEqual([]);
  });
});
