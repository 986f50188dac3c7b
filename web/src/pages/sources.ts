/**
 * Sources: the document list and a reader. Passages are rendered from text nodes only; known
 * actors and places are marked (each links to its page), dates link to their event, cited facts
 * are underlined (each links to the fact), and the terms of the search that led here are marked.
 * Each kind of mark has its own switch, kept in the URL. `#/<lang>/sources/<doc>/<passage>?hl=
 * <start>-<end>` scrolls to the passage and marks the quote.
 */
import { ApiError, get } from '../api.js';
import { add, bdi, h, neutraliseBidi } from '../dom.js';
import { fmtDate, lang, t, type StringKey } from '../i18n.js';
import { docTitle, localPart } from '../lookup.js';
import { unknownNotice } from '../notice.js';
import type { Page } from '../page.js';
import { href, replaceRoute } from '../router.js';
import type { DocMeta, Passage } from '../types.js';

interface Span { start: number; end: number; kind: string; id: string }
interface DocumentView {
  document: DocMeta & { text: string };
  passages: Passage[];
  mentions: Span[];
  dates?: Array<{ start: number; end: number; value: string; precision: string; event?: string }>;
  facts: Array<Span & { quote: string }>;
}

const MARKS: Array<{ id: string; cls: string; legend: StringKey }> = [
  { id: 'actor', cls: 'mention actor', legend: 'legendActor' },
  { id: 'place', cls: 'mention place', legend: 'legendPlace' },
  { id: 'date', cls: 'date-mention', legend: 'legendDate' },
  { id: 'fact', cls: 'fact', legend: 'legendFact' },
  { id: 'query', cls: 'query', legend: 'legendQuery' },
];

export const sourcesPage: Page = async (root, ctx) => {
  const [docId, passageId] = ctx.route.args;
  const params = new URLSearchParams(ctx.route.params);
  const list = await get('documents');
  const nav = h(
    'nav',
    { class: 'doc-list card', 'aria-label': t('documents') },
    h('h2', {}, t('documents')),
    list.items.length === 0 ? h('p', { class: 'muted' }, t('noDocuments')) : null,
    h(
      'ul',
      { class: 'plain compact' },
      list.items.map((d) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: href(lang(), 'sources', [d.id]), class: d.id === docId ? 'active' : '', 'aria-current': d.id === docId ? 'true' : null },
            bdi(docTitle(d)),
            h('span', { class: 'muted doc-meta' }, d.published ? fmtDate(d.published) : '', d.outlet ? ' · ' : '', d.outlet ? bdi(localPart(d.outlet)) : ''),
          ),
        ),
      ),
    ),
  );
  const reader = h('article', { class: 'reader', id: 'reader' });
  const heading = h('h1', { class: 'sr-only' }, t('sources'));
  // With a document open, a phone shows the reader first and the list after it.
  add(root, heading, h('div', { class: `two-col${docId ? ' reader-first' : ''}` }, nav, reader));
  if (!docId) {
    heading.classList.remove('sr-only');
    add(reader, h('p', { class: 'muted' }, t('chooseDocument')));
    return;
  }
  let view: DocumentView;
  try {
    view = await get('documents/:id', { id: docId });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    add(reader, unknownNotice('unknownDocument', docId, list.items.map((d) => ({ href: href(lang(), 'sources', [d.id]), label: docTitle(d) }))));
    return;
  }
  heading.remove();
  const hl = parseRange(params.get('hl'));
  const terms = queryTerms(params.get('terms'), params.get('q'));
  const hidden = new Set((params.get('hide') ?? '').split(',').filter(Boolean));
  const d = view.document;
  const toggles = h(
    'fieldset',
    { class: 'legend marks', id: 'mark-toggles' },
    h('legend', {}, t('marks')),
    MARKS.filter((m) => m.id !== 'query' || terms.length).map((m) => {
      const box = h('input', { type: 'checkbox', checked: !hidden.has(m.id), 'data-mark': m.id });
      box.addEventListener('change', () => {
        if (box.checked) hidden.delete(m.id);
        else hidden.add(m.id);
        reader.classList.toggle(`hide-${m.id}`, !box.checked);
        params.delete('hide');
        if (hidden.size) params.set('hide', [...hidden].join(','));
        replaceRoute(href(lang(), 'sources', ctx.route.args, Object.fromEntries(params)));
      });
      return h('label', {}, box, ' ', h('mark', { class: m.cls }, t(m.legend)));
    }),
  );
  for (const id of hidden) reader.classList.add(`hide-${id}`);
  add(
    reader,
    h('h1', { dir: 'auto' }, docTitle(d)),
    h(
      'p',
      { class: 'muted' },
      bdi(d.file),
      d.outlet ? ' · ' : '',
      d.outlet ? bdi(localPart(d.outlet)) : '',
      d.author ? ' · ' : '',
      d.author ? bdi(localPart(d.author)) : '',
      d.published ? ` · ${fmtDate(d.published)}` : '',
      ' · ',
      h('a', { href: href(lang(), 'desk', [d.id]), id: 'open-desk' }, t('reviewCandidates')),
    ),
    toggles,
  );
  if (passageId && !view.passages.some((p) => p.id === passageId)) add(reader, unknownNotice('unknownPassage', passageId));
  for (const p of view.passages) {
    add(reader, renderPassage(p, view, p.id === passageId ? hl : null, p.id === passageId, terms));
  }
  const target = passageId ?? (terms.length ? view.passages.find((p) => reader.querySelector(`#p-${CSS.escape(p.id)} mark.query`))?.id : undefined);
  if (target) {
    // After the page is in the document, bring the cited passage (or the first match) into view.
    requestAnimationFrame(() => {
      if (!ctx.alive()) return;
      const el = document.getElementById(`p-${target}`);
      const mark = el?.querySelector('mark.cited') ?? el?.querySelector('mark.query') ?? el;
      mark?.scrollIntoView({ block: 'center' });
    });
  }
};

function parseRange(s: string | null): { start: number; end: number } | null {
  const m = /^(\d+)-(\d+)$/.exec(s ?? '');
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

/**
 * The words to mark: the forms the search engine matched (`terms`, separated by |), else the
 * query's own words of three letters or more.
 */
export function queryTerms(terms: string | null, q: string | null): string[] {
  const forms = (terms ?? '').split('|').map((x) => x.trim()).filter((x) => x.length >= 2);
  const words = forms.length ? forms : (q ?? '').split(/\s+/).map((x) => x.replace(/["'«»]/g, '')).filter((x) => x.length >= 3);
  return [...new Set(words)].slice(0, 20);
}

function findAll(text: string, offset: number, terms: string[]): Array<{ start: number; end: number }> {
  const hay = text.toLocaleLowerCase();
  const out: Array<{ start: number; end: number }> = [];
  for (const term of terms) {
    const needle = term.toLocaleLowerCase();
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) out.push({ start: offset + i, end: offset + i + needle.length });
  }
  return out;
}

/** Splits the passage at every highlight boundary and wraps each piece in what covers it. */
function renderPassage(p: Passage, view: DocumentView, hl: { start: number; end: number } | null, active: boolean, terms: string[]): HTMLElement {
  const within = (s: { start: number; end: number }) => s.end > p.start && s.start < p.end;
  const mentions = view.mentions.filter(within);
  const facts = view.facts.filter(within);
  const dates = (view.dates ?? []).filter(within);
  const matches = terms.length ? findAll(p.text, p.start, terms) : [];
  const cuts = new Set([p.start, p.end]);
  for (const s of [...mentions, ...dates, ...facts, ...matches, ...(hl && within(hl) ? [hl] : [])]) {
    cuts.add(Math.max(p.start, s.start));
    cuts.add(Math.min(p.end, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const el = h(
    'p',
    { class: `passage${active ? ' active' : ''}`, id: `p-${p.id}`, dir: 'auto', 'data-passage': p.id },
    h('a', { class: 'pid', href: href(lang(), 'sources', [p.documentId, p.id]), 'aria-label': `${t('passage')} ${p.ordinal + 1}` }, `¶${p.ordinal + 1}`),
  );
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const text = p.text.slice(a - p.start, b - p.start);
    if (!text) continue;
    const covers = (s: { start: number; end: number }) => s.start <= a && b <= s.end;
    // A piece of bare spaces between two marks is marked but never a link of its own (an empty link).
    const linkable = text.trim().length > 0;
    let node: Node = document.createTextNode(neutraliseBidi(text));
    const mention = mentions.find(covers);
    const fact = facts.find(covers);
    const date = mention ? undefined : dates.find(covers);
    if (date) {
      const target = href(lang(), 'timeline', [], { event: date.event });
      node = h('mark', { class: 'date-mention', 'data-date': date.value, title: fmtDate(date.value) }, linkable ? h('a', { href: target }, node) : node);
    }
    if (mention) {
      node = h(
        'mark',
        { class: `mention ${mention.kind}`, 'data-id': mention.id },
        mention.kind === 'actor' && linkable ? h('a', { href: href(lang(), 'actors', [mention.id]) }, node) : node,
      );
    }
    if (fact) {
      const target = factHref(fact);
      node = h('mark', { class: 'fact', 'data-kind': fact.kind, 'data-id': fact.id, title: `${fact.kind}: ${fact.id}` }, mention || date || !target || !linkable ? node : h('a', { href: target }, node));
    }
    if (matches.some(covers)) node = h('mark', { class: 'query' }, node);
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
