/**
 * The commitments' slip chart (planned vs actual, as a project tracker draws it): one row per
 * commitment with a deadline; its status over time as bands coloured by score (0–3), the deadline
 * as a diamond at the last day it allows, completion as a dot, and the time a commitment ran past
 * its deadline as a red bar; a dashed line marks the as-of date. Time runs in the reading
 * direction: right to left in Arabic.
 */
import { svg } from './dom.js';
import { bi, fmtDate, fmtNumber, label, lang, t } from './i18n.js';
import type { Commitment } from './types.js';

type PartialDate = Commitment['history'][number]['date'];

const DAY = 86_400_000;
const valueOf = (d: PartialDate) => (typeof d === 'string' ? d : d.value);

/** First day a partial date may denote, as a day number. */
function firstDay(d: PartialDate): number {
  const [y, m = 1, day = 1] = valueOf(d).split('-').map(Number);
  return Date.UTC(y!, m - 1, day) / DAY;
}

/** Last day a partial date may denote (when a deadline written so falls due). */
function lastDay(d: PartialDate): number {
  const parts = valueOf(d).split('-').map(Number);
  if (parts.length === 3) return firstDay(d);
  if (parts.length === 2) return Date.UTC(parts[0]!, parts[1]!, 0) / DAY;
  return Date.UTC(parts[0]!, 11, 31) / DAY;
}

const SCORE_COLOURS = ['#e57373', '#ffb74d', '#fff176', '#81c784'];

export function slipChart(items: readonly Commitment[], asOf: string): SVGElement | null {
  const rows = items.filter((m) => m.due !== undefined);
  if (rows.length === 0) return null;
  const now = firstDay(asOf);
  const starts = rows.flatMap((m) => m.history.map((e) => firstDay(e.date)));
  const ends = rows.flatMap((m) => [lastDay(m.due!), m.completed ? firstDay(m.completed) : now]);
  const lo = Math.min(...starts, now);
  const hi = Math.max(...ends, now) + 15;
  const width = 760;
  const labelWidth = 230;
  const rowHeight = 24;
  const top = 10;
  const height = top + rows.length * rowHeight + 30;
  const rtl = lang() === 'ar';
  const plot = (day: number) => {
    const x = labelWidth + ((day - lo) / (hi - lo)) * (width - labelWidth - 10);
    return rtl ? width - x : x;
  };
  const labelX = rtl ? width - 4 : 4;
  const anchor = 'start';
  const out = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'slip-chart', role: 'img', 'aria-label': t('slipChart'), direction: rtl ? 'rtl' : 'ltr' });
  const firstYear = new Date(lo * DAY).getUTCFullYear() + 1;
  const lastYear = new Date(hi * DAY).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    const x = plot(Date.UTC(year, 0, 1) / DAY);
    out.append(
      svg('line', { x1: x, x2: x, y1: top, y2: height - 22, stroke: '#ddd' }),
      svg('text', { x, y: height - 8, 'text-anchor': 'middle', 'font-size': 11 }, fmtNumber(year).replace(/[,٬]/g, '')),
    );
  }
  rows.forEach((m, i) => {
    const y = top + i * rowHeight;
    const mid = y + rowHeight / 2;
    const end = m.completed ? firstDay(m.completed) : now;
    const history = [...m.history].sort((a, b) => firstDay(a.date) - firstDay(b.date));
    const g = svg('g', { class: `slip-row tl-${m.timeliness}` }, svg('title', {}, `${bi(m.title)} — ${t('due')} ${fmtDate(m.due!)} — ${label(`tl_${m.timeliness}`)}${m.daysLate !== null ? ` (${fmtNumber(m.daysLate)} ${t('daysLate')})` : ''}`));
    g.append(svg('text', { x: labelX, y: mid + 4, 'text-anchor': anchor, 'font-size': 11 }, bi(m.title).slice(0, 34)));
    history.forEach((e, k) => {
      const from = firstDay(e.date);
      const to = k + 1 < history.length ? firstDay(history[k + 1]!.date) : Math.max(end, from + 1);
      const [a, b] = [plot(from), plot(to)].sort((p, q) => p - q);
      g.append(svg('rect', { x: a, y: mid - 4, width: Math.max(1, b! - a!), height: 8, fill: e.abandoned ? '#bdbdbd' : SCORE_COLOURS[e.score] }));
    });
    const due = lastDay(m.due!);
    if (end > due && m.timeliness !== 'abandoned') {
      const [a, b] = [plot(due), plot(end)].sort((p, q) => p - q);
      g.append(svg('rect', { x: a, y: mid + 5, width: Math.max(1, b! - a!), height: 3, fill: '#c62828' }));
    }
    const dx = plot(due);
    g.append(svg('path', { d: `M ${dx} ${mid - 7} L ${dx + 5} ${mid} L ${dx} ${mid + 7} L ${dx - 5} ${mid} Z`, fill: '#fff', stroke: '#263238', 'stroke-width': 1.5 }));
    if (m.completed) g.append(svg('circle', { cx: plot(firstDay(m.completed)), cy: mid, r: 4.5, fill: '#1b5e20' }));
    out.append(g);
  });
  const x = plot(now);
  out.append(svg('line', { x1: x, x2: x, y1: top - 4, y2: height - 22, stroke: '#37474f', 'stroke-dasharray': '4 3' }));
  return out;
}
