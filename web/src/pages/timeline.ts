/**
 * Timeline: events on a zoomable vis-timeline, filtered by actor and type. A date known only to
 * the year is drawn as a span over that year and one known to the month as a dashed box, so the
 * precision is visible; every label gives the date at its precision. Item contents are DOM elements, never HTML strings.
 */
import { DataSet } from 'vis-data/peer';
import { Timeline } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import { get } from '../api.js';
import { citeLinks, citeQuote } from '../cite.js';
import { dataTable } from '../data-table.js';
import { add, bdi, h, set } from '../dom.js';
import { bi, dateOf, dateValue, fmtDate, fmtDateWith, label, lang, listSep, t } from '../i18n.js';
import { actorLink, actorMap, itemHistoryLink } from '../lookup.js';
import { announce, unknownNotice } from '../notice.js';
import type { Page } from '../page.js';
import { href, replaceRoute } from '../router.js';
import type { CaseEvent, PDate } from '../types.js';

/**
 * Axis labels through Intl in the page's language, digits and month names (the timeline's own
 * labels are English-only).
 */
function axisLabel(kind: 'minor' | 'major') {
  return (date: { toDate(): Date } | Date, scale: string): string => {
    const d = date instanceof Date ? date : date.toDate();
    const f = (o: Intl.DateTimeFormatOptions) => fmtDateWith(d, o);
    if (kind === 'minor') {
      if (scale === 'year') return f({ year: 'numeric' });
      if (scale === 'month') return f({ month: 'short' });
      if (scale === 'day' || scale === 'weekday') return f({ day: 'numeric' });
      return f({ hour: '2-digit', minute: '2-digit' });
    }
    if (scale === 'year') return '';
    if (scale === 'month') return f({ year: 'numeric' });
    if (scale === 'day' || scale === 'weekday') return f({ month: 'long', year: 'numeric' });
    return f({ day: 'numeric', month: 'long', year: 'numeric' });
  };
}

/** The day after the last day a partial date may denote. */
function endOf(d: PDate): Date {
  const v = dateValue(d);
  const start = dateOf(d);
  if (v.length === 4) return new Date(Date.UTC(start.getUTCFullYear() + 1, 0, 1));
  if (v.length === 7) return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return new Date(start.getTime() + 86_400_000);
}

export const timelinePage: Page = async (root, ctx) => {
  const params = ctx.route.params;
  const [events, actors] = await Promise.all([get('events'), actorMap()]);
  const actorFilter = params.get('actor') ?? '';
  const typeFilter = params.get('type') ?? '';
  const selected = params.get('event');
  const types = [...new Set(events.items.map((e) => e.type))].sort();
  const involved = [...new Set(events.items.flatMap((e) => e.actors))];

  const setParam = (key: string, value: string) => {
    const next = Object.fromEntries(params.entries());
    next[key] = value;
    delete next.event;
    location.hash = href(lang(), 'timeline', [], next);
  };
  const actorSelect = h(
    'select',
    { name: 'actor', onchange: (ev: Event) => setParam('actor', (ev.target as HTMLSelectElement).value) },
    h('option', { value: '' }, t('anyActor')),
    involved.map((id) => h('option', { value: id, selected: id === actorFilter }, bi(actors.get(id)?.name) || id)),
  );
  const typeSelect = h(
    'select',
    { name: 'type', onchange: (ev: Event) => setParam('type', (ev.target as HTMLSelectElement).value) },
    h('option', { value: '' }, t('anyType')),
    types.map((ty) => h('option', { value: ty, selected: ty === typeFilter }, label(ty))),
  );
  const box = h('div', { class: 'timeline-box', id: 'timeline' });
  const detail = h('section', { class: 'card', id: 'event-detail' });
  add(root,
    h('h1', {}, t('timeline')),
    h('form', { class: 'filters' }, h('label', {}, t('actors'), actorSelect), h('label', {}, t('type'), typeSelect)),
  );
  if (selected && !events.items.some((e) => e.id === selected)) add(root, unknownNotice('unknownEvent', selected));
  add(root, h('div', { class: 'timeline-frame', role: 'region', 'aria-label': t('timeline') }, box), detail);

  const shown = events.items.filter((e) => (!actorFilter || e.actors.includes(actorFilter)) && (!typeFilter || e.type === typeFilter));
  const items = new DataSet(
    shown.map((e) => {
      const precision = dateValue(e.date).length;
      // A year (or a dated span) is drawn over its extent; a month as a dashed box at mid-month,
      // since a month-wide bar is too narrow to label at the usual zoom.
      const span = precision === 4 || e.until !== undefined;
      const start = precision === 7 && !span ? new Date(dateOf(e.date).getTime() + 14 * 86_400_000) : dateOf(e.date);
      return {
        id: e.id,
        start,
        // No `end` key at all for a box: vis-timeline's focus() reads `end` whenever the key exists.
        ...(span ? { end: endOf(e.until ?? e.date) } : {}),
        type: span ? 'range' : 'box',
        className: precision === 10 ? 'precise' : 'vague',
        content: h('span', {}, h('span', { class: 'date' }, fmtDate(e.date)), bdi(bi(e.title))),
      };
    }),
  );
  // Open on where most events are (from the 40th percentile date to the last one), not on the
  // whole span back to the earliest background event; zooming out shows the rest.
  const starts = shown.map((e) => dateOf(e.date).getTime()).sort((a, b) => a - b);
  const ends = shown.map((e) => endOf(e.until ?? e.date).getTime());
  const windowStart = starts.length ? starts[Math.floor(starts.length * 0.4)] - 30 * 86_400_000 : undefined;
  const windowEnd = ends.length ? Math.max(...ends) + 60 * 86_400_000 : undefined;
  const timeline = new Timeline(box, items as never, {
    start: windowStart,
    end: windowEnd,
    rtl: lang() === 'ar',
    locale: lang(),
    locales: {
      ar: { current: 'الحالي', time: 'الوقت', deleteSelected: 'حذف' },
      en: { current: 'current', time: 'time', deleteSelected: 'Delete selected' },
    },
    format: { minorLabels: axisLabel('minor'), majorLabels: axisLabel('major') } as never,
    zoomable: true,
    stack: true,
    margin: { item: 6 },
    orientation: 'top',
    // The case has its own "now" (as_of); the machine's clock would mislead.
    showCurrentTime: false,
    maxHeight: 520,
  });
  ctx.onLeave(() => timeline.destroy());

  const show = (id: string | null) => {
    set(detail);
    const e = events.items.find((x) => x.id === id);
    if (!e) return;
    add(detail,
      h('h2', {}, h('span', { class: 'sr-only' }, `${t('eventSelected')}: `), bdi(bi(e.title))),
      h('p', {}, h('span', { class: 'date' }, fmtDate(e.date), e.until ? ` – ${fmtDate(e.until)}` : ''), h('span', { class: 'badge' }, label(e.type))),
      e.summary ? h('p', {}, bi(e.summary)) : null,
      h('p', {}, e.actors.map((a, i) => [i ? listSep() : '', actorLink(actors, a)])),
      citeLinks(e.cite),
      e.cite.map((c) => citeQuote(c)),
      h('p', {}, itemHistoryLink('events', e.id)),
    );
  };
  // The selection is kept in the URL (without a new history entry), so reload and the
  // language switch keep it.
  const select = (id: string | null, focus: boolean) => {
    show(id);
    const next = Object.fromEntries(params.entries());
    if (id) next.event = id;
    else delete next.event;
    replaceRoute(href(lang(), 'timeline', [], next));
    if (focus && id) timeline.setSelection([id], { focus: true, animation: { animation: false } } as never);
    const e = events.items.find((x) => x.id === id);
    if (e) announce(`${t('eventSelected')}: ${bi(e.title)}`);
  };
  timeline.on('select', (props: { items: string[] }) => select(props.items[0] ?? null, false));
  if (selected && shown.some((e) => e.id === selected)) {
    timeline.setSelection([selected], { focus: true, animation: { animation: false } } as never);
    show(selected);
  }
  // The text alternative and the keyboard's way in: every shown event, each a button selecting it.
  add(
    root,
    dataTable(
      t('timeline'),
      [t('date'), t('events'), t('type')],
      [...shown]
        .sort((a, b) => dateOf(a.date).getTime() - dateOf(b.date).getTime())
        .map((e) => [fmtDate(e.date), h('button', { type: 'button', class: 'button-link', onclick: () => select(e.id, true) }, bdi(bi(e.title))), label(e.type)]),
      'timeline-table',
    ),
  );
};
