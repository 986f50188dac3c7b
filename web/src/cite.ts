/**
 * A citation as the app shows it: one click opens the passage in the reader with the quote
 * highlighted; without an ingested document, the quote and document name are shown instead.
 */
import { bdi, h } from './dom.js';
import { lang, t } from './i18n.js';
import { href } from './router.js';

export interface Cite {
  doc: string;
  quote: string;
  note?: string;
  documentId?: string;
  title?: string;
  passage?: string;
  start?: number;
  end?: number;
}

export function citeHref(c: Cite): string | null {
  if (!c.documentId || !c.passage) return null;
  const hl = c.start !== undefined && c.end !== undefined ? `${c.start}-${c.end}` : undefined;
  return href(lang(), 'sources', [c.documentId, c.passage], { hl });
}

export function citeLinks(cites: Cite[] | undefined): HTMLElement {
  const box = h('span', { class: 'cites' });
  (cites ?? []).forEach((c, i) => {
    const target = citeHref(c);
    const label = `[${i + 1}]`;
    if (target) {
      box.append(h('a', { class: 'cite', href: target, title: c.quote, 'data-passage': c.passage }, label));
    } else {
      box.append(h('span', { class: 'cite missing', title: `${c.doc} — ${t('notIngested')}: ${c.quote}` }, label));
    }
  });
  return box;
}

/** The quote itself, linked to the passage when it can be. */
export function citeQuote(c: Cite): HTMLElement {
  const target = citeHref(c);
  const q = h('q', { dir: 'auto' }, c.quote);
  return h(
    'div',
    { class: 'quote' },
    target ? h('a', { href: target, class: 'quote-link' }, q) : q,
    ' ',
    h('small', { class: 'muted' }, bdi(c.title ?? c.doc), target ? '' : ` — ${t('notIngested')}`),
  );
}
