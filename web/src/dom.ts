/**
 * The one way the app builds DOM: elements with attributes and children, where every string
 * becomes a text node. Nothing here (or anywhere in the app) assigns innerHTML, so document and
 * case text — which is hostile — can never become markup.
 */
export type Child = Node | string | number | null | undefined | false | Child[];

type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'style') {
      throw new Error('inline style attributes are refused by the CSP; use classes');
    } else if (key === 'href' && typeof value === 'string' && !/^(#|\.\/|\/|https?:)/.test(value)) {
      // Only our own hash routes and http(s) links: never javascript: or data: URLs.
      throw new Error(`refused link ${value.slice(0, 20)}`);
    } else {
      el.setAttribute(key, value === true ? '' : neutraliseBidi(String(value)));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(neutraliseBidi(String(child))));
  }
}

/**
 * Drops bidi embedding/override/isolate controls from text about to be shown: a hostile or
 * sloppy source could otherwise reverse the text around it. (Only the displayed copy changes;
 * offsets are applied before this.)
 */
export function neutraliseBidi(s: string): string {
  return s.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
}

/** A name or other text of unknown direction, isolated so it cannot reorder what surrounds it. */
export function bdi(text: string, cls?: string): HTMLElement {
  return h('bdi', { class: cls, dir: 'auto' }, text);
}

export function clear(el: Element): void {
  el.replaceChildren();
}

/** Appends children (skipping null/false), each string as a text node. */
export function add(parent: Node, ...children: Child[]): void {
  append(parent, children);
}

/** Replaces the children of `parent`. */
export function set(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, built like `h`: attributes as strings, every child string a text node. */
export function svg(tag: string, attrs: Record<string, string | number | null | undefined | EventListener> = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'style' || key === 'href' || key.startsWith('xlink')) throw new Error(`refused SVG attribute ${key}`);
    else el.setAttribute(key, neutraliseBidi(String(value)));
  }
  append(el, children);
  return el;
}
