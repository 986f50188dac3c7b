/**
 * Scenarios: choose a scenario and another to compare; outcome changes, winners and losers,
 * monthly trajectories for scheduled scenarios, Monte Carlo with a live progress bar and the
 * probability of each conclusion, and a sensitivity tornado for one outcome. Every chart has its
 * data as a table; an unknown scenario id says so instead of showing another scenario.
 */
import { get, getFresh, postCached, post } from '../api.js';
import { base, dataTable, horizontalBars, makeChart, mirrored, startSide } from '../charts.js';
import { citeLinks } from '../cite.js';
import { add, bdi, h } from '../dom.js';
import { bi, COUNTS, fmtNumber, fmtPercent, fmtSigned, label, lang, listSep, plural, t } from '../i18n.js';
import { actorMap, actorName } from '../lookup.js';
import { announce, errorNotice, unknownNotice } from '../notice.js';
import type { Page, PageContext } from '../page.js';
import { href } from '../router.js';
import { seq, seqText } from '../sequence.js';
import { authorSection } from '../scenario-author.js';
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
    get('scenarios'),
    get('model'),
    actorMap(),
  ]);
  const params = ctx.route.params;
  const asked = ctx.route.args[0];
  add(root, h('h1', {}, t('scenarios')));
  if (!scenarios.items.length) {
    add(root, h('p', { class: 'muted' }, t('noScenarios')));
    return;
  }
  if (asked && !scenarios.items.some((s) => s.id === asked)) {
    add(root, unknownNotice('unknownScenario', asked, scenarios.items.map((s) => ({ href: href(lang(), 'scenarios', [s.id]), label: bi(s.title) }))));
    return;
  }
  const current = scenarios.items.find((s) => s.id === asked) ?? scenarios.items[0];
  const vsAsked = params.get('vs');
  const vs = scenarios.items.find((s) => s.id === vsAsked && s.id !== current.id);
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
  add(
    root,
    h('form', { class: 'filters' }, h('label', {}, t('scenarios'), pick), h('label', {}, t('compare'), compare)),
    vsAsked && !vs ? unknownNotice('unknownScenario', vsAsked) : null,
    h(
      'p',
      {},
      h('strong', {}, bi(current.title)),
      current.basis === 'analyst' ? h('span', { class: 'badge' }, t('analystScenario')) : null,
      ' — ',
      bi(current.description),
      citeLinks(current.cite),
    ),
  );
  const author = authorSection(ctx, model, scenarios.items, current, (id) => actorName(actors, id));
  if (params.get('author') === '1') author.setAttribute('open', '');
  add(root, author);

  const runs = [current, ...(vs ? [vs] : [])];
  const results = await Promise.all(runs.map((s) => postCached('simulate', { scenario: s.id })));
  if (!ctx.alive()) return;
  const [main] = results;
  const names = (xs: Payoff[]) => (xs.length ? xs.map((w, i) => [i ? listSep() : '', bdi(actorName(actors, w.actor))]) : '—');
  add(
    root,
    h(
      'p',
      { class: 'muted', id: 'convergence' },
      `${t('convergence')}: ${label(main.convergence.scenario.status)}`,
      ' · ',
      h('span', { class: 'pos' }, `${t('winners')}: `, names(main.winners)),
      ' · ',
      h('span', { class: 'neg' }, `${t('losers')}: `, names(main.losers)),
    ),
  );
  const saturated = [...new Set([...(main.walls?.baseline ?? []), ...(main.walls?.scenario ?? [])])];
  if (saturated.length > 0) {
    add(root, h('p', { class: 'warning', role: 'status', id: 'walls-warning' }, `${t('atWalls')} (|x| ≥ ${main.walls!.threshold}): `, saturated.map(conceptLabel).join(listSep())));
  }

  const outcomeChart = h('div', { class: 'chart', id: 'outcomes-chart' });
  const payoffChart = h('div', { class: 'chart', id: 'payoff-chart' });
  const outcomeIds = main.outcomes.map((o) => o.concept);
  const actorIds = [...new Set(results.flatMap((r) => r.actors.map((a) => a.actor)))];
  const outcomeSeries = results.map((r, k) => ({ name: bi(runs[k].title), values: outcomeIds.map((id) => r.outcomes.find((o) => o.concept === id)?.delta ?? 0) }));
  const payoffSeries = results.map((r, k) => ({ name: bi(runs[k].title), values: actorIds.map((id) => r.actors.find((a) => a.actor === id)?.payoff ?? 0) }));
  add(
    root,
    h(
      'div',
      { class: 'grid' },
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t('outcomes')),
        outcomeChart,
        dataTable(t('outcomes'), [t('concept'), ...outcomeSeries.map((s) => s.name)], outcomeIds.map((id, i) => [conceptLabel(id), ...outcomeSeries.map((s) => fmtSigned(s.values[i], 3))]), 'outcomes-table'),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t('winnersLosers')),
        payoffChart,
        dataTable(t('winnersLosers'), [t('actor'), ...payoffSeries.map((s) => s.name)], actorIds.map((id, i) => [actorName(actors, id), ...payoffSeries.map((s) => fmtSigned(s.values[i], 3))]), 'payoff-table'),
      ),
    ),
  );
  horizontalBars(outcomeChart, ctx, t('outcomes'), outcomeIds.map(conceptLabel), outcomeSeries);
  horizontalBars(payoffChart, ctx, t('winnersLosers'), actorIds.map((a) => actorName(actors, a)), payoffSeries, true);

  if (main.trajectory) {
    const trajChart = h('div', { class: 'chart', id: 'trajectory-chart' });
    const series = main.trajectory.series.filter((s) => s.kind === 'outcome');
    add(
      root,
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t('trajectories')),
        trajChart,
        dataTable(t('trajectories'), [t('month'), ...series.map((s) => conceptLabel(s.concept))], main.trajectory.months.map((m, i) => [m, ...series.map((s) => fmtNumber(s.values[i], 3))])),
      ),
    );
    const chart = makeChart(trajChart, ctx, t('trajectories'));
    chart.setOption({
      ...base(),
      grid: { top: 60, bottom: 30, left: 20, right: 20, containLabel: true },
      xAxis: { type: 'category', data: main.trajectory.months, inverse: lang() === 'ar' },
      yAxis: { type: 'value', position: startSide(), axisLabel: { formatter: (v: number) => fmtNumber(v, 2) } },
      series: series.map((s) => ({ type: 'line', name: conceptLabel(s.concept), data: s.values, showSymbol: false })),
      tooltip: { renderMode: 'richText', trigger: 'axis', valueFormatter: (v: number) => fmtNumber(v, 3) },
    });
  }

  add(root, monteCarloSection(ctx, current.id, conceptLabel, (id) => actorName(actors, id)));
  add(root, sensitivitySection(ctx, current.id, outcomeIds, conceptLabel));
};

function monteCarloSection(ctx: PageContext, scenario: string, conceptLabel: (id: string) => string, actorLabel: (id: string) => string): HTMLElement {
  const runsInput = h('input', { type: 'number', name: 'runs', min: 2, max: 100000, value: 2000 });
  const seedInput = h('input', { type: 'number', name: 'seed', min: 0, value: 1 });
  const progress = h('progress', { class: 'progress', id: 'mc-progress', max: 1, value: 0, 'aria-label': t('progressAnnounce') });
  const status = h('p', { class: 'muted', id: 'mc-status' });
  const chartEl = h('div', { class: 'chart', id: 'mc-chart' });
  const tableBox = h('div', {});
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
    tableBox.replaceChildren();
    let announced = 0;
    try {
      let job = await post('montecarlo', { scenario, runs: Number(runsInput.value), seed: Number(seedInput.value) });
      announce(`${t('progressAnnounce')}: 0%`);
      while ((job.status === 'queued' || job.status === 'running') && ctx.alive()) {
        progress.max = job.total;
        progress.value = job.done;
        status.textContent = `${fmtNumber(job.done)} / ${fmtNumber(job.total)}`;
        // Screen readers hear every quarter, not every poll.
        const quarter = Math.floor((4 * job.done) / Math.max(1, job.total));
        if (quarter > announced && quarter < 4) {
          announced = quarter;
          announce(`${t('progressAnnounce')}: ${fmtPercent(quarter / 4)}`);
        }
        await new Promise((r) => setTimeout(r, 150));
        job = await getFresh('jobs/:id', { id: job.id });
      }
      if (!ctx.alive()) return;
      if (job.status !== 'done' || !job.result || !('outcomes' in job.result)) throw new Error(job.error ?? job.status);
      const result = job.result;
      progress.max = job.total;
      progress.value = job.total;
      status.textContent = plural(result.runs, COUNTS.runs);
      announce(`${t('progressAnnounce')}: ${fmtPercent(1)} · ${plural(result.runs, COUNTS.runs)}`);
      drawProbabilities(chartEl, ctx, result, conceptLabel, actorLabel);
      tableBox.replaceChildren(
        dataTable(
          t('probability'),
          [t('concept'), `${t('probability')}: ${t('rise')}`, `${t('probability')}: ${t('fall')}`],
          [...result.outcomes.map((o) => [conceptLabel(o.concept), fmtPercent(o.rise), fmtPercent(o.fall)]), ...result.actors.map((a) => [actorLabel(a.actor), fmtPercent(a.ahead), fmtPercent(a.behind)])],
          'mc-table',
        ),
      );
    } catch (error) {
      status.textContent = '';
      tableBox.replaceChildren(errorNotice(error, () => void run()));
    } finally {
      button.disabled = false;
    }
  }
  const allJobs = h('p', { class: 'muted' }, h('a', { href: href(lang(), 'jobs'), id: 'mc-jobs' }, t('allJobs')));
  return h('section', { class: 'card', id: 'monte-carlo' }, h('h2', {}, t('monteCarlo')), form, progress, status, allJobs, chartEl, tableBox);
}

function drawProbabilities(el: HTMLElement, ctx: PageContext, r: McResult, conceptLabel: (id: string) => string, actorLabel: (id: string) => string): void {
  const cats = [...r.outcomes.map((o) => conceptLabel(o.concept)), ...r.actors.map((a) => actorLabel(a.actor))];
  // One readable row per outcome and actor (CSSOM sizing is allowed by the CSP).
  el.style.height = `${Math.max(380, 80 + cats.length * 24)}px`;
  const chart = makeChart(el, ctx, t('probability'));
  chart.setOption({
    ...base(),
    xAxis: mirrored({ type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => fmtPercent(v) } }),
    yAxis: { type: 'category', data: cats, position: startSide(), inverse: true, axisLabel: { width: el.clientWidth < 500 ? 110 : 170, overflow: 'truncate' } },
    series: [
      { type: 'bar', stack: 'p', name: `${t('probability')}: ${t('rise')}`, data: [...r.outcomes.map((o) => o.rise), ...r.actors.map((a) => a.ahead)], itemStyle: { color: '#1a7f37' } },
      { type: 'bar', stack: 'p', name: `${t('probability')}: ${t('fall')}`, data: [...r.outcomes.map((o) => o.fall), ...r.actors.map((a) => a.behind)], itemStyle: { color: '#c62828' } },
    ],
    tooltip: { renderMode: 'richText', trigger: 'axis', valueFormatter: (v: number) => fmtPercent(v) },
  });
}

function sensitivitySection(ctx: PageContext, scenario: string, outcomes: string[], conceptLabel: (id: string) => string): HTMLElement {
  const select = h('select', { name: 'outcome', id: 'sensitivity-outcome' }, outcomes.map((o) => h('option', { value: o }, conceptLabel(o))));
  const chartEl = h('div', { class: 'chart', id: 'tornado-chart' });
  const note = h('p', { class: 'muted' });
  const tableBox = h('div', {});
  let chart: ReturnType<typeof makeChart> | undefined;
  const draw = async () => {
    const s = await post('sensitivity', { scenario, outcome: select.value });
    if (!ctx.alive()) return;
    note.textContent = `${t('delta')}: ${fmtSigned(s.delta, 3)}`;
    const top = s.edges.slice(0, 12);
    chart ??= makeChart(chartEl, ctx, t('sensitivity'));
    chart.setOption(
      {
        ...base(),
        xAxis: mirrored({ type: 'value', axisLabel: { formatter: (v: number) => fmtSigned(v, 2) } }),
        // Each label is "cause → effect" in the reading direction, its two names isolated.
        yAxis: { type: 'category', data: top.map((e) => seqText([conceptLabel(e.from), conceptLabel(e.to)])), position: startSide(), inverse: true, axisLabel: { width: chartEl.clientWidth < 500 ? 130 : 230, overflow: 'truncate' } },
        series: [
          { type: 'bar', name: t('lowEnd'), stack: 'x', data: top.map((e) => e.deltaLow - s.delta), itemStyle: { color: '#c62828' } },
          { type: 'bar', name: t('highEnd'), stack: 'y', barGap: '-100%', data: top.map((e) => e.deltaHigh - s.delta), itemStyle: { color: '#1a7f37' } },
        ],
        tooltip: { renderMode: 'richText', trigger: 'axis', valueFormatter: (v: number) => fmtSigned(v, 3) },
      },
      true,
    );
    tableBox.replaceChildren(
      dataTable(
        t('sensitivity'),
        [t('link'), t('lowEnd'), t('highEnd')],
        top.map((e) => [seq([conceptLabel(e.from), conceptLabel(e.to)]), fmtSigned(e.deltaLow - s.delta, 3), fmtSigned(e.deltaHigh - s.delta, 3)]),
        'tornado-table',
      ),
    );
  };
  const drawOrSay = () => draw().catch((error: unknown) => tableBox.replaceChildren(errorNotice(error, () => void drawOrSay())));
  select.addEventListener('change', () => void drawOrSay());
  requestAnimationFrame(() => void drawOrSay());
  return h('section', { class: 'card', id: 'sensitivity' }, h('h2', {}, t('sensitivity')), h('form', { class: 'filters' }, h('label', {}, t('outcome'), select)), note, chartEl, tableBox);
}
