/**
 * Causal map: the fuzzy cognitive map in Cytoscape (fcose layout). Edges are coloured by sign
 * and sized by weight; clicking one shows its weight, plausible range and citations; clicking
 * a feedback loop highlights it on the graph.
 */
import { get } from '../api.js';
import { makeGraph, runLayout } from '../graphs.js';
import { citeLinks, citeQuote, type Cite } from '../cite.js';
import { add, h, set } from '../dom.js';
import { bi, fmtNumber, fmtSigned, label, lang, t } from '../i18n.js';
import type { Page } from '../page.js';
import { href } from '../router.js';
import type { Concept, Edge } from '../types.js';

interface Loop { concepts: string[]; length: number; polarity: 'reinforcing' | 'balancing'; gain: number }
interface ModelView {
  concepts: Concept[];
  edges: Array<Edge & { cite: Cite[] }>;
  metrics: { density: number; concepts: number; edges: number; perConcept: Array<{ concept: string; role: string; inDegree: number; outDegree: number; centrality: number }> };
  loops: { loops: Loop[]; reinforcing: number; balancing: number; truncated: boolean };
}

const KIND_COLORS: Record<string, string> = { lever: '#12343b', intermediate: '#7a8a99', outcome: '#b26a00' };

export const causalPage: Page = async (root, ctx) => {
  // `?synthetic=N` lays out a generated N-concept map instead: the layout benchmark uses it.
  const synthetic = Math.min(Number(ctx.route.params.get('synthetic') ?? 0) || 0, 2000);
  const model = synthetic > 0 ? syntheticModel(synthetic) : await get<ModelView>('model');
  const labelOf = (id: string) => bi(model.concepts.find((c) => c.id === id)?.label) || id;
  const graph = h('div', { class: 'graph', id: 'causal-graph' });
  const side = h('aside', { class: 'card side', id: 'causal-detail' }, h('p', { class: 'muted' }, t('clickEdge')));
  const loops = h('div', { class: 'card loop-list', id: 'loops' });
  add(root, 
    h('h1', {}, t('causal')),
    h(
      'p',
      { class: 'legend' },
      ['lever', 'intermediate', 'outcome'].map((k) => h('span', { class: `badge kind-${k}` }, label(k))),
      h('span', { class: 'pos' }, '+'),
      h('span', { class: 'neg' }, '−'),
      h('span', { class: 'muted' }, `${t('density')} ${fmtNumber(model.metrics.density, 3)}`),
    ),
    h('div', { class: 'split' }, graph, h('div', {}, side, loops)),
  );

  const cy = makeGraph(graph, ctx, {
    elements: [
      ...model.concepts.map((c) => ({ data: { id: c.id, label: bi(c.label), kind: c.kind } })),
      ...model.edges.map((e, i) => ({
        data: { id: `e${i}`, source: e.from, target: e.to, weight: e.weight, w: Math.abs(e.weight), label: fmtSigned(e.weight, 2), sign: e.weight >= 0 ? 'pos' : 'neg' },
      })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)', 'font-size': 11, 'text-wrap': 'wrap', 'text-max-width': '120px', 'text-valign': 'bottom', 'text-margin-y': 4,
          width: 22, height: 22, 'background-color': '#7a8a99', 'font-family': 'Noto Naskh Arabic, Noto Sans, sans-serif',
        },
      },
      ...Object.entries(KIND_COLORS).map(([k, color]) => ({ selector: `node[kind = "${k}"]`, style: { 'background-color': color } })),
      {
        selector: 'edge',
        style: {
          width: 'mapData(w, 0, 1, 1, 6)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', label: 'data(label)', 'font-size': 9,
          'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': '1px',
        },
      },
      { selector: 'edge[sign = "pos"]', style: { 'line-color': '#1a7f37', 'target-arrow-color': '#1a7f37' } },
      { selector: 'edge[sign = "neg"]', style: { 'line-color': '#c62828', 'target-arrow-color': '#c62828', 'line-style': 'dashed' } },
      { selector: '.faded', style: { opacity: 0.15 } },
      { selector: '.hl', style: { 'overlay-color': '#e0a100', 'overlay-opacity': 0.25, 'overlay-padding': 4 } },
    ],
  });
  performance.mark('marsad:causal-layout-start');
  runLayout(cy, { nodeRepulsion: 9000 });
  performance.measure('marsad:causal-layout', 'marsad:causal-layout-start');

  const showEdge = (i: number) => {
    const e = model.edges[i];
    set(side, 
      h('h3', {}, labelOf(e.from), ' → ', labelOf(e.to)),
      h(
        'dl',
        { class: 'kv' },
        h('dt', {}, t('weight')),
        h('dd', { class: e.weight >= 0 ? 'pos' : 'neg', id: 'edge-weight' }, fmtSigned(e.weight, 2)),
        h('dt', {}, t('range')),
        h('dd', {}, `[${fmtSigned(e.range[0], 2)}، ${fmtSigned(e.range[1], 2)}]`),
        e.strength ? [h('dt', {}, t('strength')), h('dd', {}, label(e.strength))] : null,
      ),
      e.note ? h('p', {}, bi(e.note)) : null,
      citeLinks(e.cite),
      e.cite.map((c) => citeQuote(c)),
    );
  };
  const showConcept = (id: string) => {
    const c = model.concepts.find((x) => x.id === id);
    const m = model.metrics.perConcept.find((x) => x.concept === id);
    set(side, 
      h('h3', {}, labelOf(id), ' ', h('span', { class: 'badge' }, label(c?.kind ?? ''))),
      c?.description ? h('p', {}, bi(c.description)) : null,
      m
        ? h('dl', { class: 'kv' }, h('dt', {}, 'in / out'), h('dd', {}, `${fmtNumber(m.inDegree)} / ${fmtNumber(m.outDegree)}`), h('dt', {}, t('metrics')), h('dd', {}, `${label(m.role)} · ${fmtNumber(m.centrality, 2)}`))
        : null,
    );
  };
  cy.on('tap', 'edge', (ev) => {
    const i = Number(ev.target.id().slice(1));
    showEdge(i);
    history.replaceState(null, '', href(lang(), 'causal', [], { edge: `${model.edges[i].from}>${model.edges[i].to}` }));
  });
  cy.on('tap', 'node', (ev) => showConcept(ev.target.id()));
  const edgeParam = ctx.route.params.get('edge');
  if (edgeParam) {
    const i = model.edges.findIndex((e) => `${e.from}>${e.to}` === edgeParam);
    if (i >= 0) {
      showEdge(i);
      cy.getElementById(`e${i}`).addClass('hl');
    }
  }

  add(loops, 
    h('h3', {}, `${t('loops')} (${fmtNumber(model.loops.loops.length)}${model.loops.truncated ? '+' : ''})`),
    h('p', { class: 'muted' }, `${label('reinforcing')} ${fmtNumber(model.loops.reinforcing)} · ${label('balancing')} ${fmtNumber(model.loops.balancing)}`),
  );
  const buttons: HTMLButtonElement[] = [];
  model.loops.loops.slice(0, 30).forEach((loop) => {
    const b = h(
      'button',
      { type: 'button', onclick: () => highlightLoop(loop, b) },
      h('span', { class: loop.polarity === 'reinforcing' ? 'pos' : 'neg' }, label(loop.polarity)),
      ': ',
      loop.concepts.map(labelOf).join(' → '),
    );
    buttons.push(b);
    add(loops, b);
  });
  function highlightLoop(loop: Loop, button: HTMLButtonElement) {
    for (const b of buttons) b.classList.toggle('active', b === button);
    cy.elements().addClass('faded').removeClass('hl');
    loop.concepts.forEach((id, k) => {
      const next = loop.concepts[(k + 1) % loop.concepts.length];
      cy.getElementById(id).removeClass('faded').addClass('hl');
      cy.edges(`[source = "${id}"][target = "${next}"]`).removeClass('faded').addClass('hl');
    });
  }
};

/** A deterministic random map (linear congruential generator): n concepts, about 2n edges. */
function syntheticModel(n: number): ModelView {
  let state = 42;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const kinds = ['lever', 'intermediate', 'outcome'];
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
    metrics: { density: edges.length / (n * n), concepts: n, edges: edges.length, perConcept: [] },
    loops: { loops: [], reinforcing: 0, balancing: 0, truncated: false },
  };
}
