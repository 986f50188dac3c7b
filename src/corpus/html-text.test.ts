import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from './html-text.js';

describe('htmlToText', () => {
  it('keeps visible text, one block per line, and drops scripts and styles', () => {
    const html = '<html><head><title>عنوان</title><style>p{}</style></head><body><h1>انسحاب</h1><p>قال <b>المتحدث</b></p><script>alert(1)</script><p>نهاية</p></body></html>';
    expect(htmlToText(html)).toBe('انسحاب\nقال المتحدث\nنهاية');
  });
  it('keeps escaped markup as text and never attributes', () => {
    expect(htmlToText('<p title="x>y" onclick="evil()">&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe('<script>alert(1)</script>');
  });
  it('extracts the hostile xss.html page without any script, handler or javascript: URL', () => {
    const html = readFileSync(fileURLToPath(new URL('../../../shared/fixtures/hostile/xss.html', import.meta.url)), 'utf8');
    const text = htmlToText(html);
    expect(text).toContain('الجدول الزمني');
    expect(text).toContain('<script>alert("escaped text stays text")</script> & نهاية');
    expect(text).not.toMatch(/alert\('|onerror|onload|javascript:|injected/);
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex entities and refuses NUL', () => {
    expect(decodeEntities('&amp; &#1593; &#x639; &nbsp;&#0;')).toBe('& ع ع \u00a0\uFFFD');
  });
  it('leaves unknown entities as written', () => {
    expect(decodeEntities('&bogus;')).toBe('&bogus;');
  });
});
