import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { domToText, type DomNode } from './dom-text.js';

function text(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return domToText(document.body as unknown as DomNode).map((p) => (p.note ? `NOTE ${p.text}` : p.text));
}

describe('domToText', () => {
  it('writes a table row per line, cells joined by " | ", a cell\'s blocks by spaces', () => {
    expect(text('<table><caption>Bases</caption><tr><th>Base</th><th>Date</th></tr><tr><td><p>Ain</p><p>al-Asad</p></td><td>2025</td></tr></table>')).toEqual([
      'Bases',
      'Base | Date',
      'Ain al-Asad | 2025',
    ]);
  });

  it('ends lines at <br> and keeps the lines of <pre>', () => {
    expect(text('<p>one<br>two</p><pre>a  b\nc</pre>')).toEqual(['one', 'two', 'a b', 'c']);
  });

  it('numbers endnotes by their place in the list and drops their back-links', () => {
    expect(text('<p>Text<a role="doc-noteref" href="#n1">1</a>.</p><div class="footnotes"><ol start="3"><li>First note <a href="#r1">↩</a></li><li>Second</li></ol></div>')).toEqual([
      'Text[1].',
      'NOTE [3] First note',
      'NOTE [4] Second',
    ]);
  });

  it('reads footnotes as mammoth writes them', () => {
    expect(text('<p>Claim<sup><a href="#footnote-2" id="footnote-ref-2">[2]</a></sup></p><ol><li id="footnote-2"><p>Source. <a href="#footnote-ref-2">↑</a></p></li></ol>')).toEqual([
      'Claim[2]',
      'NOTE [2] Source.',
    ]);
  });

  it('leaves a superscript that is not a note reference as it is', () => {
    expect(text('<p>an area of 30 km<sup>2</sup></p>')).toEqual(['an area of 30 km2']);
  });

  it('skips hidden elements, forms controls and media', () => {
    expect(text('<p>shown</p><p hidden>not shown</p><select><option>menu</option></select><video>no video</video>')).toEqual(['shown']);
  });

  it('keeps a no-break space and collapses other runs of spaces', () => {
    expect(text('<p>  a \n\t b&nbsp;&nbsp;c  </p>')).toEqual(['a b\u00a0c']);
  });
});
