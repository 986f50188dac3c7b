/**
 * The visible text of a parsed HTML tree (an article that Readability kept, or a Word file that
 * mammoth turned into HTML), one paragraph per line:
 * - text nodes only: attributes (event handlers, javascript: URLs) never reach the text, and
 *   escaped markup stays the text it is;
 * - script, style, template, iframe, svg and the like are skipped whole;
 * - block elements and <br> end a line; runs of spaces become one (no-break spaces kept);
 * - a table row is one line, its cells joined by " | " (a cell's own blocks by spaces);
 * - footnotes and endnotes (ARIA doc-endnotes/doc-footnote, "footnotes"/"endnotes" containers,
 *   list items with ids such as footnote-3 as mammoth writes them) are paragraphs of their own,
 *   flagged as notes and written "[3] text"; their references in the text are written "[3]" and
 *   their back-links are dropped.
 * The walk is iterative, so a deeply nested page cannot overflow the stack.
 */

/** Elements whose content is not visible text. */
const HIDDEN = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'object', 'embed', 'head', 'math', 'canvas',
  'select', 'button', 'audio', 'video', 'map',
]);

/** Elements that start a new line. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html',
  'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'title',
  'ul',
]);

const NOTE_ROLES = new Set(['doc-endnotes', 'doc-footnotes', 'doc-footnote', 'doc-endnote']);
const NOTE_CONTAINER = /(?:^|[\s_-])(?:foot|end)notes?(?:$|[\s_-])/i;
const NOTE_ITEM_ID = /^(?:(?:foot|end)note|note|fn|ftn|cite_note)[-_:]?(?:.*?[-_:])?(\d{1,4})$/i;
const MARK = /^[[(]?(\d{1,4}|[*†‡]|[a-z])[\])]?$/i;
const BACKLINK = /^[\s↑↩⤴^⬆]*$|^(?:back|return)$/i;

/** The part of a DOM node this walk uses (linkedom and browsers both provide it). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode?: DomNode | null;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
}

export interface DomParagraph {
  text: string;
  /** A footnote or endnote. */
  note: boolean;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

function attr(node: DomNode, name: string): string {
  return node.getAttribute?.(name) ?? '';
}

function isNoteContainer(el: DomNode): boolean {
  return NOTE_ROLES.has(attr(el, 'role')) || NOTE_CONTAINER.test(`${attr(el, 'id')} ${attr(el, 'class')}`);
}

/** The number of a footnote list item: from its id (footnote-3), else its place in the list. */
function noteNumber(li: DomNode, inNotes: boolean): string | null {
  const fromId = NOTE_ITEM_ID.exec(attr(li, 'id'));
  if (fromId) return fromId[1];
  if (!inNotes || !li.parentNode) return null;
  const siblings = Array.from(li.parentNode.childNodes).filter((n) => n.nodeType === ELEMENT && n.nodeName.toLowerCase() === 'li');
  const start = Number.parseInt(attr(li.parentNode, 'start'), 10);
  return String((Number.isFinite(start) ? start : 1) + siblings.indexOf(li));
}

/** A footnote reference: `<a role="doc-noteref">`, or a link to an anchor inside `<sup>`. */
function noteRefMark(el: DomNode, name: string): string | null {
  const text = (el.textContent ?? '').trim();
  const m = MARK.exec(text);
  if (!m) return null;
  if (name === 'a' && attr(el, 'role') === 'doc-noteref') return m[1];
  if (name === 'sup') {
    const links = Array.from(el.childNodes).filter((c) => c.nodeType === ELEMENT && c.nodeName.toLowerCase() === 'a');
    if (links.length === 1 && attr(links[0], 'href').startsWith('#')) return m[1];
  }
  return null;
}

function isBacklink(el: DomNode): boolean {
  if (attr(el, 'role') === 'doc-backlink') return true;
  return attr(el, 'href').startsWith('#') && BACKLINK.test((el.textContent ?? '').trim());
}

/** Spaces and no-break spaces collapsed (a run with a no-break space stays one), ends trimmed. */
function tidy(s: string): string {
  return s
    .replace(/[ \t\n\r\f\v\u00a0]+/g, (run) => (run.includes('\u00a0') ? '\u00a0' : ' '))
    .replace(/^[ \u00a0]+|[ \u00a0]+$/g, '');
}

export function domToText(root: DomNode): DomParagraph[] {
  const out: DomParagraph[] = [];
  let line = '';
  let prefix = '';
  let noteDepth = 0;
  let cellDepth = 0;
  let preDepth = 0;
  let row: string[] | null = null;

  const flush = (): void => {
    const text = tidy(line);
    line = '';
    if (text === '') return;
    out.push({ text: prefix + text, note: noteDepth > 0 });
    prefix = '';
  };
  /** A block boundary: a new line, or a space inside a table cell. */
  const boundary = (): void => {
    if (cellDepth > 0) line += ' ';
    else flush();
  };

  type Step = { node: DomNode; exit: false } | { node: DomNode; exit: true; name: string; note: boolean };
  const stack: Step[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const node = step.node;
    if (step.exit) {
      const name = step.name;
      if (name === 'td' || name === 'th') {
        cellDepth--;
        if (cellDepth === 0 && row) {
          row.push(tidy(line));
          line = '';
        }
      } else if (name === 'tr' && cellDepth === 0) {
        const cells = (row ?? []).filter((c) => c !== '');
        if (tidy(line) !== '') cells.push(tidy(line));
        line = cells.join(' | ');
        row = null;
        flush();
      } else if (name === 'pre') {
        preDepth--;
        boundary();
      } else if (BLOCK.has(name) || name === 'br' || name === 'tr') boundary();
      if (step.note) {
        flush();
        noteDepth--;
      }
      continue;
    }
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      const data = node.textContent ?? '';
      if (preDepth > 0) {
        const parts = data.split('\n');
        parts.forEach((part, i) => {
          if (i > 0) boundary();
          line += part;
        });
      } else line += data.replace(/[\t\n\r\f ]+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toLowerCase();
    if (HIDDEN.has(name) || node.hasAttribute?.('hidden')) continue;
    if (name === 'a' && isBacklink(node)) continue;
    const mark = name === 'a' || name === 'sup' ? noteRefMark(node, name) : null;
    if (mark !== null) {
      line = line.replace(/[ \t]+$/, '') + `[${mark}]`;
      continue;
    }
    let note = false;
    if (node.nodeType === ELEMENT) {
      const itemNumber = name === 'li' ? noteNumber(node, noteDepth > 0) : null;
      if (isNoteContainer(node) || itemNumber !== null) {
        boundary();
        note = true;
        noteDepth++;
        if (itemNumber !== null) prefix = `[${itemNumber}] `;
      }
    }
    if (name === 'td' || name === 'th') {
      if (cellDepth === 0) line = '';
      cellDepth++;
    } else if (name === 'tr' && cellDepth === 0) {
      flush();
      row = [];
    } else if (name === 'pre') {
      boundary();
      preDepth++;
    } else if (BLOCK.has(name) && !note) boundary();
    stack.push({ node, exit: true, name, note });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], exit: false });
  }
  flush();
  return out;
}
