/**
 * Sources: the document list and a reader. Passages are rendered from text nodes only; known
 * actors and places are marked (each links to its page), cited facts are underlined (each
 * links to the fact), and `#/<lang>/sources/<doc>/<passage>?hl=<start>-<end>` scrolls to the
 * passage and marks the quote.
 */
import { get } from '../api.js';
import { add, bdi, h, neutraliseBidi, set } from '../dom.js';
import { fmtDate, lang, t } from '../i18n.js';
import type { Page } from '../page.js';
import { href } from '../router.js';
import type { DocMeta, Passage } from '../types.js';

interface Span { start: number; end: number; kind: string; id: string }
interface DocumentView {
  document: DocMeta & { text: string };
  passages: Passage[];
  mentions: Span[];
  /** Present once the extraction module tags dates. */
  dates?: Array<{ start: number; end: number; value: string; precision: string; event?: string }>;
  facts: Array<Span & { quote: string }>;
}

export const sourcesPage: Page = async (root, ctx) => {
  const [docId, passageId] = ctx.route.args;
  const list = await get<{ items: DocMeta[] }>('documents');
  const nav = h(
    'nav',
    { class: 'doc-list card', 'aria-label': t('documents') },
    h('h2', {}, t('documents')),
    list.items.length === 0 ? h('p', { class: 'muted' }, t('noDocuments')) : null,
    list.items.map((d) =>
      h(
        'a',
        { href: href(lang(), 'sources', [d.id]), class: d.id === docId ? 'active' : '' },
        bdi(d.title ?? d.file),
        h('div', { class: 'muted' }, d.published ? fmtDate(d.published) : '', d.outlet ? ' · ' : '', d.outlet ? bdi(d.outlet) : ''),
      ),
    ),
  );
  const reader = h('article', { class: 'reader', id: 'reader' });
  add(root, h('div', { class: 'two-col' }, nav, reader));
  if (!docId) {
    add(reader, h('p', { class: 'muted' }, t('chooseDocument')));
    return;
  }
  const view = await get<DocumentView>(`documents/${encodeURIComponent(docId)}`);
  const hl = parseRange(ctx.route.params.get('hl'));
  const d = view.document;
  add(reader, 
    h('h1', { dir: 'auto' }, d.title ?? d.file),
    h('p', { class: 'muted' }, bdi(d.file), d.outlet ? ' · ' : '', d.outlet ? bdi(d.outlet) : '', d.published ? ` · ${fmtDate(d.published)}` : ''),
    h(
      'div',
      { class: 'legend' },
      h('mark', { class: 'mention' }, t('legendActor')),
      h('mark', { class: 'mention place' }, t('legendPlace')),
      h('mark', { class: 'date-mention' }, t('legendDate')),
      h('mark', { class: 'fact' }, t('legendFact')),
    ),
  );
  for (const p of view.passages) {
    add(reader, renderPassage(p, view, p.id === passageId ? hl : null, p.id === passageId));
  }
  if (passageId) {
    // After the page is in the document, bring the cited passage into view.
    requestAnimationFrame(() => {
      if (!ctx.alive()) return;
      const target = document.getElementById(`p-${passageId}`);
      const mark = target?.querySelector('mark.cited') ?? target;
      mark?.scrollIntoView({ block: 'center' });
    });
  }
};

function parseRange(s: string | null): { start: number; end: number } | null {
  const m = /^(\d+)-(\d+)$/.exec(s ?? '');
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

/** Splits the passage at every highlight boundary and wraps each piece in what covers it. */
function renderPassage(p: Passage, view: DocumentView, hl: { start: number; end: number } | null, active: boolean): HTMLElement {
  const within = (s: { start: number; end: number }) => s.end > p.start && s.start < p.end;
  const mentions = view.mentions.filter(within);
  const facts = view.facts.filter(within);
  const dates = (view.dates ?? []).filter(within);
  const cuts = new Set([p.start, p.end]);
  for (const s of [...mentions, ...dates, ...facts, ...(hl && within(hl) ? [hl] : [])]) {
    cuts.add(Math.max(p.start, s.start));
    cuts.add(Math.min(p.end, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const el = h(
    'p',
    { class: `passage${active ? ' active' : ''}`, id: `p-${p.id}`, dir: 'auto', 'data-passage': p.id },
    h('a', { class: 'pid', href: href(lang(), 'sources', [p.documentId, p.id]), title: p.id }, `¶${p.ordinal + 1}`),
  );
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const text = p.text.slice(a - p.start, b - p.start);
    if (!text) continue;
    const covers = (s: { start: number; end: number }) => s.start <= a && b <= s.end;
    let node: Node = document.createTextNode(neutraliseBidi(text));
    const mention = mentions.find(covers);
    const fact = facts.find(covers);
    const date = mention ? undefined : dates.find(covers);
    if (date) {
      const target = href(lang(), 'timeline', [], { event: date.event });
      node = h('mark', { class: 'date-mention', 'data-date': date.value, title: fmtDate(date.value) }, h('a', { href: target }, node));
    }
    if (mention) {
      node = h(
        'mark',
        { class: `mention ${mention.kind}`, 'data-id': mention.id },
        mention.kind === 'actor' ? h('a', { href: href(lang(), 'actors', [mention.id]) }, node) : node,
      );
    }
    if (fact) {
      const target = factHref(fact);
      node = h('mark', { class: 'fact', 'data-kind': fact.kind, 'data-id': fact.id, title: `${fact.kind}: ${fact.id}` }, mention || date || !target ? node : h('a', { href: target }, node));
    }
    if (hl && covers(hl)) node = h('mark', { class: 'cited' }, node);
    add(el, node);
  }
  return el;
}

function factHref(f: Span): string | null {
  switch (f.kind) {
    case 'event':
      return href(lang(), 'timeline', [], { event: f.id });
    case 'commitment':
      return href(lang(), 'commitments', [f.id]);
    case 'claim':
      return href(lang(), 'figures', [], { claim: f.id });
    case 'stance':
      return href(lang(), 'actors', [], { stance: f.id });
    case 'edge':
      return href(lang(), 'causal', [], { edge: f.id });
    default:
      return null;
  }
}
