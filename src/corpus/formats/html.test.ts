import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TooLargeError } from '../../domain/errors.js';
import { declaredCharset, decodeHtml, htmlToText, readHtml } from './html.js';

const hostile = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../shared/fixtures/hostile/${name}`, import.meta.url)));
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/documents/${name}`, import.meta.url)));

describe('htmlToText', () => {
  it('keeps visible text, one block per line, and drops scripts and styles', async () => {
    const html = '<html><head><title>عنوان</title><style>p{}</style></head><body><h1>انسحاب</h1><p>قال <b>المتحدث</b></p><script>alert(1)</script><p>نهاية</p></body></html>';
    expect(await htmlToText(html)).toBe('انسحاب\nقال المتحدث\nنهاية');
  });

  it('keeps escaped markup as text and never attributes', async () => {
    expect(await htmlToText('<p title="x>y" onclick="evil()">&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe('<script>alert(1)</script>');
  });

  it('decodes named, decimal and hex entities, turns NUL into U+FFFD and leaves unknown entities as written', async () => {
    expect(await htmlToText('<p>&amp; &#1593; &#x639; &#0; &bogus;</p>')).toBe('& ع ع \uFFFD &bogus;');
  });

  it('extracts the hostile xss.html page without any script, handler or javascript: URL', async () => {
    const text = await htmlToText(hostile('xss.html').toString('utf8'));
    expect(text).toContain('الجدول الزمني');
    expect(text).toContain('<script>alert("escaped text stays text")</script> & نهاية');
    expect(text).not.toMatch(/alert\('|onerror|onload|javascript:|injected/);
  });
});

describe('readHtml on a news page', () => {
  it('keeps the article (headline, paragraphs, table rows, endnotes) and drops the page around it', async () => {
    const r = await readHtml(fixture('news-ar.html'), { file: 'news-ar.html' });
    const lines = r.text.split('\n');
    expect(lines[0]).toBe('جولة محادثات جديدة حول انسحاب قوات التحالف من العراق');
    expect(lines).toContain('القاعدة | الموعد');
    expect(lines).toContain('عين الأسد | أيلول 2025');
    expect(r.text).toContain('في جولة هي الثالثة منذ مطلع العام.[1]');
    for (const boilerplate of ['الرئيسية', 'رياضة', 'فيسبوك', 'الأكثر قراءة', 'أسعار الذهب', 'جميع الحقوق محفوظة', 'نص أضافه سكربت', 'tracker']) {
      expect(r.text).not.toContain(boilerplate);
    }
    expect((r.notes ?? []).map((n) => r.text.slice(n.start, n.end))).toEqual([
      '[1] بيان مكتب رئيس الوزراء، 3 تشرين الأول 2024.',
      '[2] مقابلة هاتفية مع المسؤول، الذي طلب عدم ذكر اسمه.',
    ]);
    expect(r.text).not.toContain('↩');
  });

  it('reads the title, byline, site name and publication date the page states', async () => {
    const r = await readHtml(fixture('news-ar.html'), { file: 'news-ar.html' });
    expect(r.meta).toEqual({
      title: 'جولة محادثات جديدة حول الانسحاب',
      author: 'سلمى حداد',
      outlet: 'موقع الأخبار التجريبي',
      published: '2024-10-04',
    });
  });
});

describe('decodeHtml', () => {
  const cp1256 = Buffer.from([0xc7, 0xe1, 0xda, 0xd1, 0xc7, 0xde]); // العراق in Windows-1256

  it('uses the charset a page declares when its bytes are not UTF-8', () => {
    const page = Buffer.concat([Buffer.from('<meta charset="windows-1256"><p>'), cp1256, Buffer.from('</p>')]);
    expect(declaredCharset(page)).toBe('windows-1256');
    expect(decodeHtml(page, 'old.html')).toEqual({ text: '<meta charset="windows-1256"><p>العراق</p>', warnings: [] });
  });

  it('reads valid UTF-8 as UTF-8 whatever the page declares', () => {
    const page = Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><p>العراق</p>');
    expect(decodeHtml(page, 'a.html').text).toContain('العراق');
  });

  it('reports mixed encodings: UTF-8 with a Windows-1256 fragment inside', async () => {
    const page = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>انسحاب القوات الأمريكية من العراق وبقاء المستشارين</p><p>'), cp1256, Buffer.from('</p>')]);
    const r = await readHtml(page, { file: 'mixed.html' });
    expect(r.text).toContain('انسحاب القوات الأمريكية');
    expect(r.warnings).toEqual([expect.stringMatching(/^mixed\.html: invalid UTF-8: \d+ byte sequence\(s\) replaced with U\+FFFD/)]);
  });

  it('reads UTF-16 with a byte order mark', () => {
    const page = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>العراق</p>', 'utf16le')]);
    expect(decodeHtml(page, 'u.html')).toEqual({ text: '<p>العراق</p>', warnings: [] });
  });

  it('warns about a charset it does not know', () => {
    const page = Buffer.concat([Buffer.from('<meta charset="x-klingon"><p>'), Buffer.from('العراق '.repeat(5)), Buffer.from([0xff]), Buffer.from('</p>')]);
    expect(decodeHtml(page, 'k.html').warnings[0]).toMatch(/unknown charset "x-klingon"/);
  });
});

describe('readHtml on huge pages', () => {
  it('keeps all the visible text of a page nested too deep for Readability, without overflowing the stack', async () => {
    const deep = `<html><body><nav>القائمة</nav>${'<div>'.repeat(20_000)}نص المقال${'</div>'.repeat(20_000)}</body></html>`;
    const r = await readHtml(Buffer.from(deep), { file: 'deep.html' });
    expect(r.text).toBe('القائمة\nنص المقال');
    expect(r.warnings).toEqual([expect.stringMatching(/^deep\.html: the page nests elements 20002 levels deep: .*all its visible text was kept/)]);
  });

  it('refuses a page with more elements than the limit', async () => {
    const wide = `<html><body>${'<span>x</span>'.repeat(120_000)}</body></html>`;
    const err = await readHtml(Buffer.from(wide), { file: 'wide.html' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect((err as Error).message).toMatch(/more than 100,000 elements/);
  });
});
