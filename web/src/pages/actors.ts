/**
 * Actors: the list by type, the selected actor (stances with quotes, relations, events), a
 * stance map (actor × date, coloured by position, with its data as a table) and the relations
 * graph with the explorer: grouped by type or by alliance, filtered by relation, focused on an
 * actor's neighbourhood. The graph's layout is cached between visits.
 */
import { ApiError, get } from '../api.js';
import { base, dataTable, makeChart, startSide, timeAxis } from '../charts.js';
import { citeLinks, citeQuote } from '../cite.js';
import { add, bdi, h } from '../dom.js';
import { applyPositions, cachedLayout, explorer, graphKey, makeGraph, saveLayout } from '../graphs.js';
import { groupPositions } from '../group-layout.js';
import { bi, dateOf, fmtAxisDate, fmtDate, isRtl, label, lang, listSep, t } from '../i18n.js';
import { actorLink, actorMap, actorName, itemHistoryLink } from '../lookup.js';
import { unknownNotice } from '../notice.js';
import type { ApiGetResponse } from '../api.js';
import type { Page, PageContext } from '../page.js';
import { href, replaceRoute } from '../router.js';
import { seq } from '../sequence.js';
import type { Actor, CaseEvent, Issue, Stance } from '../types.js';

const POSITION_COLORS: Record<string, string> = {
  support: '#1a7f37',
  oppose: '#c62828',
  conditional: '#b26a00',
  reserved: '#6a5acd',
  ambiguous: '#6b6b6b',
};

type ActorDetail = ApiGetResponse<'actors/:id'>;

const GROUPINGS = ['type', 'alliance', 'none'] as const;
type Grouping = (typeof GROUPINGS)[number];

export const actorsPage: Page = async (root, ctx) => {
  const [id] = ctx.route.args;
  const stanceParam = ctx.route.params.get('stance');
  const [actors, stances] = await Promise.all([actorMap(), get('stances')]);
  const selectedId = id ?? (stanceParam ? stances.items.find((s) => s.id === stanceParam)?.actor : undefined);
  const byType = new Map<string, Actor[]>();
  for (const a of actors.values()) byType.set(a.type, [...(byType.get(a.type) ?? []), a]);
  const list = h(
    'nav',
    { class: 'card doc-list', id: 'actor-list', 'aria-label': t('allActors') },
    h('h2', {}, t('allActors')),
    [...byType].map(([type, items]) => [
      h('h3', {}, label(type)),
      h('ul', { class: 'plain compact' }, items.map((a) => h('li', {}, h('a', { href: href(lang(), 'actors', [a.id]), class: a.id === selectedId ? 'active' : '', 'aria-current': a.id === selectedId ? 'true' : null }, bdi(bi(a.name)))))),
    ]),
  );
  const detail = h('section', { class: 'card', id: 'actor-detail', 'aria-label': t('details') });
  add(root, h('h1', {}, t('actors')), h('div', { class: 'two-col' }, list, detail));

  if (selectedId) {
    try {
      const d = await get('actors/:id', { id: selectedId });
      renderDetail(detail, d, actors, stances.issues, stanceParam);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      add(detail, unknownNotice('unknownActor', selectedId, [{ href: href(lang(), 'actors'), label: t('allActors') }]));
    }
  } else {
    add(detail, h('p', { class: 'muted' }, t('chooseActor')));
  }

  const stanceChart = h('div', { class: 'chart tall', id: 'stance-map' });
  const graphBox = h('section', { id: 'relations' });
  add(
    root,
    h('h2', {}, t('stanceMap')),
    h('div', { class: 'card' }, h('p', { class: 'muted small' }, t('stanceMapSummary'), ' ', t('attributedHint')), stanceChart, stanceTable(stances.items, stances.issues, actors)),
    h('h2', {}, t('relations')),
    graphBox,
  );
  // The list and the selected actor come first; the chart and the graph below them are drawn in
  // the next frames, so the page is readable while the libraries lay them out.
  ctx.defer(
    nextFrame()
      .then(() => ctx.alive() && drawStanceMap(stanceChart, ctx, stances.items, stances.issues, actors))
      .then(nextFrame)
      .then(() => ctx.alive() && drawRelations(graphBox, ctx, actors, selectedId)),
  );
};

/** A stance list; an author's reading of the actor names who attributes it. */
function stanceList(stances: Stance[], issue: (id: string) => string, actors: Map<string, Actor>, stanceId: string | null): HTMLElement {
  return h(
    'ul',
    { class: 'plain' },
    stances.map((s) =>
      h(
        'li',
        { id: `stance-${s.id}`, class: s.id === stanceId ? 'active' : '' },
        h('span', { class: 'date' }, fmtDate(s.date)),
        h('span', { class: 'badge', 'data-position': s.position }, label(s.position)),
        ' ',
        h('strong', {}, issue(s.issue)),
        s.voice === 'attributed' && s.attributed_by ? [' (', t('attributedBy'), ' ', actorLink(actors, s.attributed_by), ')'] : null,
        ': ',
        bi(s.summary),
        citeLinks(s.cite),
        s.cite[0] ? citeQuote({ ...s.cite[0], quote: s.quote ?? s.cite[0].quote }) : null,
      ),
    ),
  );
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

function renderDetail(el: HTMLElement, d: ActorDetail, actors: Map<string, Actor>, issues: Issue[], stanceId: string | null): void {
  const issue = (id: string) => bi(issues.find((i) => i.id === id)?.label) || id;
  add(
    el,
    h('h2', {}, bdi(bi(d.actor.name)), ' ', h('span', { class: 'badge' }, label(d.actor.type)), citeLinks(d.actor.cite)),
    d.actor.description ? h('p', {}, bi(d.actor.description)) : null,
    h('p', {}, itemHistoryLink('actors', d.actor.id)),
    d.actor.aliases.length ? h('p', { class: 'muted' }, t('aliases'), ': ', d.actor.aliases.map((a, i) => [i ? listSep() : '', bdi(a)])) : null,
    h('h3', {}, t('stances')),
    stanceList(d.stances, issue, actors, stanceId),
    d.attributed.length ? h('h3', {}, t('attributedStances')) : null,
    d.attributed.length ? stanceList(d.attributed, issue, actors, stanceId) : null,
    d.relations.length + d.incoming.length ? h('h3', {}, t('relations')) : null,
    h(
      'ul',
      { class: 'plain', id: 'actor-relations' },
      [...d.relations, ...d.incoming].map((r) =>
        h('li', {}, seq([actorLink(actors, r.source), actorLink(actors, r.target)]), ' ', h('span', { class: 'badge' }, label(r.type))),
      ),
    ),
    d.events.length ? h('h3', {}, t('events')) : null,
    h(
      'ul',
      { class: 'plain' },
      d.events.map((e) =>
        h('li', {}, h('span', { class: 'date' }, fmtDate(e.date)), h('a', { href: href(lang(), 'timeline', [], { event: e.id }) }, bdi(bi(e.title))), citeLinks(e.cite)),
      ),
    ),
  );
  if (stanceId) requestAnimationFrame(() => document.getElementById(`stance-${stanceId}`)?.scrollIntoView({ block: 'center' }));
}

function stanceTable(stances: Stance[], issues: Issue[], actors: Map<string, Actor>): HTMLElement {
  const issue = (id: string) => bi(issues.find((i) => i.id === id)?.label) || id;
  const sorted = [...stances].sort((a, b) => dateOf(a.date).getTime() - dateOf(b.date).getTime());
  return dataTable(
    t('stanceMap'),
    [t('actor'), t('issue'), t('position'), t('date')],
    sorted.map((s) => [actorLink(actors, s.actor), issue(s.issue), label(s.position), fmtDate(s.date)]),
    'stance-table',
  );
}

function drawStanceMap(el: HTMLElement, ctx: PageContext, stances: Stance[], issues: Issue[], actors: Map<string, Actor>): void {
  const actorIds = [...new Set(stances.map((s) => s.actor))];
  const names = actorIds.map((a) => actorName(actors, a));
  const positions = Object.keys(POSITION_COLORS);
  // One row per actor, and the view opens on the recent years where most statements are
  // (the slider reaches back to the oldest).
  el.style.height = `${Math.max(380, 110 + actorIds.length * 18)}px`;
  const times = stances.map((s) => dateOf(s.date).getTime()).sort((x, y) => x - y);
  const openFrom = times.length ? times[Math.floor(times.length * 0.1)] - 60 * 86_400_000 : undefined;
  const chart = makeChart(el, ctx, `${t('stanceMap')}. ${t('stanceMapSummary')}`);
  const issueLabel = (id: string) => bi(issues.find((i) => i.id === id)?.label) || id;
  const narrow = el.clientWidth < 600;
  chart.setOption({
    ...base(),
    grid: { top: 40, bottom: 70, left: 10, right: 10, containLabel: true },
    // A margin after the latest statement keeps its points off the chart's edge.
    xAxis: timeAxis({ max: times.length ? times[times.length - 1] + 45 * 86_400_000 : undefined }),
    yAxis: { type: 'category', data: names, position: startSide(), axisLabel: { width: narrow ? 90 : 150, overflow: 'truncate', interval: 0 } },
    dataZoom: [
      { type: 'slider', xAxisIndex: 0, startValue: openFrom, bottom: 10, labelFormatter: (v: number) => fmtAxisDate(v, 'month') },
      { type: 'inside', xAxisIndex: 0, startValue: openFrom },
    ],
    series: positions.map((p) => ({
      name: label(p),
      type: 'scatter',
      symbolSize: 14,
      itemStyle: { color: POSITION_COLORS[p], opacity: 0.85 },
      data: stances
        .filter((s) => s.position === p)
        .map((s) => ({
          value: [dateOf(s.date).getTime(), actorIds.indexOf(s.actor)],
          // an author's reading of the actor is drawn hollow: it is not the actor's own word
          ...(s.voice === 'attributed' ? { symbol: 'emptyCircle' } : {}),
          name: `${actorName(actors, s.actor)} · ${issueLabel(s.issue)} · ${fmtDate(s.date)}${s.voice === 'attributed' && s.attributed_by ? ` · ${t('attributedBy')} ${actorName(actors, s.attributed_by)}` : ''}`,
          stance: s.id,
          actor: s.actor,
        })),
    })),
    tooltip: { renderMode: 'richText', formatter: (p: { name: string; seriesName: string }) => `${p.name}\n${p.seriesName}` },
  });
  chart.on('click', (p) => {
    const data = p.data as { actor?: string; stance?: string } | undefined;
    if (data?.actor) location.hash = href(lang(), 'actors', [data.actor], { stance: data.stance });
  });
}

/** The alliance or organisation an actor belongs to (its first member-of / part-of target). */
function allianceOf(a: Actor, actors: Map<string, Actor>): string | undefined {
  const r = a.relations.find((x) => (x.type === 'member-of' || x.type === 'part-of') && actors.has(x.target));
  return r?.target;
}

function drawRelations(box: HTMLElement, ctx: PageContext, actors: Map<string, Actor>, selected: string | undefined): void {
  const params = new URLSearchParams(ctx.route.params);
  const grouping: Grouping = (GROUPINGS as readonly string[]).includes(params.get('group') ?? '') ? (params.get('group') as Grouping) : 'type';
  const nodes = new Set<string>();
  const edges: Array<{ id: string; source: string; target: string; kind: string; label: string }> = [];
  for (const a of actors.values()) {
    for (const r of a.relations) {
      if (!actors.has(r.target)) continue;
      nodes.add(a.id);
      nodes.add(r.target);
      edges.push({ id: `${a.id}-${r.type}-${r.target}`, source: a.id, target: r.target, kind: r.type, label: label(r.type) });
    }
  }
  if (selected && actors.has(selected)) nodes.add(selected);
  // Every actor sits in one box: its type, its alliance (or "other"), or one box for all.
  const groupOf = (id: string): string => {
    const a = actors.get(id)!;
    if (grouping === 'type') return `group:${a.type}`;
    if (grouping === 'alliance') return `group:${allianceOf(a, actors) ?? '~other'}`;
    return 'group:~all';
  };
  const groups = new Map<string, string>();
  for (const id of nodes) {
    const g = groupOf(id);
    const key = g.slice('group:'.length);
    groups.set(g, key === '~other' ? label('other') : key === '~all' ? t('allActors') : grouping === 'type' ? label(key) : actorName(actors, key));
  }
  const graph = h('div', { class: 'graph', id: 'relations-graph', role: 'img', 'aria-label': `${t('relations')}. ${t('relationsHelp')}` });
  const cy = makeGraph(graph, ctx, {
    elements: [
      ...[...groups].map(([gid, text]) => ({ data: { id: gid, label: text }, classes: 'group' })),
      ...[...nodes].map((id) => ({ data: { id, label: actorName(actors, id), parent: groupOf(id) }, classes: id === selected ? 'selected-actor' : '' })),
      ...edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, label: e.label, rel: e.kind } })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)', 'font-size': 12, 'background-color': '#0b6e69', color: '#1d2330', 'text-valign': 'bottom', 'text-margin-y': 3, width: 14, height: 14,
          'text-wrap': 'wrap', 'text-max-width': '118px', 'font-family': 'Noto Naskh Arabic, Noto Sans, sans-serif', 'min-zoomed-font-size': 6,
        },
      },
      {
        selector: 'node.group',
        style: {
          'background-color': '#eef3f6', 'background-opacity': 0.6, 'border-color': '#b8c4cf', 'border-width': 1, shape: 'round-rectangle',
          'text-valign': 'top', 'text-halign': 'center', 'font-size': 15, 'font-weight': 'bold', color: '#3d4754', padding: '10px', 'text-margin-y': 26,
        },
      },
      { selector: 'node.selected-actor', style: { 'background-color': '#e0a100', width: 26, height: 26 } },
      { selector: 'node.focused', style: { 'border-width': 4, 'border-color': '#e0a100' } },
      { selector: 'edge', style: { width: 1.2, 'line-color': '#9aa5b1', 'target-arrow-color': '#9aa5b1', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.55 } },
      { selector: 'edge.hovered', style: { label: 'data(label)', 'font-size': 11, color: '#1d2330', 'text-background-color': '#fff', 'text-background-opacity': 0.9, opacity: 1, width: 3 } },
      { selector: 'edge[rel = "opposes"]', style: { 'line-color': '#c62828', 'target-arrow-color': '#c62828', 'line-style': 'dashed' } },
      { selector: 'edge[rel = "backs"], edge[rel = "proxy-of"]', style: { 'line-color': '#1a7f37', 'target-arrow-color': '#1a7f37' } },
    ],
  });
  const key = graphKey(['relations', lang(), grouping, ...[...nodes].sort(), ...edges.map((e) => e.id).sort()]);
  const cached = cachedLayout(key);
  performance.mark('marsad:relations-layout-start');
  if (!cached || !applyPositions(cy, cached)) {
    const degree = new Map<string, number>();
    for (const e of edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const members = new Map<string, Array<{ id: string; degree: number }>>();
    for (const id of nodes) members.set(groupOf(id), [...(members.get(groupOf(id)) ?? []), { id, degree: degree.get(id) ?? 0 }]);
    const positions = groupPositions([...members].map(([id, list]) => ({ id, nodes: list })), isRtl());
    cy.nodes().filter((n) => !n.isParent()).positions((n) => positions.get(n.id()) ?? { x: 0, y: 0 });
    saveLayout(key, cy);
  }
  performance.measure('marsad:relations-layout', 'marsad:relations-layout-start');
  const kinds = [...new Set(edges.map((e) => e.kind))];
  const types = [...new Set([...nodes].map((id) => actors.get(id)!.type))];
  const ex = explorer({
    ctx,
    cy,
    nodes: [...nodes].map((id) => ({ id, label: actorName(actors, id), kind: actors.get(id)!.type })),
    edges,
    nodeKinds: types.map((k) => ({ id: k, label: label(k) })),
    edgeKinds: kinds.map((k) => ({ id: k, label: label(k) })),
    weights: false,
    searchLabel: t('searchActor'),
    params,
    writeUrl: (p) => replaceRoute(href(lang(), 'actors', ctx.route.args, Object.fromEntries(p))),
    edgeText: (e) => label(e.kind),
    onNode: (id) => {
      if (id !== selected) location.hash = href(lang(), 'actors', [id], { ...Object.fromEntries(params), focus: id });
    },
  });
  const groupSelect = h(
    'select',
    { name: 'group', id: 'relations-group' },
    GROUPINGS.map((g) => h('option', { value: g, selected: g === grouping }, t(g === 'type' ? 'groupType' : g === 'alliance' ? 'groupAlliance' : 'groupNone'))),
  );
  groupSelect.addEventListener('change', () => {
    location.hash = href(lang(), 'actors', ctx.route.args, { ...Object.fromEntries(params), group: groupSelect.value === 'type' ? undefined : groupSelect.value });
  });
  ex.tools.prepend(h('label', { class: 'stack' }, t('groupBy'), groupSelect));
  add(box, h('p', { class: 'muted small' }, t('relationsHelp')), ex.tools, h('div', { class: 'graph-wrap' }, graph, ex.overlay), ex.table);
  cy.resize();
  ex.apply();
}
