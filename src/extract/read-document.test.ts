import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankMarkup, readDocument } from './read-document.js';

describe('blankMarkup', () => {
  it('blanks tags, scripts, styles and comments to spaces of the same length, keeping newlines and text', () => {
    const html = '<p title="إيران">قالت واشنطن</p>\n<script>var x = "بغداد";</script><!-- أربيل --><style>.a{}</style>نهاية';
    const out = blankMarkup(html);
    expect(out).toHaveLength(html.length);
    expect(out.indexOf('واشنطن')).toBe(html.indexOf('واشنطن'));
    expect(out.indexOf('نهاية')).toBe(html.indexOf('نهاية'));
    expect(out).not.toMatch(/إيران|بغداد|أربيل|script|style/);
    expect(out.split('\n')).toHaveLength(2);
  });

  // Backtracking regexes would take minutes here; linear ones take milliseconds. The bound is
  // the test's own timeout, far above linear time even on a loaded machine.
  it('stays linear on unclosed markup', () => {
    const html = `${'<script>'.repeat(1)}${'<a '.repeat(200_000)}${'نص '.repeat(200_000)}`;
    expect(blankMarkup(html).trim()).toBe('');
  }, 30_000);
});

describe('readDocument on HTML', () => {
  it('reads only the visible text of an .html file, with offsets into the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-rd-'));
    const path = join(dir, 'page.html');
    const html = '<html><body><p>بغداد</p><script>var x="إيران";</script></body></html>';
    writeFileSync(path, html);
    const doc = await readDocument(path);
    expect(doc.text).toHaveLength(html.length);
    expect(doc.text.indexOf('بغداد')).toBe(html.indexOf('بغداد'));
    expect(doc.text).not.toContain('إيران');
  });

  it('leaves a .txt file as written, angle brackets included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-rd-'));
    const path = join(dir, 'note.txt');
    writeFileSync(path, 'a <b> إيران');
    expect((await readDocument(path)).text).toBe('a <b> إيران');
  });
});
