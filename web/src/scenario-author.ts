/**
 * A scenario of the analyst's own, on the scenarios page: lever sliders (starting from the
 * scenario on screen), dated lever changes, edges tried at other weights. "Run" simulates it
 * unsaved — the same `/simulate` the CLI's `--lever`, `--step` and `--edge` call — and sets it
 * beside any scenario of the case. "Save" adds it to the case as the analyst's (a recorded change
 * in the history, exported with the case); an edge tried is kept (an edit of the edge, recorded)
 * or discarded.
 */
import { forget, post, type ApiGetResponse, type ApiPost } from './api.js';
import { dataTable, horizontalBars } from './charts.js';
import { add, bdi, h, set } from './dom.js';
import { bi, fmtNumber, fmtSigned, lang, listSep, t } from './i18n.js';
import { announce, errorNotice } from './notice.js';
import type { PageContext } from './page.js';
import { href } from './router.js';
import { seqText } from './sequence.js';

type Model = ApiGetResponse<'model'>;
type Scenarios = ApiGetResponse<'scenarios'>['items'];
type SimulateBody = ApiPost['simulate']['body'];
type SimResult = ApiPost['simulate']['response'];

interface Step { date: string; lever: string; value: number }
interface Trial { from: string; to: string; weight: number; range: [number, number] }

const round = (x: number) => Math.round(x * 100) / 100;

export function authorSection(
  ctx: PageContext,
  model: Model,
  scenarios: Scenarios,
  start: Scenarios[number],
  actorLabel: (id: string) => string,
): HTMLElement {
  const conceptLabel = (id: string) => bi(model.concepts.find((c) => c.id === id)?.label) || id;
  const levers = model.concepts.filter((c) => c.kind === 'lever');
  const resting = (id: string) => model.concepts.find((c) => c.id === id)?.initial ?? 0;

  // Lever sliders, from the scenario on screen (its last scheduled values are in its levers).
  const values = new Map(levers.map((c) => [c.id, start.levers[c.id] ?? resting(c.id)]));
  const sliders = levers.map((c) => {
    const out = h('output', { class: 'lever-value', dir: 'ltr' }, fmtSigned(values.get(c.id)!, 2));
    const input = h('input', {
      type: 'range',
      min: -1,
      max: 1,
      step: 0.05,
      value: String(values.get(c.id)),
      name: `lever-${c.id}`,
      'data-lever': c.id,
      'aria-label': conceptLabel(c.id),
    });
    input.addEventListener('input', () => {
      values.set(c.id, round(Number(input.value)));
      out.textContent = fmtSigned(values.get(c.id)!, 2);
    });
    return h('label', { class: 'lever' }, h('span', {}, bdi(conceptLabel(c.id))), input, out);
  });

  // Dated lever changes (a monthly trajectory is drawn when there are any).
  const steps: Step[] = start.schedule.flatMap((s) => Object.entries(s.levers).map(([lever, value]) => ({ date: s.date.slice(0, 7), lever, value })));
  const stepList = h('ul', { class: 'plain steps', id: 'author-steps' });
  const drawSteps = () =>
    set(
      stepList,
      steps.map((s, i) =>
        h(
          'li',
          {},
          bdi(s.date),
          ': ',
          bdi(conceptLabel(s.lever)),
          ` = ${fmtSigned(s.value, 2)} `,
          h('button', { type: 'button', class: 'secondary', onclick: () => (steps.splice(i, 1), drawSteps()) }, t('remove')),
        ),
      ),
    );
  drawSteps();
  const stepMonth = h('input', { type: 'month', name: 'step-month', dir: 'ltr', 'aria-label': t('month') });
  const stepLever = h('select', { name: 'step-lever', 'aria-label': t('lever') }, levers.map((c) => h('option', { value: c.id }, conceptLabel(c.id))));
  const stepValue = h('input', { type: 'number', name: 'step-value', min: -1, max: 1, step: 0.05, value: '0', dir: 'ltr', 'aria-label': t('value') });
  const addStep = h('button', { type: 'button', class: 'secondary', id: 'author-add-step' }, t('addStep'));
  addStep.addEventListener('click', () => {
    const v = Number(stepValue.value);
    if (!/^\d{4}-\d{2}$/.test(stepMonth.value) || !Number.isFinite(v) || v < -1 || v > 1) {
      stepMonth.setCustomValidity(t('stepInvalid'));
      stepMonth.reportValidity();
      return;
    }
    stepMonth.setCustomValidity('');
    steps.push({ date: stepMonth.value, lever: stepLever.value, value: round(v) });
    steps.sort((a, b) => a.date.localeCompare(b.date));
    drawSteps();
  });

  // Edges tried at other weights.
  const trials: Trial[] = [];
  const edgeKey = (e: { from: string; to: string }) => `${e.from}>${e.to}`;
  const edgeSelect = h(
    'select',
    { name: 'edge', id: 'author-edge', 'aria-label': t('link') },
    model.edges.map((e) => h('option', { value: edgeKey(e) }, `${seqText([conceptLabel(e.from), conceptLabel(e.to)])} (${fmtSigned(e.weight, 2)})`)),
  );
  const edgeWeight = h('input', { type: 'number', name: 'edge-weight', min: -1, max: 1, step: 0.05, dir: 'ltr', 'aria-label': t('weight') });
  const syncWeight = () => {
    const e = model.edges.find((x) => edgeKey(x) === edgeSelect.value);
    if (e) edgeWeight.value = String(e.weight);
  };
  syncWeight();
  edgeSelect.addEventListener('change', syncWeight);
  const tryEdge = h('button', { type: 'button', class: 'secondary', id: 'author-try-edge' }, t('tryEdge'));
  const trialList = h('ul', { class: 'plain trials', id: 'author-trials' });
  const trialStatus = h('div', { role: 'status', 'aria-live': 'polite' });
  const drawTrials = () =>
    set(
      trialList,
      trials.map((tr, i) => {
        const edge = model.edges.find((e) => edgeKey(e) === edgeKey(tr))!;
        const keep = h('button', { type: 'button', class: 'keep-edge' }, t('keepEdge'));
        keep.addEventListener('click', async () => {
          keep.disabled = true;
          try {
            await post('items/edit', { kind: 'edges', id: edgeKey(tr), set: { weight: tr.weight, range: tr.range }, reason: t('edgeKeptReason') });
            forget();
            announce(t('edgeKept'));
            trials.splice(i, 1);
            drawTrials();
            set(trialStatus, h('p', { class: 'notice ok' }, t('edgeKept'), ': ', bdi(edgeKey(tr)), ' — ', h('a', { href: href(lang(), 'history', [], { item: edgeKey(tr), kind: 'edges' }) }, t('history'))));
          } catch (error) {
            keep.disabled = false;
            set(trialStatus, errorNotice(error));
          }
        });
        return h(
          'li',
          { 'data-edge': edgeKey(tr) },
          bdi(seqText([conceptLabel(tr.from), conceptLabel(tr.to)])),
          ` ${fmtSigned(edge.weight, 2)} → ${fmtSigned(tr.weight, 2)} `,
          keep,
          ' ',
          h('button', { type: 'button', class: 'secondary', onclick: () => (trials.splice(i, 1), drawTrials()) }, t('discard')),
        );
      }),
    );
  tryEdge.addEventListener('click', () => {
    const edge = model.edges.find((e) => edgeKey(e) === edgeSelect.value);
    const w = Number(edgeWeight.value);
    if (!edge || !Number.isFinite(w) || w < -1 || w > 1) {
      edgeWeight.setCustomValidity(t('weightInvalid'));
      edgeWeight.reportValidity();
      return;
    }
    edgeWeight.setCustomValidity('');
    const trial: Trial = { from: edge.from, to: edge.to, weight: round(w), range: [Math.min(edge.range[0], w), Math.max(edge.range[1], w)] };
    const at = trials.findIndex((x) => edgeKey(x) === edgeKey(trial));
    if (at >= 0) trials[at] = trial;
    else trials.push(trial);
    drawTrials();
  });

  const compareSelect = h(
    'select',
    { name: 'author-vs', id: 'author-vs' },
    scenarios.map((s) => h('option', { value: s.id, selected: s.id === start.id }, bi(s.title))),
  );
  const run = h('button', { type: 'submit', id: 'author-run' }, t('runMine'));
  const results = h('div', { id: 'author-results', 'aria-live': 'polite' });

  const body = (): SimulateBody | null => {
    const set: Record<string, number> = {};
    for (const [id, v] of values) if (v !== resting(id)) set[id] = v;
    const schedule = groupSteps(steps);
    if (!Object.keys(set).length && !schedule.length) return null;
    return {
      ...(Object.keys(set).length ? { levers: set } : {}),
      ...(schedule.length ? { schedule } : {}),
      ...(trials.length ? { edges: trials.map(({ from, to, weight, range }) => ({ from, to, weight, range })) } : {}),
    };
  };

  const form = h(
    'form',
    { class: 'author', id: 'author-form' },
    h('fieldset', { class: 'levers' }, h('legend', {}, t('levers')), sliders),
    h(
      'fieldset',
      { class: 'schedule' },
      h('legend', {}, t('schedule')),
      stepList,
      h('div', { class: 'inline-fields' }, stepMonth, stepLever, stepValue, addStep),
    ),
    h(
      'fieldset',
      { class: 'edge-trials' },
      h('legend', {}, t('tryEdges')),
      h('div', { class: 'inline-fields' }, edgeSelect, edgeWeight, tryEdge),
      trialList,
      trialStatus,
    ),
    h('div', { class: 'inline-fields' }, h('label', {}, t('compareWith'), ' ', compareSelect), run),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void runMine();
  });

  let last: { body: SimulateBody; result: SimResult } | null = null;
  async function runMine(): Promise<void> {
    const b = body();
    if (!b) {
      set(results, h('p', { class: 'notice' }, t('moveALever')));
      return;
    }
    run.disabled = true;
    set(results, h('p', { class: 'loading' }, t('loading')));
    try {
      const vsId = compareSelect.value;
      const [mine, other] = await Promise.all([post('simulate', b), post('simulate', { scenario: vsId, ...(b.edges ? { edges: b.edges } : {}) })]);
      if (!ctx.alive()) return;
      last = { body: b, result: mine };
      drawResults(mine, other, scenarios.find((s) => s.id === vsId)!);
    } catch (error) {
      set(results, errorNotice(error, () => void runMine()));
    } finally {
      run.disabled = false;
    }
  }

  function drawResults(mine: SimResult, other: SimResult, vs: Scenarios[number]): void {
    const ids = mine.outcomes.map((o) => o.concept);
    const otherDelta = (id: string) => other.outcomes.find((o) => o.concept === id)?.delta ?? 0;
    const names = (xs: Array<{ actor: string }>) => (xs.length ? xs.map((w) => actorLabel(w.actor)).join(listSep()) : '—');
    const chart = h('div', { class: 'chart', id: 'author-chart' });
    const walls = [...new Set([...mine.walls.baseline, ...mine.walls.scenario])];
    set(
      results,
      h('h3', {}, t('yourScenario')),
      h('p', {}, h('span', { class: 'pos' }, `${t('winners')}: `, names(mine.winners)), ' · ', h('span', { class: 'neg' }, `${t('losers')}: `, names(mine.losers))),
      walls.length ? h('p', { class: 'warning', role: 'status' }, `${t('atWalls')} (|x| ≥ ${mine.walls.threshold}): `, walls.map(conceptLabel).join(listSep())) : null,
      chart,
      dataTable(
        t('outcomes'),
        [t('concept'), t('baselineValue'), t('yourScenario'), bi(vs.title)],
        ids.map((id) => {
          const o = mine.outcomes.find((x) => x.concept === id)!;
          return [conceptLabel(id), fmtNumber(o.baseline, 3), fmtSigned(o.delta, 3), fmtSigned(otherDelta(id), 3)];
        }),
        'author-table',
      ),
      mine.trajectory
        ? dataTable(
            t('trajectories'),
            [t('month'), ...mine.trajectory.series.filter((s) => s.kind === 'outcome').map((s) => conceptLabel(s.concept))],
            mine.trajectory.months.map((m, i) => [m, ...mine.trajectory!.series.filter((s) => s.kind === 'outcome').map((s) => fmtNumber(s.values[i]!, 3))]),
            'author-trajectory',
          )
        : null,
      saveForm(),
    );
    horizontalBars(chart, ctx, t('outcomes'), ids.map(conceptLabel), [
      { name: t('yourScenario'), values: ids.map((id) => mine.outcomes.find((o) => o.concept === id)!.delta) },
      { name: bi(vs.title), values: ids.map(otherDelta) },
    ]);
    announce(t('yourScenario'));
  }

  function saveForm(): HTMLElement {
    const title = h('input', { name: 'scenario-title', required: true, dir: 'auto', maxlength: 200 });
    const note = h('textarea', { name: 'scenario-note', rows: 2, dir: 'auto', maxlength: 2000 });
    const status = h('div', { role: 'status', 'aria-live': 'polite' });
    const save = h('button', { type: 'submit', id: 'author-save' }, t('saveScenario'));
    const f = h(
      'form',
      { class: 'save-scenario', id: 'author-save-form' },
      h('label', { class: 'field' }, h('span', {}, t('scenarioName')), title),
      h('label', { class: 'field' }, h('span', {}, t('scenarioNote')), note),
      save,
      status,
    );
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (!last) return;
      const name = title.value.trim();
      if (!name) return;
      save.disabled = true;
      try {
        const words = note.value.trim();
        const item = {
          id: scenarioId(name, scenarios.map((s) => s.id)),
          title: { ar: name, en: name },
          description: { ar: words || name, en: words || name },
          levers: last.body.levers ?? {},
          schedule: last.body.schedule ?? [],
          basis: 'analyst',
          ...(words ? { note: { ar: words, en: words } } : {}),
          cite: [],
        };
        const done = await post('items/add', { kind: 'scenarios', item, reason: words || t('scenarioSavedReason') });
        forget();
        announce(t('scenarioSaved'));
        location.hash = href(lang(), 'scenarios', [done.change.item ?? item.id]);
      } catch (error) {
        save.disabled = false;
        set(status, errorNotice(error));
      }
    });
    return h('section', { class: 'card' }, h('h3', {}, t('saveScenario')), last?.body.edges ? h('p', { class: 'muted' }, t('edgesNotSaved')) : null, f);
  }

  return h(
    'details',
    { class: 'card author-card', id: 'author' },
    h('summary', {}, h('h2', { class: 'inline' }, t('authorScenario'))),
    h('p', { class: 'muted' }, t('authorIntro')),
    form,
    results,
  );
}

/** Steps of one month merged, in date order, as the request's schedule. */
function groupSteps(steps: Step[]): Array<{ date: string; levers: Record<string, number> }> {
  const byDate = new Map<string, Record<string, number>>();
  for (const s of steps) byDate.set(s.date, { ...(byDate.get(s.date) ?? {}), [s.lever]: s.value });
  return [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, levers]) => ({ date, levers }));
}

/** A kebab-case id from the name's Latin letters (or "my-scenario"), unique among the case's. */
function scenarioId(name: string, taken: string[]): string {
  const stem =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'my-scenario';
  let id = stem;
  for (let n = 2; taken.includes(id); n++) id = `${stem}-${n}`;
  return id;
}
