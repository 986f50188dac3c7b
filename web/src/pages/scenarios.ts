/**
 * Scenarios: choose a scenario and another to compare; outcome changes, winners and losers,
 * monthly trajectories for scheduled scenarios, Monte Carlo with a live progress bar and the
 * probability of each conclusion, and a sensitivity tornado for one outcome.
 */
import { get, getFresh, post } from '../api.js';
import { base, makeChart, mirrored, startSide } from '../charts.js';
import { citeLinks } from '../cite.js';
import { add, h, set } from '../dom.js';
import { bi, fmtNumber, fmtPercent, fmtSigned, label, lang, listSep, t } from '../i18n.js';
import { actorMap, actorName } from '../lookup.js';
import type { Page, PageContext } from '../page.js';
import { href } from '../router.js';
import type { Concept, Scenario } from '../types.js';

interface Delta { concept: string; kind: string; baseline: number; value: number; delta: number }
interface Payoff { actor: string; payoff: number }
interface SimResult {
  scenario: string;
  convergence: { baseline: { status: string; steps?: number }; scenario: { status: string; steps?: number } };
  /** Concepts at |x| ≥ threshold: the engine reports them so the page can warn. */
  walls?: { threshold: number; baseline: string[]; scenario: string[] };
  outcomes: Delta[];
  actors: Payoff[];
  winners: Payoff[];
  losers: Payoff[];
  trajectory?: { months: string[]; series: Array<{ concept: string; kind: string; values: number[] }> };
}
interface McResult {
  runs: number;
  outcomes: Array<{ concept: string; rise: number; fall: number; meanDelta: number }>;
  actors: Array<{ actor: string; ahead: number; behind: number; meanPayoff: number }>;
}
interface Job { id: string; status: 'running' | 'done' | 'failed'; done: number; total: number; result?: McResult; error?: string }
interface Sensitivity { delta: number; edges: Array<{ from: string; to: string; deltaLow: number; deltaHigh: number; swing: number; flipsSign: boolean }> }

export const scenariosPage: Page = async (root, ctx) => {
  const [scenarios, model, actors] = await Promise.all([
    get<{ items: Scenario[] }>('scenarios'),
    get<{ concepts: Concept[] }>('model'),
    actorMap(),
  ]);
  const params = ctx.route.params;
  const current = scenarios.items.find((s) => s.id === ctx.route.args[0]) ?? scenarios.items[0];
  if (!current) {
    add(root, h('h1', {}, t('scenarios')));
    return;
  }
  const vs = scenarios.items.find((s) => s.id === params.get('vs') && s.id !== current.id);
  const conceptLabel = (id: string) => bi(model.concepts.find((c) => c.id === id)?.label) || id;
  const go = (id: string, vsId: string | undefined) => (location.hash = href(lang(), 'scenarios', [id], { vs: vsId }));

  const pick = h(
    'select',
    { name: 'scenario', id: 'scenario-select', onchange: (ev: Event) => go((ev.target as HTMLSelectElement).value, vs?.id) },
    scenarios.items.map((s) => h('option', { value: s.id, selected: s.id === current.id }, bi(s.title))),
  );
  const compare = h(
    'select',
    { name: 'vs', onchange: (ev: Event) => go(current.id, (ev.target as HTMLSelectElement).value || undefined) },
    h('option', { value: '' }, t('none')),
    scenarios.items.filter((s) => s.id !== current.id).map((s) => h('option', { value: s.id, selected: s.id === vs?.id }, bi(s.title))),
  );
  add(root, 
    h('h1', {}, t('scenarios')),
    h('form', { class: 'filters' }, h('label', {}, t('scenarios'), pick), h('label', {}, t('compare'), compare)),
    h('p', {}, h('strong', {}, bi(current.title)), ' — ', bi(current.description), citeLinks(current.cite)),
  );

  const runs = [current, ...(vs ? [vs] : [])];
  const results = await Promise.all(runs.map((s) => post<SimResult>('simulate', { scenario: s.id })));
  if (!ctx.alive()) return;
  const [main] = results;
  add(root, 
    h(
      'p',
      { class: 'muted', id: 'convergence' },
      `${t('convergence')}: ${label(main.convergence.scenario.status)}`,
      ' · ',
      h('span', { class: 'pos' }, `${t('winners')}: ${main.winners.map((w) => actorName(actors, w.actor)).join(listSep()) || '—'}`),
      ' · ',
      h('span', { class: 'neg' }, `${t('losers')}: ${main.losers.map((w) => actorName(actors, w.actor)).join(listSep()) || '—'}`),
    ),
  );
  const saturated = [...new Set([...(main.walls?.baseline ?? []), ...(main.walls?.scenario ?? [])])];
  if (saturated.length > 0) {
    add(root, h('p', { class: 'warning', role: 'status', id: 'walls-warning' }, `${t('atWalls')} (|x| ≥ ${main.walls!.threshold}): `, saturated.map(conceptLabel).join(listSep())));
  }

  const outcomeChart = h('div', { class: 'chart', id: 'outcomes-chart' });
  const payoffChart = h('div', { class: 'chart', id: 'payoff-chart' });
  add(root, 
    h('div', { class: 'grid' }, h('section', { class: 'card' }, h('h2', {}, t('outcomes')), outcomeChart), h('section', { class: 'card' }, h('h2', {}, t('winnersLosers')), payoffChart)),
  );
  const outcomeIds = main.outcomes.map((o) => o.concept);
  horizontalBars(outcomeChart, ctx, outcomeIds.map(conceptLabel), results.map((r, k) => ({
    name: bi(runs[k].title),
    values: outcomeIds.map((id) => r.outcomes.find((o) => o.concept === id)?.delta ?? 0),
  })));
  const actorIds = [...new Set(results.flatMap((r) => r.actors.map((a) => a.actor)))];
  horizontalBars(payoffChart, ctx, actorIds.map((a) => actorName(actors, a)), results.map((r, k) => ({
    name: bi(runs[k].title),
    values: actorIds.map((id) => r.actors.find((a) => a.actor === id)?.payoff ?? 0),
  })), true);

  if (main.trajectory) {
    const trajChart = h('div', { class: 'chart', id: 'trajectory-chart' });
    add(root, h('section', { class: 'card' }, h('h2', {}, t('trajectories')), trajChart));
    const chart = makeChart(trajChart, ctx);
    const series = main.trajectory.series.filter((s) => s.kind === 'outcome');
    chart.setOption({
      ...base(),
      legend: { ...(base().legend as object), type: 'scroll' },
      grid: { top: 60, bottom: 30, left: 20, right: 20, containLabel: true },
      xAxis: mirrored({ type: 'category', data: main.trajectory.months }),
      yAxis: { type: 'value', position: startSide() },
      series: series.map((s) => ({ type: 'line', name: conceptLabel(s.concept), data: s.values, showSymbol: false })),
    });
  }

  add(root, monteCarloSection(ctx, current.id, conceptLabel, (id) => actorName(actors, id)));
  add(root, sensitivitySection(ctx, current.id, outcomeIds, conceptLabel));
};

function horizontalBarsSized(el: HTMLElement, n: number): void {
  el.style.height = `${Math.max(380, 80 + n * 24)}px`;
}

function horizontalBars(
  el: HTMLElement,
  ctx: PageContext,
  categories: string[],
  series: Array<{ name: string; values: number[] }>,
  signColours = false,
  digits = 2,
): void {
  horizontalBarsSized(el, categories.length);
  const chart = makeChart(el, ctx);
  chart.setOption({
    ...base(),
    xAxis: mirrored({ type: 'value', axisLabel: { formatter: (v: number) => fmtNumber(v, digits) } }),
    yAxis: { type: 'category', data: categories, position: startSide(), inverse: true, axisLabel: { width: 170, overflow: 'truncate' } },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values.map((v) => (signColours && series.length === 1 ? { value: v, itemStyle: { color: v >= 0 ? '#1a7f37' : '#c62828' } } : v)),
    })),
    tooltip: { renderMode: 'richText', trigger: 'axis', valueFormatter: (v: number) => fmtSigned(v, 3) },
  });
}

function monteCarloSection(ctx: PageContext, scenario: string, conceptLabel: (id: string) => string, actorLabel: (id: string) => string): HTMLElement {
  const runsInput = h('input', { type: 'number', name: 'runs', min: 2, max: 100000, value: 2000 });
  const seedInput = h('input', { type: 'number', name: 'seed', min: 0, value: 1 });
  const progress = h('progress', { class: 'progress', id: 'mc-progress', max: 1, value: 0 });
  const status = h('p', { class: 'muted', id: 'mc-status' });
  const chartEl = h('div', { class: 'chart', id: 'mc-chart' });
  const button = h('button', { type: 'submit', id: 'mc-start' }, t('start'));
  const form = h('form', { class: 'filters' }, h('label', {}, t('runs'), runsInput), h('label', {}, t('seed'), seedInput), button);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void run();
  });
  async function run() {
    button.disabled = true;
    progress.value = 0;
    status.textContent = '';
    try {
      let job = await post<Job>('montecarlo', { scenario, runs: Number(runsInput.value), seed: Number(seedInput.value) });
      while (job.status === 'running' && ctx.alive()) {
        progress.max = job.total;
        progress.value = job.done;
        status.textContent = `${fmtNumber(job.done)} / ${fmtNumber(job.total)}`;
        await new Promise((r) => setTimeout(r, 150));
        job = await getFresh<Job>(`jobs/${job.id}`);
      }
      if (!ctx.alive()) return;
      if (job.status === 'failed' || !job.result) throw new Error(job.error ?? 'failed');
      progress.max = job.total;
      progress.value = job.total;
      status.textContent = `${fmtNumber(job.result.runs)} ${t('runs')}`;
      drawProbabilities(chartEl, ctx, job.result, conceptLabel, actorLabel);
    } catch (error) {
      status.textContent = `${t('error')}: ${(error as Error).message}`;
    } finally {
      button.disabled = false;
    }
  }
  return h('section', { class: 'card', id: 'monte-carlo' }, h('h2', {}, t('monteCarlo')), form, progress, status, chartEl);
}

function drawProbabilities(el: HTMLElement, ctx: PageContext, r: McResult, conceptLabel: (id: string) => string, actorLabel: (id: string) => string): void {
  const cats = [...r.outcomes.map((o) => conceptLabel(o.concept)), ...r.actors.map((a) => actorLabel(a.actor))];
  // One readable row per outcome and actor (CSSOM sizing is allowed by the CSP).
  el.style.height = `${Math.max(380, 80 + cats.length * 24)}px`;
  const chart = makeChart(el, ctx);
  chart.setOption({
    ...base(),
    xAxis: mirrored({ type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => fmtPercent(v) } }),
    yAxis: { type: 'category', data: cats, position: startSide(), inverse: true, axisLabel: { width: 170, overflow: 'truncate' } },
    series: [
      { type: 'bar', stack: 'p', name: `${t('probability')} ↑`, data: [...r.outcomes.map((o) => o.rise), ...r.actors.map((a) => a.ahead)], itemStyle: { color: '#1a7f37' } },
      { type: 'bar', stack: 'p', name: `${t('probability')} ↓`, data: [...r.outcomes.map((o) => o.fall), ...r.actors.map((a) => a.behind)], itemStyle: { color: '#c62828' } },
    ],
    tooltip: { renderMode: 'richText', trigger: 'axis', valueFormatter: (v: number) => fmtPercent(v) },
  });
}

function sensitivitySection(ctx: PageContext, scenario: string, outcomes: string[], conceptLabel: (id: string) => string): HTMLElement {
  const select = h('select', { name: 'outcome', id: 'sensitivity-outcome' }, outcomes.map((o) => h('option', { value: o }, conceptLabel(o))));
  const chartEl = h('div', { class: 'chart', id: 'tornado-chart' });
  const note = h('p', { class: 'muted' });
  const draw = async () => {
    const s = await get<Sensitivity>(`sensitivity?scenario=${encodeURIComponent(scenario)}&outcome=${encodeURIComponent(select.value)}`);
    if (!ctx.alive()) return;
    note.textContent = `${t('delta')}: ${fmtSigned(s.delta, 3)}`;
    const top = s.edges.slice(0, 12);
    const chart = (chartEl as HTMLElement & { __chart?: ReturnType<typeof makeChart> }).__chart ?? makeChart(chartEl, ctx);
    (chartEl as HTMLElement & { __chart?: ReturnType<typeof makeChart> }).__chart = chart;
    chart.setOption(
      {
        ...base(),
        xAxis: mirrored({ type: 'value', axisLabel: { formatter: (v: number) => fmtSigned(v, 2) } }),
        yAxis: { type: 'category', data: top.map((e) => `${conceptLabel(e.from)} → ${conceptLabel(e.to)}`), position: startSide(), inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
        series: [
          { type: 'bar', name: t('lowEnd'), stack: 'x', data: top.map((e) => e.deltaLow - s.delta), itemStyle: { color: '#c62828' } },
          { type: 'bar', name: t('highEnd'), stack: 'y', barGap: '-100%', data: top.map((e) => e.deltaHigh - s.delta), itemStyle: { color: '#1a7f37' } },
        ],
        tooltip: { renderMode: 'richText', trigger: 'axis', valueFormatter: (v: number) => fmtSigned(v, 3) },
      },
      true,
    );
  };
  select.addEventListener('change', () => void draw());
  requestAnimationFrame(() => void draw().catch((error: Error) => (note.textContent = `${t('error')}: ${error.message}`)));
  return h('section', { class: 'card', id: 'sensitivity' }, h('h2', {}, t('sensitivity')), h('form', { class: 'filters' }, h('label', {}, t('outcome'), select)), note, chartEl);
}
