/**
 * Snippets: about 200 characters of a passage around its densest cluster of matches, with each
 * matched word wrapped in `[[` and `]]`. Matching reuses the analyzer, so a hit on the stem of
 * والقوات highlights the whole original word.
 */
import { analyze } from '../text/index.js';

export const DEFAULTS = {
  /** Snippet width in characters (before markers and ellipses). */
  width: 200,
  /** Characters of context kept before the first match of the window. */
  lead: 40,
};

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/u.test(c);
}

export function makeSnippet(text: string, terms: ReadonlySet<string>, width = DEFAULTS.width): string {
  const matches = analyze(text).filter((t) => t.terms.some((term) => terms.has(term)));
  let from = 0;
  let to = text.length;
  if (text.length > width) {
    // The window starting at the match that has the most matches within `width` characters.
    let best = -1;
    let bestCount = 0;
    for (let i = 0; i < matches.length; i++) {
      let count = 0;
      for (let j = i; j < matches.length && matches[j].end <= matches[i].start + width - DEFAULTS.lead; j++) count++;
      if (count > bestCount) {
        best = i;
        bestCount = count;
      }
    }
    from = best < 0 ? 0 : Math.max(0, matches[best].start - DEFAULTS.lead);
    to = Math.min(text.length, from + width);
    from = Math.max(0, to - width);
    // Cut at spaces so no word is split.
    if (from > 0) {
      let k = from;
      while (k < to && !isSpace(text[k - 1])) k++;
      if (k < to) from = k;
    }
    if (to < text.length) {
      let k = to;
      while (k > from && !isSpace(text[k])) k--;
      if (k > from) to = k;
    }
  }
  let out = '';
  let pos = from;
  for (const m of matches) {
    if (m.start < from || m.end > to) continue;
    out += text.slice(pos, m.start) + '[[' + text.slice(m.start, m.end) + ']]';
    pos = m.end;
  }
  out += text.slice(pos, to);
  out = out.replace(/\s+/gu, ' ').trim();
  return (from > 0 ? '…' : '') + out + (to < text.length ? '…' : '');
}
