/**
 * Probabilities over time: each scenario's or hypothesis's probability as a step line (it holds
 * until the next day it changed), the back-test's date as a dashed line, and each outcome as a
 * mark at 1 (came about) or 0 (did not) on the day it was recorded. A scenario whose track is
 * that of the hypothesis naming it is drawn once. Time runs in the reading direction: right to
 * left in Arabic.
 */
import type { ApiGetResponse } from '../../src/domain/api-types.js';
import { svg } from './dom.js';
import { bi, dateOf, fmtNumber, lang, t } from './i18n.js';

type Series = ApiGetResponse<'probabilities'>['series'][number];

const DAY = 86_400_000;
const dayOf = (date: string) => dateOf(date).getTime() / DAY;
const SERIES_COLOURS = ['#1565c0', '#c62828', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#ad1457'];

/** The legend's mark for the i-th drawn series, in its line's colour. */
export function seriesSwatch(i: number): SVGElement {
  const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
  return svg('svg', { class: 'swatch', viewBox: '0 0 18 6', 'aria-hidden': 'true' }, svg('rect', { width: 18, height: 6, fill: colour }));
}

/** The series worth drawing: those with a probability, a scenario mirroring a hypothesis left out. */
export function drawnSeries(series: readonly Series[]): Series[] {
  const tracked = series.filter((x) => x.points.length > 0);
  const key = (x: Series) => JSON.stringify(x.points);
  const hypotheses = new Set(tracked.filter((x) => x.kind === 'hypothesis').map(key));
  return tracked.filter((x) => x.kind === 'hypothesis' || !hypotheses.has(key(x)));
}

export function probabilityChart(series: readonly Series[], from: string, until: string, asOf: string): SVGElement | null {
  const drawn = drawnSeries(series);
  if (drawn.length === 0) return null;
  const lo = Math.min(dayOf(from), dayOf(asOf));
  const hi = Math.max(dayOf(until), dayOf(asOf), lo + 30);
  const width = 760;
  const height = 260;
  const [left, right, top, bottom] = [40, 12, 10, 26];
  const rtl = lang() === 'ar';
  const plot = (day: number) => {
    const x = left + ((day - lo) / (hi - lo)) * (width - left - right);
    return rtl ? width - x : x;
  };
  const y = (p: number) => top + (1 - p) * (height - top - bottom);
  const out = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'probability-chart', role: 'img', 'aria-label': t('probabilityChart'), direction: rtl ? 'rtl' : 'ltr' });
  const axisX = rtl ? width - 6 : 6;
  for (const p of [0, 0.25, 0.5, 0.75, 1]) {
    out.append(
      svg('line', { x1: plot(lo), x2: plot(hi), y1: y(p), y2: y(p), stroke: p === 0 ? '#90a4ae' : '#eceff1' }),
      svg('text', { x: axisX, y: y(p) + 4, 'text-anchor': 'start', 'font-size': 11 }, fmtNumber(p, 2)),
    );
  }
  const firstYear = new Date(lo * DAY).getUTCFullYear() + 1;
  const lastYear = new Date(hi * DAY).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    const x = plot(Date.UTC(year, 0, 1) / DAY);
    out.append(
      svg('line', { x1: x, x2: x, y1: top, y2: height - bottom, stroke: '#eceff1' }),
      svg('text', { x, y: height - 8, 'text-anchor': 'middle', 'font-size': 11 }, fmtNumber(year).replace(/[,٬]/g, '')),
    );
  }
  drawn.forEach((s, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
    const g = svg('g', { class: 'probability-series', 'data-id': `${s.kind}:${s.id}` }, svg('title', {}, bi(s.title)));
    // A step line: flat from each point to the next, then on to the end of the track.
    let d = '';
    s.points.forEach((pt, k) => {
      const x0 = plot(dayOf(pt.date));
      const next = s.points[k + 1];
      const x1 = plot(next ? dayOf(next.date) : dayOf(until));
      d += `${k === 0 ? 'M' : 'L'} ${x0} ${y(pt.p)} L ${x1} ${y(pt.p)} `;
    });
    g.append(svg('path', { d: d.trim(), fill: 'none', stroke: colour, 'stroke-width': 2 }));
    for (const pt of s.points) {
      if (pt.source === 'analyst') g.append(svg('circle', { cx: plot(dayOf(pt.date)), cy: y(pt.p), r: 3.5, fill: colour }));
    }
    if (s.outcome) {
      const ox = plot(dayOf(s.outcome.date));
      const oy = y(s.outcome.value ? 1 : 0);
      g.append(svg('path', { d: `M ${ox - 5} ${oy - 5} L ${ox + 5} ${oy + 5} M ${ox - 5} ${oy + 5} L ${ox + 5} ${oy - 5}`, stroke: colour, 'stroke-width': 2.5, class: 'probability-outcome' }));
    }
    out.append(g);
  });
  const x = plot(dayOf(asOf));
  out.append(svg('line', { x1: x, x2: x, y1: top - 4, y2: height - bottom, stroke: '#37474f', 'stroke-dasharray': '4 3' }));
  return out;
}
