/**
 * The back-test: the case rewound to a date (default 31 October 2024, the built-in case's
 * documents' last month), the probabilities it held then against the outcomes recorded after,
 * with Brier and log scores; each commitment's timeliness then and now with the timing error;
 * each indicator's state then and now. The same answer as `marsad backtest --as-of DATE`; above
 * it, every hypothesis's and scenario's probability over time (`marsad probabilities`).
 */
import { get } from '../api.js';
import { asOfForm } from '../as-of-form.js';
import { add, bdi, h } from '../dom.js';
import { bi, fmtDate, fmtNumber, label, t } from '../i18n.js';
import type { Page } from '../page.js';
import { drawnSeries, probabilityChart, seriesSwatch } from '../probability-chart.js';

const DEFAULT_AS_OF = '2024-10-31';

export const backtestPage: Page = async (root, ctx) => {
  const asOf = ctx.route.params.get('asOf') ?? DEFAULT_AS_OF;
  const [r, track] = await Promise.all([get('backtest', { asOf }), get('probabilities', {})]);
  const chart = probabilityChart(track.series, track.from, track.until, r.asOf);
  const num = (x: number | null, digits = 3) => (x === null ? '—' : fmtNumber(x, digits));
  const table = (id: string, head: string[], rows: Array<Array<string | HTMLElement>>) =>
    h(
      'table',
      { id, class: 'reflow' },
      h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => h('td', { 'data-label': head[i] }, cell))))),
    );
  const s = r.scores;
  add(
    root,
    h('h1', {}, t('backtest')),
    h('p', { class: 'muted' }, t('backtestIntro')),
    asOfForm(ctx.route, r.asOf),
    h(
      'p',
      { id: 'backtest-scores' },
      h('strong', {}, `${fmtNumber(s.resolved)} ${t('resolvedCount')}`),
      ` · ${t('meanScores')}: ${t('brier')} ${num(s.brier)} · ${t('logScore')} ${num(s.log)} · ${t('deadlinesMet')}: ${fmtNumber(s.onTime)} / ${fmtNumber(s.late)} / ${fmtNumber(s.missed)}`,
    ),
    h('p', { class: 'muted' }, `${t('asOf')} ${fmtDate(r.asOf)} → ${fmtDate(r.until)}`),
    chart
      ? h(
          'section',
          { id: 'probabilities' },
          h('h2', {}, t('probabilitiesOverTime')),
          h(
            'figure',
            // It scrolls sideways on a phone: focusable so the keyboard can scroll it too.
            { class: 'slip', tabindex: '0', 'aria-label': t('probabilityChart') },
            chart,
            h(
              'figcaption',
              { class: 'muted' },
              t('probabilityChart'),
              ' · ● ',
              t('analystForecast'),
              ' · ✕ ',
              t('outcomeMark'),
              ' · ┊ ',
              t('backtestDate'),
              h(
                'ul',
                { class: 'chart-legend' },
                drawnSeries(track.series).map((x, i) =>
                  h('li', {}, seriesSwatch(i), bdi(bi(x.title))),
                ),
              ),
            ),
          ),
        )
      : null,
    h('h2', {}, t('forecasts')),
    table(
      'backtest-forecasts',
      [t('forecasts'), '', t('predicted'), t('source'), t('observed'), t('resolvedOn'), t('brier'), t('logScore')],
      r.forecasts
        .filter((f) => f.predicted !== null || f.observed !== null)
        .map((f) => [
          bdi(bi(f.title)),
          t(f.kind === 'scenario' ? 'scenarios' : 'hypotheses'),
          f.predicted === null ? '—' : fmtNumber(f.predicted, 2),
          f.source ?? '—',
          f.observed === null ? '—' : t(f.observed ? 'yes' : 'no'),
          f.resolved ? fmtDate(f.resolved) : '—',
          num(f.brier),
          num(f.log),
        ]),
    ),
    r.calibration.length
      ? table(
          'backtest-calibration',
          [t('calibration'), t('forecasts'), t('predicted'), t('cameTrue')],
          r.calibration.map((b) => [`${fmtNumber(b.from, 1)}–${fmtNumber(b.to, 1)}`, fmtNumber(b.n), fmtNumber(b.meanP, 2), fmtNumber(b.observed, 2)]),
        )
      : null,
    h('h2', {}, t('commitments')),
    table(
      'backtest-commitments',
      [t('commitments'), t('due'), t('then'), t('now'), t('timingError')],
      r.commitments.map((m) => [
        bdi(bi(m.title)),
        m.due ? fmtDate(m.due) : '—',
        label(`tl_${m.then}`),
        label(`tl_${m.now}`),
        m.timingError === null ? '—' : fmtNumber(m.timingError),
      ]),
    ),
    h('h2', {}, t('indicators')),
    table(
      'backtest-indicators',
      [t('indicators'), t('then'), t('now')],
      r.indicators.map((i) => [bdi(bi(i.label)), label(`tl_${i.then}`), label(`tl_${i.now}`)]),
    ),
  );
};
