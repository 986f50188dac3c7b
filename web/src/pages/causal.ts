/**
 * Causal map: the fuzzy cognitive map in a layered layout (levers → intermediates → outcomes,
 * in the reading direction) with the graph explorer: find a concept, focus on its neighbourhood,
 * filter by kind, sign and weight. Weights show on hover, not on every edge; clicking an edge
 * shows its weight, plausible range and citations; a feedback loop highlights on the graph.
 * The layout is computed once per map and direction and then cached in the browser.
 */
import { get } from '../api.js';
import { citeLinks, citeQuote, type Cite } from '../cite.js';
import { add, bdi, h, set } from '../dom.js';
import { applyPositions, cachedLayout, explorer, fitReadable, graphKey, makeGraph, saveLayout } from '../graphs.js';
import { bi, COUNTS, fmtNumber, fmtSigned, isRtl, label, lang, plural, t } from '../i18n.js';
import { layeredPositions, type Layer } from '../layered-layout.js';
import { unknownNotice } from '../notice.js';
import type { ApiGetResponse } from '../api.js';
import type { Page } from '../page.js';
import { href, replaceRoute } from '../router.js';
import { seq } from '../sequence.js';
import type { Concept, Edge } from '../types.js';

/** The model with its metrics and loops (the page always asks for both). */
type ModelView = ApiGetResponse<'model'> & Required<Pick<ApiGetResponse<'model'>, 'metrics' | 'loops'>>;
type Loop = ModelView['loops']['loops'][number];

const KIND_COLORS: Record<string, string> = { lever: '#12343b', intermediate: '#56636f', outcome: '#8f5500' };
const LAYER: Record<string, Layer> = { lever: 'first', intermediate: 'middle', outcome: 'last' };

export const causalPage: Page = async (root, ctx) => {
  // `?synthetic=N` lays out a generated N-concept map instead (uncached): the layout benchmark uses it.
  const synthetic = Math.min(Number(ctx.route.params.get('synthetic') ?? 0) || 0, 2000);
  const model: ModelView = synthetic > 0 ? syntheticModel(synthetic) : withMetrics(await get('model'));
  const byId = new Map(model.concepts.map((c) => [c.id, c]));
  const labelOf = (id: string) => bi(byId.get(id)?.label) || id;
  const params = new URLSearchParams(ctx.route.params);
  const graph = h('div', { class: 'graph', id: 'causal-graph', role: 'img', 'aria-label': `${t('causal')}: ${t('layers')}. ${t('graphHelp')}` });
  const side = h('aside', { class: 'card side', id: 'causal-detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('clickEdge')));
  const loops = h('div', { class: 'card loop-list', id: 'loops' });
  const notices = h('div', {});
  add(
    root,
    h('h1', {}, t('causal')),
    h(
      'p',
      { class: 'legend' },
      ['lever', 'intermediate', 'outcome'].map((k) => h('span', { class: `badge kind-${k}` }, kindName(k))),
      h('span', { class: 'pos' }, `— ${t('positive')}`),
      h('span', { class: 'neg' }, `- - ${t('negative')}`),
      h('span', { class: 'muted' }, `${t('density')} ${fmtNumber(model.metrics.density, 3)}`),
    ),
    h('p', { class: 'muted small' }, seq([kindName('lever'), kindName('intermediate'), kindName('outcome')]), ' · ', t('graphHelp')),
    notices,
  );

  const edges = model.edges.map((e, i) => ({ id: `e${i}`, source: e.from, target: e.to, weight: e.weight, kind: e.weight >= 0 ? 'pos' : 'neg', label: fmtSigned(e.weight, 2) }));
  const cy = makeGraph(graph, ctx, {
    elements: [
      ...model.concepts.map((c) => ({ data: { id: c.id, label: bi(c.label), kind: c.kind, ...boxSize(bi(c.label)) } })),
      ...edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, w: Math.abs(e.weight), label: e.label, sign: e.kind } })),
    ],
    style: [
      {
        // Each concept is a box with its name inside: readable at the zoom the whole map fits.
        selector: 'node',
        style: {
          label: 'data(label)', 'font-size': BOX.font, 'text-wrap': 'wrap', 'text-max-width': `${BOX.text}px`, 'text-valign': 'center', 'text-halign': 'center',
          shape: 'round-rectangle', width: 'data(w)', height: 'data(h)', color: '#fff', 'background-color': '#56636f',
          'font-family': 'Noto Naskh Arabic, Noto Sans, sans-serif', 'min-zoomed-font-size': 6,
        },
      },
      ...Object.entries(KIND_COLORS).map(([k, color]) => ({ selector: `node[kind = "${k}"]`, style: { 'background-color': color } })),
      { selector: 'node.focused', style: { 'border-width': 4, 'border-color': '#e0a100', 'font-weight': 'bold' } },
      {
        selector: 'edge',
        style: {
          width: 'mapData(w, 0, 1, 1, 6)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.9, opacity: 0.75,
          'font-size': 11, 'text-background-color': '#fff', 'text-background-opacity': 0.9, 'text-background-padding': '2px',
        },
      },
      { selector: 'edge[sign = "pos"]', style: { 'line-color': '#1a7f37', 'target-arrow-color': '#1a7f37' } },
      { selector: 'edge[sign = "neg"]', style: { 'line-color': '#c62828', 'target-arrow-color': '#c62828', 'line-style': 'dashed' } },
      // The weight appears on the edge under the pointer or once selected, not on all 95 at once.
      { selector: 'edge.hovered, edge.hl', style: { label: 'data(label)', opacity: 1, 'z-index': 10 } },
      { selector: '.faded', style: { opacity: 0.12 } },
      { selector: '.hl', style: { 'overlay-color': '#e0a100', 'overlay-opacity': 0.25, 'overlay-padding': 4 } },
    ],
  });

  // Layered layout, cached per map and direction.
  const key = graphKey(['causal', lang(), ...model.concepts.map((c) => `${c.id}:${c.kind}`), ...model.edges.map((e) => `${e.from}>${e.to}`)]);
  const cached = synthetic ? null : cachedLayout(key);
  performance.mark('marsad:causal-layout-start');
  if (!cached || !applyPositions(cy, cached)) {
    const positions = layeredPositions(
      model.concepts.map((c) => ({ id: c.id, layer: LAYER[c.kind] ?? 'middle', ...dims(boxSize(bi(c.label))) })),
      edges,
      isRtl(),
    );
    cy.nodes().positions((n) => positions.get(n.id()) ?? { x: 0, y: 0 });
    if (!synthetic) saveLayout(key, cy);
  }
  performance.measure('marsad:causal-layout', 'marsad:causal-layout-start');

  const showEdge = (i: number) => {
    const e = model.edges[i];
    set(
      side,
      h('h2', { class: 'h3' }, seq([labelOf(e.from), labelOf(e.to)])),
      h(
        'dl',
        { class: 'kv' },
        h('dt', {}, t('weight')),
        h('dd', { class: e.weight >= 0 ? 'pos' : 'neg', id: 'edge-weight' }, fmtSigned(e.weight, 2)),
        h('dt', {}, t('range')),
        // Low end first in the reading direction, each number isolated (Arabic signs carry a letter mark).
        h('dd', {}, bdi(fmtSigned(e.range[0], 2)), ' … ', bdi(fmtSigned(e.range[1], 2))),
        e.strength ? [h('dt', {}, t('strength')), h('dd', {}, label(e.strength))] : null,
      ),
      e.note ? h('p', {}, bi(e.note)) : null,
      citeLinks(e.cite),
      e.cite.map((c) => citeQuote(c)),
    );
    cy.elements().removeClass('hl');
    cy.getElementById(`e${i}`).addClass('hl');
    revealOnPhone(side);
  };
  const showConcept = (id: string) => {
    const c = byId.get(id);
    const m = model.metrics.perConcept.find((x) => x.concept === id);
    set(
      side,
      h('h2', { class: 'h3' }, labelOf(id), ' ', h('span', { class: `badge kind-${c?.kind ?? ''}` }, label(c?.kind ?? ''))),
      c?.description ? h('p', {}, bi(c.description)) : null,
      m
        ? h(
            'dl',
            { class: 'kv' },
            h('dt', {}, `${t('from')} / ${t('to')}`),
            h('dd', {}, `${fmtNumber(m.inDegree)} / ${fmtNumber(m.outDegree)}`),
            h('dt', {}, t('metrics')),
            h('dd', {}, `${label(m.role)} · ${fmtNumber(m.centrality, 2)}`),
          )
        : null,
    );
  };

  const ex = explorer({
    ctx,
    cy,
    nodes: model.concepts.map((c) => ({ id: c.id, label: bi(c.label), kind: c.kind })),
    edges,
    nodeKinds: ['lever', 'intermediate', 'outcome'].map((k) => ({ id: k, label: kindName(k) })),
    edgeKinds: [
      { id: 'pos', label: t('positive') },
      { id: 'neg', label: t('negative') },
    ],
    weights: true,
    searchLabel: t('searchConcept'),
    params,
    writeUrl: synthetic ? undefined : (p) => replaceRoute(href(lang(), 'causal', [], Object.fromEntries(p))),
    edgeText: (e) => fmtSigned(e.weight ?? 0, 2),
    onNode: showConcept,
    onEdge: (id) => {
      const i = Number(id.slice(1));
      showEdge(i);
      params.set('edge', `${model.edges[i].from}>${model.edges[i].to}`);
      replaceRoute(href(lang(), 'causal', [], Object.fromEntries(params)));
    },
  });
  add(
    root,
    ex.tools,
    h('div', { class: 'split' }, h('div', { class: 'graph-wrap' }, graph, ex.overlay), h('div', {}, side, loops)),
    ex.table,
  );
  cy.resize();
  ex.apply();

  const focusParam = ctx.route.params.get('focus');
  if (focusParam && !byId.has(focusParam)) add(notices, unknownNotice('unknownConcept', focusParam));
  if (ex.filters.focus) showConcept(ex.filters.focus);
  const edgeParam = ctx.route.params.get('edge');
  if (edgeParam) {
    const i = model.edges.findIndex((e) => `${e.from}>${e.to}` === edgeParam);
    if (i >= 0) showEdge(i);
    else add(notices, unknownNotice('unknownConcept', edgeParam));
  }

  add(
    loops,
    h('h2', { class: 'h3' }, `${t('loops')} (${plural(model.loops.loops.length, COUNTS.loops)}${model.loops.truncated ? '+' : ''})`),
    h('p', { class: 'muted' }, `${label('reinforcing')} ${fmtNumber(model.loops.reinforcing)} · ${label('balancing')} ${fmtNumber(model.loops.balancing)}`),
  );
  const buttons: HTMLButtonElement[] = [];
  model.loops.loops.slice(0, 30).forEach((loop) => {
    const b = h(
      'button',
      { type: 'button', 'aria-pressed': 'false', onclick: () => highlightLoop(loop, b) },
      h('span', { class: loop.polarity === 'reinforcing' ? 'pos' : 'neg' }, label(loop.polarity)),
      ': ',
      seq(loop.concepts.map(labelOf), { loop: true }),
    );
    buttons.push(b);
    add(loops, b);
  });
  function highlightLoop(loop: Loop, button: HTMLButtonElement) {
    for (const b of buttons) {
      b.classList.toggle('active', b === button);
      b.setAttribute('aria-pressed', String(b === button));
    }
    cy.elements().addClass('faded').removeClass('hl');
    loop.concepts.forEach((id, k) => {
      const next = loop.concepts[(k + 1) % loop.concepts.length];
      cy.getElementById(id).removeClass('faded').addClass('hl').style('display', 'element');
      cy.edges(`[source = "${id}"][target = "${next}"]`).removeClass('faded').addClass('hl').style('display', 'element');
    });
    fitReadable(cy);
  }
};

function kindName(kind: string): string {
  return t(kind === 'lever' ? 'kindLever' : kind === 'intermediate' ? 'kindIntermediate' : 'kindOutcome');
}

/** Box geometry of a concept node, in px: the name wraps inside at `text` px. */
const BOX = { font: 13, text: 150, line: 17, pad: 12 };

/** A concept's box: as wide as its name needs up to the wrap width, one line of height per wrap. */
export function boxSize(label: string): { w: number; h: number } {
  // An average glyph of Noto Naskh / Noto Sans at 13 px is about 6.5 px wide.
  const width = label.length * 6.5;
  const lines = Math.max(1, Math.ceil(width / BOX.text));
  return { w: Math.round(Math.min(width, BOX.text) + BOX.pad), h: lines * BOX.line + BOX.pad };
}

function dims(b: { w: number; h: number }): { width: number; height: number } {
  return { width: b.w, height: b.h };
}

/** On a phone the detail panel sits under the graph: bring it into view when it changes. */
function revealOnPhone(el: HTMLElement): void {
  const box = el.getBoundingClientRect();
  if (box.top > window.innerHeight - 40) el.scrollIntoView({ block: 'nearest' });
}

/** The route answers metrics and loops unless told not to; the page relies on them. */
function withMetrics(m: ApiGetResponse<'model'>): ModelView {
  if (!m.metrics || !m.loops) throw new Error('the model came without its metrics and loops');
  return m as ModelView;
}

/** A deterministic random map (linear congruential generator): n concepts, about 2n edges. */
function syntheticModel(n: number): ModelView {
  let state = 42;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const kinds = ['lever', 'intermediate', 'outcome'] as const;
  const concepts: Concept[] = Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    kind: kinds[i < n / 10 ? 0 : i > (n * 8) / 10 ? 2 : 1],
    label: { ar: `مفهوم ${i}`, en: `concept ${i}` },
  }));
  const seen = new Set<string>();
  const edges: ModelView['edges'] = [];
  for (let i = 1; i < n; i++) {
    for (let k = 0; k < 2; k++) {
      const j = Math.floor(next() * n);
      if (j === i || seen.has(`${j}>${i}`)) continue;
      seen.add(`${j}>${i}`);
      const w = Math.round((next() * 2 - 1) * 100) / 100;
      edges.push({ from: `c${j}`, to: `c${i}`, weight: w, range: [Math.max(-1, w - 0.1), Math.min(1, w + 0.1)], cite: [] });
    }
  }
  return {
    concepts,
    edges,
    stakes: [],
    metrics: {
      density: edges.length / (n * n),
      concepts: n,
      edges: edges.length,
      drivers: 0,
      receivers: 0,
      ordinary: 0,
      isolated: 0,
      complexity: null,
      positiveEdges: edges.filter((e) => e.weight > 0).length,
      negativeEdges: edges.filter((e) => e.weight < 0).length,
      perConcept: [],
    },
    loops: { loops: [], reinforcing: 0, balancing: 0, truncated: false },
  };
}
