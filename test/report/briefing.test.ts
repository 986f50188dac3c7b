/**
 * The briefing on the built-in case: every footnote resolves to a stored passage that holds its
 * quote, fact-bearing rows carry footnotes, hostile text stays text, output is deterministic, and
 * Arabic and English PDFs render in the real Chromium (text read back with pdftotext, the first
 * page rendered to PNG with pdftoppm as an artifact to look at).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldQuote, foldWithOffsets } from '../../src/case/citations.js';
import { loadCase, type LoadedCase } from '../../src/case/load.js';
import { ingestPaths } from '../../src/corpus/index.js';
import type { Citation } from '../../src/domain/case.js';
import { buildBriefing, type Briefing, type BriefingInput, type PassageLocation } from '../../src/report/index.js';
import { briefingInput } from '../../src/app/index.js';
import { ReportRequest } from '../../src/domain/requests.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderPdf } from '../../src/report/render-pdf.js';
import { CitationIndex } from '../../src/case/citation-index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { corpusDir, repoRoot } from '../support/paths.js';

const artifacts = join(repoRoot, 'artifacts', 'report');
let store: Store;
let kase: LoadedCase;
let input: BriefingInput;
let locate: (c: Citation) => PassageLocation | null;

beforeAll(async () => {
  store = await openStore({ memory: true });
  await ingestPaths(store, [corpusDir()]);
  kase = await loadCase(join(repoRoot, 'cases', 'iraq-withdrawal'));
  input = await briefingInput(kase, ReportRequest.parse({ scenario: 'full-withdrawal', runs: 200, seed: 7, threads: 2, asOf: '2024-10-31' }));
  // Resolve every citation of the case once, as the CLI does.
  locate = await new CitationIndex(store).locator(input.case);
  mkdirSync(artifacts, { recursive: true });
});

afterAll(async () => {
  await store?.close();
});

function briefing(lang: 'ar' | 'en'): Briefing {
  return buildBriefing(input, lang, locate);
}

describe('buildBriefing on the built-in case', () => {
  it.each(['ar', 'en'] as const)('buildBriefing (%s) resolves every footnote to a stored passage holding its quote', async (lang) => {
    const b = briefing(lang);
    expect(b.footnotes.length).toBeGreaterThan(30);
    for (const f of b.footnotes) {
      expect(f.location, `${f.cite.doc}: ${f.cite.quote}`).not.toBeNull();
      const passage = await store.getPassage(f.location!.passage);
      expect(passage, f.location!.passage).not.toBeNull();
      expect(passage!.file).toBe(f.cite.doc);
      // The quote lies inside the passage, and the document text at those offsets is the quote.
      expect(f.location!.start).toBeGreaterThanOrEqual(passage!.start);
      const doc = await store.getDocument(f.cite.doc);
      const slice = doc!.text.slice(f.location!.start, f.location!.end);
      expect(foldWithOffsets(slice).text).toBe(foldQuote(f.cite.quote));
    }
  });

  it('buildBriefing footnotes every row of the fact sections', () => {
    const b = briefing('en');
    const factual = new Set(['events', 'deadlines', 'stances', 'figures', 'indicators']);
    const sections = b.sections.filter((s) => factual.has(s.id));
    expect(sections.map((s) => s.id).sort()).toEqual([...factual].sort());
    for (const s of sections) {
      for (const block of s.blocks) {
        if (block.kind !== 'table') continue;
        expect(block.rows.length, s.id).toBeGreaterThan(0);
        for (const row of block.rows) expect(row.some((cell) => cell.notes.length > 0), `${s.id}: ${row[0].text}`).toBe(true);
      }
    }
  });

  it('buildBriefing states the ACH leader and the scenario winners up front', () => {
    const b = briefing('en');
    const bluf = b.sections.find((s) => s.id === 'bluf')!;
    const text = JSON.stringify(bluf);
    const leader = kase.hypotheses.find((h) => h.id === input.ach!.leading)!;
    expect(text).toContain(leader.title.en);
    expect(text).toContain(kase.actors.find((a) => a.id === input.payoffs.winners[0].actor)!.name.en);
  });

  it('buildBriefing counts the conflicting pairs of figures in correct English', () => {
    const text = JSON.stringify(briefing('en').sections.find((s) => s.id === 'bluf')!);
    const n = /contradict each other on (\d+) (pairs?) of figures/.exec(text);
    expect(n).not.toBeNull();
    expect(n![2]).toBe(n![1] === '1' ? 'pair' : 'pairs');
  });

  it('renderMarkdown gives the same bytes for the same inputs and seed', async () => {
    const again = await briefingInput(kase, ReportRequest.parse({ scenario: 'full-withdrawal', runs: 200, seed: 7, threads: 1, asOf: '2024-10-31' }));
    const a = renderMarkdown(briefing('en'));
    const b = renderMarkdown(buildBriefing(again, 'en', locate));
    expect(b).toBe(a);
    writeFileSync(join(artifacts, 'briefing-en.md'), a);
  });
});

describe('renderHtml', () => {
  it('renderHtml escapes hostile case text and drops bidi overrides', () => {
    const hostile: BriefingInput = { ...input, case: { ...input.case } };
    hostile.case.events = [
      {
        ...input.case.events[0],
        date: '2024-10-01',
        title: { ar: 'اسم \u202Eمقلوب', en: '<script>window.__xss=1</script><img src=x onerror=alert(1)>' },
      },
    ];
    const html = renderHtml(buildBriefing(hostile, 'en', locate));
    expect(html).not.toContain('<script>window.__xss');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(renderHtml(buildBriefing(hostile, 'ar', locate))).not.toContain('\u202E');
    expect(html).toContain("default-src 'none'");
  });

  it('renderHtml sets direction by language and embeds fonts and charts', () => {
    const ar = renderHtml(briefing('ar'));
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain('font/woff2;base64');
    expect(ar.match(/<svg/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(renderHtml(briefing('en'))).toContain('<html lang="en" dir="ltr">');
    writeFileSync(join(artifacts, 'briefing-ar.html'), ar);
  });
});

describe('renderPdf in headless Chromium', () => {
  const chromium = process.env.MARSAD_CHROMIUM ?? '/usr/bin/chromium';

  it.each([
    ['ar', ['العراق', 'الخلاصة', 'الانسحاب']],
    ['en', ['Bottom line up front', 'Competing hypotheses', 'Iraq']],
  ] as const)('renderPdf (%s) prints pages whose text comes back out', async (lang, words) => {
    const pdf = await renderPdf(renderHtml(briefing(lang)), { executablePath: chromium });
    const file = join(artifacts, `briefing-${lang}.pdf`);
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(0);
    // pdftotext splits Arabic words at glyph joins; compare with whitespace removed and NFKC.
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFKC');
    const squeezed = text.replace(/\s+/g, '');
    for (const w of words) expect(squeezed, w).toContain(w.replace(/\s+/g, ''));
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, join(artifacts, `briefing-${lang}-page`)]);
    const png = readFileSync(join(artifacts, `briefing-${lang}-page-01.png`));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
