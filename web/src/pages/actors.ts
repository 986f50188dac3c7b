/**
 * Actors: the list by type, the selected actor (stances with quotes, relations, events), a
 * stance map (actor × date, coloured by position) and the relations graph.
 */
import { get } from '../api.js';
import { base, makeChart, mirrored, startSide } from '../charts.js';
import { makeGraph, runLayout } from '../graphs.js';
import { citeLinks, citeQuote } from '../cite.js';
import { add, bdi, h, set } from '../dom.js';
import { bi, dateOf, fmtDate, label, lang, listSep, t } from '../i18n.js';
import { actorLink, actorMap, actorName } from '../lookup.js';
import type { Page } from '../page.js';
import { href } from '../router.js';
import type { Actor, CaseEvent, Issue, Stance } from '../types.js';

const POSITION_COLORS: Record<string, string> = {
  support: '#1a7f37',
  oppose: '#c62828',
  conditional: '#b26a00',
  reserved: '#6a5acd',
  ambiguous: '#7a7a7a',
};

interface ActorDetail {
  actor: Actor;
  /** Its own positions. */
  stances: Stance[];
  /** What authors attribute to it, kept apart. */
  attributed: Stance[];
  relations: Array<{ type: string; target: string; source: string; cite?: [] }>;
  incoming: Array<{ type: string; target: string; source: string }>;
  events: CaseEvent[];
}

export const actorsPage: Page = async (root, ctx) => {
  const [id] = ctx.route.args;
  const stanceParam = ctx.route.params.get('stance');
  const [actors, stances] = await Promise.all([actorMap(), get<{ items: Stance[]; issues: Issue[] }>('stances')]);
  const selectedId = id ?? (stanceParam ? stances.items.find((s) => s.id === stanceParam)?.actor : undefined);
  const byType = new Map<string, Actor[]>();
  for (const a of actors.values()) byType.set(a.type, [...(byType.get(a.type) ?? []), a]);
  const list = h(
    'nav',
    { class: 'card doc-list', id: 'actor-list' },
    h('h2', {}, t('actors')),
    [...byType].map(([type, items]) => [
      h('h3', {}, label(type)),
      items.map((a) => h('a', { href: href(lang(), 'actors', [a.id]), class: a.id === selectedId ? 'active' : '' }, bdi(bi(a.name)))),
    ]),
  );
  const detail = h('section', { class: 'card', id: 'actor-detail' });
  add(root, h('h1', {}, t('actors')), h('div', { class: 'two-col' }, list, detail));

  if (selectedId) {
    const d = await get<ActorDetail>(`actors/${encodeURIComponent(selectedId)}`);
    renderDetail(detail, d, actors, stances.issues, stanceParam);
  } else {
    add(detail, h('p', { class: 'muted' }, t('chooseActor')));
  }

  const stanceChart = h('div', { class: 'chart tall', id: 'stance-map' });
  const graph = h('div', { class: 'graph', id: 'relations-graph' });
  add(root, h('h2', {}, t('stanceMap')), h('div', { class: 'card' }, h('p', { class: 'muted' }, t('attributedHint')), stanceChart), h('h2', {}, t('relations')), graph);
  drawStanceMap(stanceChart, ctx, stances.items, stances.issues, actors);
  drawRelations(graph, ctx, actors, selectedId);
};

function renderDetail(el: HTMLElement, d: ActorDetail, actors: Map<string, Actor>, issues: Issue[], stanceId: string | null): void {
  const issue = (id: string) => bi(issues.find((i) => i.id === id)?.label) || id;
  add(el, 
    h('h2', {}, bdi(bi(d.actor.name)), ' ', h('span', { class: 'badge' }, label(d.actor.type)), citeLinks(d.actor.cite)),
    d.actor.description ? h('p', {}, bi(d.actor.description)) : null,
    d.actor.aliases.length ? h('p', { class: 'muted' }, t('aliases'), ': ', d.actor.aliases.map((a, i) => [i ? listSep() : '', bdi(a)])) : null,
    h('h3', {}, t('stances')),
    stanceList(d.stances, issue, actors, stanceId),
    d.attributed.length ? h('h3', {}, t('attributedStances')) : null,
    d.attributed.length ? stanceList(d.attributed, issue, actors, stanceId) : null,
    d.relations.length + d.incoming.length ? h('h3', {}, t('relations')) : null,
    h(
      'ul',
      { class: 'plain' },
      [...d.relations, ...d.incoming].map((r) =>
        h('li', {}, actorLink(actors, r.source), ` — ${label(r.type)} → `, actorLink(actors, r.target)),
      ),
    ),
    d.events.length ? h('h3', {}, t('events')) : null,
    h(
      'ul',
      { class: 'plain' },
      d.events.map((e) =>
        h('li', {}, h('span', { class: 'date' }, fmtDate(e.date)), h('a', { href: href(lang(), 'timeline', [], { event: e.id }) }, bi(e.title)), citeLinks(e.cite)),
      ),
    ),
  );
}

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

function drawStanceMap(el: HTMLElement, ctx: Parameters<Page>[1], stances: Stance[], issues: Issue[], actors: Map<string, Actor>): void {
  const actorIds = [...new Set(stances.map((s) => s.actor))];
  const names = actorIds.map((a) => actorName(actors, a));
  const positions = Object.keys(POSITION_COLORS);
  // One row per actor, and the view opens on the recent years where most statements are
  // (the slider reaches back to the oldest).
  el.style.height = `${Math.max(380, 110 + actorIds.length * 18)}px`;
  const times = stances.map((s) => dateOf(s.date).getTime()).sort((x, y) => x - y);
  const openFrom = times.length ? times[Math.floor(times.length * 0.1)] - 60 * 86_400_000 : undefined;
  const chart = makeChart(el, ctx);
  const issueLabel = (id: string) => bi(issues.find((i) => i.id === id)?.label) || id;
  chart.setOption({
    ...base(),
    grid: { top: 40, bottom: 70, left: 20, right: 20, containLabel: true },
    // A margin after the latest statement keeps its points off the chart's edge.
    xAxis: mirrored({ type: 'time', max: times.length ? times[times.length - 1] + 45 * 86_400_000 : undefined }),
    yAxis: { type: 'category', data: names, position: startSide(), axisLabel: { width: 150, overflow: 'truncate', interval: 0 } },
    dataZoom: [
      { type: 'slider', xAxisIndex: 0, startValue: openFrom, bottom: 10, labelFormatter: (v: number) => fmtDate(new Date(v).toISOString().slice(0, 7)) },
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

function drawRelations(el: HTMLElement, ctx: Parameters<Page>[1], actors: Map<string, Actor>, selected: string | undefined): void {
  const nodes = new Set<string>();
  const edges: Array<{ data: { id: string; source: string; target: string; label: string; rel: string } }> = [];
  for (const a of actors.values()) {
    for (const r of a.relations) {
      if (!actors.has(r.target)) continue;
      nodes.add(a.id);
      nodes.add(r.target);
      edges.push({ data: { id: `${a.id}-${r.type}-${r.target}`, source: a.id, target: r.target, label: label(r.type), rel: r.type } });
    }
  }
  if (selected) nodes.add(selected);
  const cy = makeGraph(el, ctx, {
    elements: [...[...nodes].map((id) => ({ data: { id, label: actorName(actors, id) }, classes: id === selected ? 'selected-actor' : '' })), ...edges],
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#0b6e69', color: '#1d2330', 'text-valign': 'bottom', 'text-margin-y': 4, width: 18, height: 18 } },
      { selector: 'node.selected-actor', style: { 'background-color': '#e0a100', width: 28, height: 28 } },
      { selector: 'edge', style: { label: 'data(label)', 'font-size': 9, color: '#5d6675', width: 1.5, 'line-color': '#9aa5b1', 'target-arrow-color': '#9aa5b1', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier' } },
      { selector: 'edge[rel = "opposes"]', style: { 'line-color': '#c62828', 'target-arrow-color': '#c62828' } },
      { selector: 'edge[rel = "backs"], edge[rel = "proxy-of"]', style: { 'line-color': '#1a7f37', 'target-arrow-color': '#1a7f37' } },
    ],
  });
  runLayout(cy);
  cy.on('tap', 'node', (ev) => {
    location.hash = href(lang(), 'actors', [ev.target.id()]);
  });
}
