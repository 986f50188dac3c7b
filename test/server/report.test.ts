/**
 * GET /api/report in process: the briefing as a download in each format and language, its
 * footnotes resolved to stored passages, and bad parameters refused as JSON errors.
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

const url = (params: Record<string, string>) => `/api/report?${new URLSearchParams(params)}`;

describe('GET /api/report', () => {
  it('GET /api/report?format=md&lang=en returns the Markdown briefing as an attachment', async () => {
    const res = await app.request(url({ scenario, lang: 'en', format: 'md', runs: '50' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="marsad-${scenario}-en.md"`);
    const text = await res.text();
    expect(text).toContain('Bottom line up front');
    // Footnotes name a stored passage: the corpus is ingested in the fixture.
    const passages = await fx.store.listPassages((await fx.store.listDocuments()).find((d) => d.file.startsWith('000_'))!.id);
    expect(passages.some((p) => text.includes(p.id))).toBe(true);
  });

  it('GET /api/report?format=html&lang=ar returns right-to-left HTML, sandboxed, never inline', async () => {
    const res = await app.request(url({ scenario, lang: 'ar', format: 'html', runs: '0' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="marsad-[a-z0-9-]+-ar\.html"$/);
    expect(res.headers.get('content-security-policy')).toMatch(/; sandbox$/);
    const html = await res.text();
    expect(html).toContain('dir="rtl"');
    expect(html).not.toMatch(/<script/i);
  });

  it('GET /api/report?format=pdf prints a PDF in Chromium with Arabic text that reads back', async () => {
    const res = await app.request(url({ scenario, lang: 'ar', format: 'pdf', runs: '0' }));
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

  it('GET /api/report answers the same bytes for the same scenario, language and seed', async () => {
    const a = await (await app.request(url({ scenario, lang: 'en', format: 'md', runs: '40', seed: '3' }))).text();
    const b = await (await app.request(url({ scenario, lang: 'en', format: 'md', runs: '40', seed: '3' }))).text();
    expect(a).toBe(b);
  });

  it('GET /api/report refuses bad parameters with 400 JSON naming the field', async () => {
    for (const [params, field] of [
      [{ scenario, format: 'docx' }, 'query.format'],
      [{ scenario, lang: 'fr' }, 'query.lang'],
      [{ scenario: '../etc/passwd' }, 'query.scenario'],
      [{ scenario, runs: '-1' }, 'query.runs'],
      [{ scenario, extra: '1' }, 'query.extra'],
      [{}, 'query.scenario'],
    ] as const) {
      const res = await app.request(url(params as Record<string, string>));
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await res.json();
      expect(body).toMatchObject({ ok: false, status: 400 });
      expect(body.error).toContain(field);
    }
  });

  it('GET /api/report answers 404 JSON for an unknown scenario', async () => {
    const res = await app.request(url({ scenario: 'no-such-scenario', format: 'md' }));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, status: 404 });
  });

  it('GET /api/openapi.json describes /api/report', async () => {
    const body = await (await app.request('/api/openapi.json')).json();
    const params = body.paths['/api/report'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(['scenario', 'lang', 'format', 'runs', 'seed', 'threads', 'asOf']);
  });
});
