/**
 * Visible text of an HTML page, without a parser dependency: a small tokenizer walks tags,
 * comments and text; the contents of script, style, noscript, template, iframe, svg, object and
 * head-only elements are dropped; block elements become line breaks; entities are decoded.
 * Attributes are never kept, so event handlers and javascript: URLs cannot reach the text.
 */

/** Elements whose whole content is not visible text. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'object', 'head', 'math', 'canvas', 'select']);

/** Elements that start a new line (paragraph-level). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tr', 'td', 'th', 'title', 'ul', 'body', 'html', 'caption',
]);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»', hellip: '…',
  mdash: '—', ndash: '–', lrm: '\u200e', rlm: '\u200f', zwj: '\u200d', zwnj: '\u200c', copy: '©', reg: '®',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', middot: '·', bull: '•', shy: '\u00ad', times: '×',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      // NUL, surrogates and out-of-range code points are not characters.
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(code);
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Is the file name an HTML page? */
export function isHtmlFile(name: string): boolean {
  return /\.html?$/i.test(name);
}

export function htmlToText(html: string): string {
  const out: string[] = [];
  let i = 0;
  let hidden: string | null = null;
  const newline = (): void => {
    out.push('\n');
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      if (hidden === null) out.push(decodeEntities(html.slice(i)));
      break;
    }
    if (lt > i && hidden === null) out.push(decodeEntities(html.slice(i, lt)));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, lt + 64));
    if (!tag) {
      if (html[lt + 1] === '!' || html[lt + 1] === '?') {
        const end = html.indexOf('>', lt);
        i = end < 0 ? html.length : end + 1;
        continue;
      }
      // A lone "<" is text.
      if (hidden === null) out.push('<');
      i = lt + 1;
      continue;
    }
    // Find the end of the tag, skipping quoted attribute values (they may contain ">").
    let j = lt + tag[0].length;
    let quote: string | null = null;
    for (; j < html.length; j++) {
      const c = html[j];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    i = j + 1;
    const closing = tag[1] === '/';
    const name = tag[2].toLowerCase();
    if (hidden !== null) {
      if (closing && name === hidden) hidden = null;
      continue;
    }
    const selfClosing = html[j - 1] === '/';
    if (!closing && HIDDEN.has(name) && !selfClosing) {
      hidden = name;
      continue;
    }
    if (BLOCK.has(name)) newline();
  }
  return out
    .join('')
    .replace(/[ \t\f\v\u00a0]+/g, (s) => (s.includes('\u00a0') ? '\u00a0' : ' '))
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
