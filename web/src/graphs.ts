/**
 * Cytoscape.js set-up shared by the graph pages: the CSP-safe container, disposal on
 * navigation, layouts cached between visits, and the explorer around a graph — search, focus
 * on a node's neighbourhood (n steps), filters by node kind, edge kind and weight, zoom buttons
 * for touch and keyboard, details on hover, and the graph's text alternative (its links as a
 * table whose names are buttons). Filters and focus live in the URL.
 */
import cytoscape from 'cytoscape';
import { bdi, h, set } from './dom.js';
import { fmtNumber, isRtl, lang, t } from './i18n.js';
import { announce } from './notice.js';
import type { PageContext } from './page.js';
import { seq } from './sequence.js';

export { cytoscape };

// Cytoscape injects a <style> element (refused by our CSP) unless an element with this id
// exists; the one rule it would add lives in styles.css instead.
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.append(marker);
}

export function makeGraph(el: HTMLElement, ctx: PageContext, options: cytoscape.CytoscapeOptions): cytoscape.Core {
  const cy = cytoscape({ container: el, layout: { name: 'preset' }, minZoom: 0.05, maxZoom: 3, wheelSensitivity: 0.3, ...options });
  ctx.onLeave(() => cy.destroy());
  return cy;
}

type Positions = Record<string, [number, number]>;

/** A short, stable fingerprint of a graph's shape, so a cached layout is used only for that graph. */
export function graphKey(parts: string[]): string {
  let h1 = 0x811c9dc5;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) h1 = Math.imul(h1 ^ p.charCodeAt(i), 16777619);
    h1 = Math.imul(h1 ^ 10, 16777619);
  }
  return (h1 >>> 0).toString(36);
}

/** Positions saved by an earlier visit, or null. */
export function cachedLayout(key: string): Positions | null {
  try {
    const raw = localStorage.getItem(`marsad:layout:${key}`);
    return raw ? (JSON.parse(raw) as Positions) : null;
  } catch (error) {
    console.warn('marsad: ignoring an unreadable cached layout', error);
    return null;
  }
}

export function saveLayout(key: string, cy: cytoscape.Core): void {
  const out: Positions = {};
  cy.nodes().forEach((n) => {
    if (n.isParent()) return;
    const p = n.position();
    out[n.id()] = [Math.round(p.x), Math.round(p.y)];
  });
  try {
    localStorage.setItem(`marsad:layout:${key}`, JSON.stringify(out));
  } catch (error) {
    // A full storage only costs the next visit a layout run.
    console.warn('marsad: could not cache the layout', error);
  }
}

export function applyPositions(cy: cytoscape.Core, positions: Positions): boolean {
  const nodes = cy.nodes().filter((n) => !n.isParent());
  if (!nodes.toArray().every((n) => positions[n.id()] !== undefined)) return false;
  nodes.positions((n) => ({ x: positions[n.id()][0], y: positions[n.id()][1] }));
  return true;
}

/** Fits the visible graph, but never so small that labels vanish on a phone. */
export function fitReadable(cy: cytoscape.Core, around?: cytoscape.NodeSingular): void {
  const visible = cy.elements(':visible');
  cy.fit(visible.length ? visible : undefined, 24);
  const narrow = (cy.container()?.clientWidth ?? 1000) < 600;
  const floor = narrow ? 0.6 : 0.45;
  if (cy.zoom() < floor) {
    const centre = around ?? visible.nodes().max((n) => n.degree(false)).ele;
    cy.zoom({ level: floor, position: centre?.position() ?? { x: 0, y: 0 } });
    if (centre) cy.center(centre);
  }
}

/** A button showing a symbol, named by text that screen readers read instead of the symbol. */
function iconButton(symbol: string, name: string, onclick: () => void): HTMLButtonElement {
  return h('button', { type: 'button', title: name, onclick }, h('span', { 'aria-hidden': 'true' }, symbol), h('span', { class: 'sr-only' }, name));
}

export interface ExplorerNode { id: string; label: string; kind: string }
export interface ExplorerEdge { id: string; source: string; target: string; kind: string; weight?: number; label: string }
export interface ExplorerFilters { focus?: string; hops: number; hiddenKinds: Set<string>; hiddenEdgeKinds: Set<string>; minWeight: number }

export interface ExplorerOptions {
  ctx: PageContext;
  cy: cytoscape.Core;
  nodes: ExplorerNode[];
  edges: ExplorerEdge[];
  nodeKinds: Array<{ id: string; label: string }>;
  edgeKinds: Array<{ id: string; label: string }>;
  /** Offer a minimum |weight| slider (weighted edges only). */
  weights: boolean;
  searchLabel: string;
  /** The page's URL parameters; the explorer keeps its own (focus, hops, hide…) in them. */
  params: URLSearchParams;
  /** Writes the parameters back into the URL (without re-rendering); absent: not kept. */
  writeUrl?(params: URLSearchParams): void;
  /** The edge's text for hover and table, e.g. its signed weight or relation name. */
  edgeText(e: ExplorerEdge): string;
  onNode?(id: string): void;
  onEdge?(id: string): void;
}

/** Reads the explorer's filters from the URL: focus, hops, hidden kinds, minimum weight. */
export function readFilters(params: URLSearchParams, nodeIds: Set<string>): ExplorerFilters {
  const focus = params.get('focus') ?? undefined;
  const hops = Math.min(Math.max(Number(params.get('hops') ?? 1) || 1, 1), 5);
  const list = (k: string) => new Set((params.get(k) ?? '').split(',').filter(Boolean));
  const min = Math.min(Math.max(Number(params.get('min') ?? 0) || 0, 0), 1);
  return { focus: focus && nodeIds.has(focus) ? focus : undefined, hops, hiddenKinds: list('hide'), hiddenEdgeKinds: list('hideEdges'), minWeight: min };
}

/**
 * Builds the controls and the text alternative around an existing graph and keeps the three in
 * step. Returns the elements to place: tools above the graph, the table below it.
 */
export function explorer(o: ExplorerOptions): { tools: HTMLElement; overlay: HTMLElement; table: HTMLElement; filters: ExplorerFilters; apply(): void; setFocus(id: string | undefined): void } {
  const { cy } = o;
  const byId = new Map(o.nodes.map((n) => [n.id, n]));
  const filters = readFilters(o.params, new Set(byId.keys()));
  const listId = `graph-names-${Math.random().toString(36).slice(2, 8)}`;
  const search = h('input', { type: 'search', name: 'find', list: listId, dir: 'auto', autocomplete: 'off', placeholder: o.searchLabel, 'aria-label': o.searchLabel, value: filters.focus ? byId.get(filters.focus)?.label ?? '' : '' });
  const names = h('datalist', { id: listId }, [...o.nodes].sort((a, b) => a.label.localeCompare(b.label, lang())).map((n) => h('option', { value: n.label })));
  const hops = h(
    'select',
    { name: 'hops', 'aria-label': t('hops') },
    [1, 2, 3].map((n) => h('option', { value: n, selected: n === filters.hops }, fmtNumber(n))),
  );
  const status = h('p', { class: 'graph-status', role: 'status' });
  const checkbox = (group: Set<string>, id: string, text: string) => {
    const box = h('input', { type: 'checkbox', checked: !group.has(id), value: id });
    box.addEventListener('change', () => {
      if (box.checked) group.delete(id);
      else group.add(id);
      apply();
    });
    return h('label', {}, box, text);
  };
  const weight = h('input', { type: 'range', name: 'min', min: 0, max: 1, step: 0.05, value: filters.minWeight, 'aria-label': t('minWeight') });
  const weightOut = h('output', {}, fmtNumber(filters.minWeight, 2));
  weight.addEventListener('input', () => {
    filters.minWeight = Number(weight.value);
    weightOut.textContent = fmtNumber(filters.minWeight, 2);
    apply();
  });
  const findNode = (text: string) => {
    const q = text.trim().toLocaleLowerCase();
    if (!q) return undefined;
    return o.nodes.find((n) => n.label.toLocaleLowerCase() === q) ?? o.nodes.find((n) => n.label.toLocaleLowerCase().includes(q) || n.id === q);
  };
  search.addEventListener('change', () => {
    const hit = findNode(search.value);
    setFocus(hit?.id);
  });
  search.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      setFocus(findNode(search.value)?.id);
    }
  });
  hops.addEventListener('change', () => {
    filters.hops = Number(hops.value);
    apply();
  });
  const reset = h('button', { type: 'button', class: 'secondary', onclick: () => resetAll() }, t('reset'));
  const tools = h(
    'div',
    { class: 'graph-tools' },
    h('label', { class: 'stack' }, o.searchLabel, search, names),
    h('label', { class: 'stack' }, t('hops'), hops),
    o.nodeKinds.length > 1 ? h('fieldset', {}, h('legend', {}, t('kinds')), o.nodeKinds.map((k) => checkbox(filters.hiddenKinds, k.id, k.label))) : null,
    o.edgeKinds.length > 1 ? h('fieldset', {}, h('legend', {}, o.weights ? t('sign') : t('relationTypes')), o.edgeKinds.map((k) => checkbox(filters.hiddenEdgeKinds, k.id, k.label))) : null,
    o.weights ? h('label', { class: 'stack' }, t('minWeight'), h('span', {}, weight, ' ', weightOut)) : null,
    reset,
  );
  const hover = h('div', { class: 'graph-hover', 'aria-hidden': 'true' });
  const zoom = (factor: number) => cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  const overlay = h(
    'div',
    { class: 'graph-overlay' },
    h(
      'div',
      { class: 'graph-buttons' },
      iconButton('+', t('zoomIn'), () => zoom(1.3)),
      iconButton('−', t('zoomOut'), () => zoom(1 / 1.3)),
      iconButton('⤢', t('fit'), () => fitReadable(cy, filters.focus ? cy.getElementById(filters.focus) : undefined)),
    ),
    hover,
  );
  const tbody = h('tbody');
  const table = h(
    'details',
    { class: 'alt', id: 'graph-table' },
    h('summary', {}, t('graphTable')),
    status,
    h(
      'table',
      { class: 'reflow' },
      h('thead', {}, h('tr', {}, [t('link'), o.weights ? t('weight') : t('edgeRelation')].map((x) => h('th', { scope: 'col' }, x)))),
      tbody,
    ),
  );

  const nodeButton = (id: string) =>
    h('button', { type: 'button', class: 'button-link', onclick: () => setFocus(id) }, byId.get(id)?.label ?? id);

  function visibleEdge(e: ExplorerEdge): boolean {
    return !filters.hiddenEdgeKinds.has(e.kind) && (e.weight === undefined || Math.abs(e.weight) >= filters.minWeight - 1e-9) && !filters.hiddenKinds.has(byId.get(e.source)?.kind ?? '') && !filters.hiddenKinds.has(byId.get(e.target)?.kind ?? '');
  }

  function apply(): void {
    const shownEdges = o.edges.filter(visibleEdge);
    let keep: Set<string> | undefined;
    if (filters.focus) {
      keep = new Set([filters.focus]);
      let frontier = [filters.focus];
      for (let k = 0; k < filters.hops; k++) {
        const next: string[] = [];
        for (const e of shownEdges) {
          for (const [a, b] of [[e.source, e.target], [e.target, e.source]]) {
            if (frontier.includes(a) && !keep.has(b)) {
              keep.add(b);
              next.push(b);
            }
          }
        }
        frontier = next;
      }
    }
    const nodeOk = (id: string) => !filters.hiddenKinds.has(byId.get(id)?.kind ?? '') && (!keep || keep.has(id));
    const edgeOk = (e: ExplorerEdge) => visibleEdge(e) && nodeOk(e.source) && nodeOk(e.target);
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        if (n.isParent()) return;
        n.style('display', nodeOk(n.id()) ? 'element' : 'none');
        n.toggleClass('focused', n.id() === filters.focus);
      });
      const okEdges = new Set(o.edges.filter(edgeOk).map((e) => e.id));
      cy.edges().forEach((e) => {
        e.style('display', okEdges.has(e.id()) ? 'element' : 'none');
      });
      // Group boxes with nothing left inside disappear too.
      cy.nodes().forEach((n) => {
        if (n.isParent()) n.style('display', n.children().some((c) => c.style('display') !== 'none') ? 'element' : 'none');
      });
    });
    const rows = o.edges.filter(edgeOk);
    set(
      tbody,
      rows.map((e) =>
        h(
          'tr',
          { 'data-edge': e.id },
          h('td', { 'data-label': t('link') }, seq([nodeButton(e.source), nodeButton(e.target)])),
          h('td', { 'data-label': o.weights ? t('weight') : t('edgeRelation') }, o.onEdge ? h('button', { type: 'button', class: 'button-link', onclick: () => o.onEdge!(e.id) }, o.edgeText(e)) : o.edgeText(e)),
        ),
      ),
    );
    const nodeCount = o.nodes.filter((n) => nodeOk(n.id)).length;
    const text = `${fmtNumber(nodeCount)} / ${fmtNumber(o.nodes.length)} · ${fmtNumber(rows.length)} / ${fmtNumber(o.edges.length)} ${t('shownOf')}`;
    status.textContent = text;
    const next: Record<string, string | undefined> = {
      focus: filters.focus,
      hops: filters.focus && filters.hops !== 1 ? String(filters.hops) : undefined,
      hide: [...filters.hiddenKinds].join(',') || undefined,
      hideEdges: [...filters.hiddenEdgeKinds].join(',') || undefined,
      min: filters.minWeight > 0 ? String(filters.minWeight) : undefined,
    };
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined) o.params.delete(k);
      else o.params.set(k, v);
    }
    o.writeUrl?.(o.params);
    fitReadable(cy, filters.focus ? cy.getElementById(filters.focus) : undefined);
  }

  function setFocus(id: string | undefined): void {
    filters.focus = id && byId.has(id) ? id : undefined;
    search.value = filters.focus ? byId.get(filters.focus)!.label : '';
    apply();
    if (filters.focus) {
      announce(`${t('focus')}: ${byId.get(filters.focus)!.label}`);
      o.onNode?.(filters.focus);
    }
  }

  function resetAll(): void {
    filters.focus = undefined;
    filters.hiddenKinds.clear();
    filters.hiddenEdgeKinds.clear();
    filters.minWeight = 0;
    filters.hops = 1;
    search.value = '';
    weight.value = '0';
    weightOut.textContent = fmtNumber(0, 2);
    hops.value = '1';
    for (const box of tools.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = true;
    apply();
  }

  const byEdgeId = new Map(o.edges.map((e) => [e.id, e]));
  cy.on('mouseover', 'edge', (ev) => {
    const e = byEdgeId.get(ev.target.id());
    if (!e) return;
    ev.target.addClass('hovered');
    set(hover, seq([byId.get(e.source)?.label ?? e.source, byId.get(e.target)?.label ?? e.target]), ' · ', h('strong', {}, o.edgeText(e)));
  });
  cy.on('mouseout', 'edge', (ev) => {
    ev.target.removeClass('hovered');
    set(hover);
  });
  cy.on('mouseover', 'node', (ev) => {
    if (ev.target.isParent()) return;
    set(hover, bdi(byId.get(ev.target.id())?.label ?? ev.target.id()));
  });
  cy.on('mouseout', 'node', () => set(hover));
  cy.on('tap', 'node', (ev) => {
    if (!ev.target.isParent()) setFocus(ev.target.id());
  });
  cy.on('tap', 'edge', (ev) => {
    o.onEdge?.(ev.target.id());
  });
  void isRtl;
  return { tools, overlay, table, filters, apply, setFocus };
}
