/**
 * POST /api/report in process, as the briefing page's forms send it: the briefing as a download
 * in each format and language, its footnotes resolved to stored passages, bad parameters refused
 * as JSON errors, a GET answered 405, and another site's form refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';
import { openFixture, type Fixture } from './app-fixture.js';

let fx: Fixture;
let app: ReturnType<Fixture['app']>;
let scenario: string;

beforeAll(async () => {
  fx = await openFixture();
  app = fx.app();
  scenario = fx.caseData.scenarios[0].id;
});
afterAll(async () => fx?.close());

/** The request a briefing page's download form makes. */
const report = (params: Record<string, string>, headers: Record<string, string> = {}) =>
  app.request('/api/report', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  });

describe('POST /api/report', () => {
  it('POST /api/report format=md lang=en returns the Markdown briefing as an attachment', async () => {
    const res = await report({ scenario, lang: 'en', format: 'md', runs: '50' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="marsad-${scenario}-en.md"`);
    const text = await res.text();
    expect(text).toContain('Bottom line up front');
    // Footnotes name a stored passage: the corpus is ingested in the fixture.
    const passages = await fx.store.listPassages((await fx.store.listDocuments()).find((d) => d.file.startsWith('000_'))!.id);
    expect(passages.some((p) => text.includes(p.id))).toBe(true);
  });

  it('POST /api/report format=html lang=ar returns right-to-left HTML, sandboxed, never inline', async () => {
    const res = await report({ scenario, lang: 'ar', format: 'html', runs: '0' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="marsad-[a-z0-9-]+-ar\.html"$/);
    expect(res.headers.get('content-security-policy')).toMatch(/; sandbox$/);
    const html = await res.text();
    expect(html).toContain('dir="rtl"');
    expect(html).not.toMatch(/<script/i);
  });

  it('POST /api/report format=pdf prints a PDF in Chromium with Arabic text that reads back', async () => {
    const res = await report({ scenario, lang: 'ar', format: 'pdf', runs: '0' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    const dir = join(repoRoot, 'artifacts', 'server');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'report-ar.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/[\u0600-\u06FF]{3,}/);
  });

  it('POST /api/report answers the same bytes for the same scenario, language and seed', async () => {
    const a = await (await report({ scenario, lang: 'en', format: 'md', runs: '40', seed: '3' })).text();
    const b = await (await report({ scenario, lang: 'en', format: 'md', runs: '40', seed: '3' })).text();
    expect(a).toBe(b);
  });

  it('POST /api/report refuses bad parameters with 400 JSON naming the field', async () => {
    for (const [params, field] of [
      [{ scenario, format: 'docx' }, 'body.format'],
      [{ scenario, lang: 'fr' }, 'body.lang'],
      [{ scenario: '../etc/passwd' }, 'body.scenario'],
      [{ scenario, runs: '-1' }, 'body.runs'],
      [{ scenario, extra: '1' }, 'body.extra'],
      [{}, 'body.scenario'],
    ] as const) {
      const res = await report(params as Record<string, string>);
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await res.json();
      expect(body).toMatchObject({ ok: false, status: 400 });
      expect(body.error).toContain(field);
    }
  });

  it('POST /api/report answers 404 JSON for an unknown scenario', async () => {
    const res = await report({ scenario: 'no-such-scenario', format: 'md' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, status: 404 });
  });

  it('takes a JSON body as well, with the same bytes as the form', async () => {
    const json = await app.request('/api/report', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario, lang: 'en', format: 'md', runs: 40, seed: 3 }),
    });
    expect(json.status).toBe(200);
    expect(await json.text()).toBe(await (await report({ scenario, lang: 'en', format: 'md', runs: '40', seed: '3' })).text());
  });

  it('answers a GET with 405, Allow: POST and what to do, rendering nothing', async () => {
    const res = await app.request(`/api/report?scenario=${scenario}&format=pdf`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect((await res.json()).error).toMatch(/POST \/api\/report .*POST \/api\/briefings/);
  });

  it('answers a refused form (which the browser shows as a page) with a short HTML page, escaped, and a way back', async () => {
    const res = await report({ scenario: '<script>x</script>', format: 'md' }, { Accept: 'text/html,application/xhtml+xml' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('The briefing could not be made');
    expect(html).toContain('body.scenario');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toMatch(/<a href="\.\.\/#\/">Back to Marsad<\/a>/);
    // The same refusal asked for by a program stays JSON.
    const json = await report({ scenario: '<script>x</script>', format: 'md' });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it("refuses another site's form with 403", async () => {
    const res = await report({ scenario, format: 'md' }, { Origin: 'https://elsewhere.example', 'Sec-Fetch-Site': 'cross-site' });
    expect(res.status).toBe(403);
  });

  it('GET /api/openapi.json describes POST /api/report and its body', async () => {
    const body = await (await app.request('/api/openapi.json')).json();
    const post = body.paths['/api/report'].post;
    expect(body.paths['/api/report'].get).toBeUndefined();
    expect(Object.keys(post.requestBody.content)).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    expect(Object.keys(post.requestBody.content['application/json'].schema.properties)).toEqual(['scenario', 'lang', 'format', 'runs', 'seed', 'threads', 'asOf']);
  });
});
