/**
 * The overview's map of the case's places: Natural Earth country outlines (the `world-atlas`
 * package, shipped in the build — no tiles, no network) drawn as SVG with d3-geo, and a marker
 * for every place with coordinates, sized by the number of events that happened there. Markers
 * are buttons (focusable, Enter/Space) that show the place's events; the same data follows as a
 * table for screen readers and keyboard users.
 */
import { geoBounds, geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// 1:110m outlines: at the scale of a region (some 20° across) finer ones add bytes, not detail.
import worldUrl from 'world-atlas/countries-110m.json?url';
import { bdi, h, set, svg } from './dom.js';
import { bi, COUNTS, fmtDate, label, lang, locale, plural, t } from './i18n.js';
import { href } from './router.js';
import type { Bi, PDate } from './types.js';

export interface MapPlace {
  id: string;
  kind: string;
  name: Bi;
  lat: number;
  lon: number;
  events: Array<{ id: string; date: PDate; title: Bi }>;
  claims: string[];
}

/** ISO 3166 numeric (Natural Earth ids) → alpha-2, for country names in the UI language via Intl. */
const ALPHA2: Record<string, string> = {
  '368': 'IQ', '760': 'SY', '364': 'IR', '792': 'TR', '400': 'JO', '682': 'SA', '414': 'KW', '422': 'LB', '376': 'IL', '275': 'PS',
  '818': 'EG', '887': 'YE', '512': 'OM', '784': 'AE', '634': 'QA', '048': 'BH', '196': 'CY', '031': 'AZ', '051': 'AM', '268': 'GE',
  '004': 'AF', '586': 'PK', '729': 'SD', '232': 'ER', '262': 'DJ', '706': 'SO', '231': 'ET', '434': 'LY', '795': 'TM',
};

/** The places the map frames: those near the median position (far-off ones go to the table only). */
export function framedPlaces(places: MapPlace[]): MapPlace[] {
  if (!places.length) return [];
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const lat = median(places.map((p) => p.lat));
  const lon = median(places.map((p) => p.lon));
  return places.filter((p) => Math.abs(p.lat - lat) <= 12 && Math.abs(p.lon - lon) <= 15);
}

let topology: Promise<Topology> | undefined;

export async function placeMap(places: MapPlace[]): Promise<HTMLElement> {
  topology ??= fetch(worldUrl).then((r) => {
    if (!r.ok) throw new Error(`map outline: HTTP ${r.status}`);
    return r.json() as Promise<Topology>;
  });
  const world = await topology;
  const framed = framedPlaces(places);
  const [w, hgt] = [800, 520];
  const pad = 1.2;
  const lons = framed.map((p) => p.lon);
  const lats = framed.map((p) => p.lat);
  const extent: GeoPermissibleObjects = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      // Clockwise, as d3-geo reads it: the small box, not the rest of the globe.
      coordinates: [[
        [Math.min(...lons) - pad, Math.min(...lats) - pad],
        [Math.min(...lons) - pad, Math.max(...lats) + pad],
        [Math.max(...lons) + pad, Math.max(...lats) + pad],
        [Math.max(...lons) + pad, Math.min(...lats) - pad],
        [Math.min(...lons) - pad, Math.min(...lats) - pad],
      ]],
    },
  };
  const projection = geoMercator().fitExtent([[10, 10], [w - 10, hgt - 10]], extent).clipExtent([[0, 0], [w, hgt]]);
  const path = geoPath(projection);
  const countries = feature(world, world.objects.countries as GeometryCollection);
  const [[x0, y0], [x1, y1]] = geoBounds(extent);
  const near = countries.features.filter((f) => {
    const [[a, b], [c, d]] = geoBounds(f);
    return c >= x0 - 5 && a <= x1 + 5 && d >= y0 - 5 && b <= y1 + 5;
  });
  const borders = mesh(world, world.objects.countries as GeometryCollection, (a, b) => a !== b);
  const names = new Intl.DisplayNames([locale()], { type: 'region' });
  const maxEvents = Math.max(1, ...framed.map((p) => p.events.length));

  const detail = h('div', { class: 'map-detail', id: 'map-detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('mapNote')));
  const markers: SVGElement[] = [];
  const show = (p: MapPlace, marker: SVGElement) => {
    for (const m of markers) m.classList.toggle('selected', m === marker);
    set(
      detail,
      h('h3', {}, bdi(bi(p.name)), ' ', h('span', { class: 'badge' }, label(p.kind))),
      p.events.length
        ? h('ul', { class: 'plain' }, p.events.map((e) => h('li', {}, h('span', { class: 'date' }, fmtDate(e.date)), h('a', { href: href(lang(), 'timeline', [], { event: e.id }) }, bdi(bi(e.title))))))
        : h('p', { class: 'muted' }, t('noEventsHere')),
    );
  };
  const map = svg(
    'svg',
    { viewBox: `0 0 ${w} ${hgt}`, role: 'group', 'aria-label': `${t('mapTitle')}. ${t('mapNote')}` },
    svg('g', { 'aria-hidden': 'true' }, near.map((f) => svg('path', { class: `land${f.id === '368' ? ' focus' : ''}`, d: path(f) ?? '' }))),
    svg('path', { class: 'border', d: path(borders) ?? '', 'aria-hidden': 'true' }),
    svg(
      'g',
      { 'aria-hidden': 'true' },
      near.map((f) => {
        const code = ALPHA2[String(f.id)];
        const c = path.centroid(f);
        if (!code || !Number.isFinite(c[0]) || c[0] < 30 || c[0] > w - 30 || c[1] < 20 || c[1] > hgt - 20) return null;
        return svg('text', { class: 'country-name', x: c[0], y: c[1], 'text-anchor': 'middle' }, names.of(code) ?? code);
      }),
    ),
    svg(
      'g',
      {},
      [...framed]
        .sort((a, b) => b.events.length - a.events.length)
        .map((p) => {
          const [x, y] = projection([p.lon, p.lat]) ?? [0, 0];
          const r = 4 + 7 * Math.sqrt(p.events.length / maxEvents);
          const showLabel = p.events.length > 0 || p.kind === 'base' || p.kind === 'camp';
          const marker = svg(
            'g',
            {
              class: `place ${p.kind}${p.events.length ? ' has-events' : ''}`,
              tabindex: 0,
              role: 'button',
              'data-place': p.id,
              'aria-label': `${bi(p.name)} (${label(p.kind)}): ${plural(p.events.length, COUNTS.events)}`,
            },
            svg('title', {}, `${bi(p.name)} · ${plural(p.events.length, COUNTS.events)}`),
            svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1) }),
            showLabel ? svg('text', { x: (x + (lang() === 'ar' ? -r - 3 : r + 3)).toFixed(1), y: (y + 3).toFixed(1), 'text-anchor': 'start' }, bi(p.name)) : null,
          );
          marker.addEventListener('click', () => show(p, marker));
          marker.addEventListener('keydown', (ev) => {
            const key = (ev as KeyboardEvent).key;
            if (key === 'Enter' || key === ' ') {
              ev.preventDefault();
              show(p, marker);
            }
          });
          markers.push(marker);
          return marker;
        }),
    ),
  );
  const framedIds = new Set(framed.map((p) => p.id));
  const table = h(
    'details',
    { class: 'alt', id: 'places-table' },
    h('summary', {}, t('placesTable')),
    h(
      'table',
      { class: 'reflow' },
      h('thead', {}, h('tr', {}, [t('place'), t('type'), t('events')].map((x) => h('th', { scope: 'col' }, x)))),
      h(
        'tbody',
        {},
        [...places]
          .sort((a, b) => b.events.length - a.events.length || bi(a.name).localeCompare(bi(b.name), lang()))
          .map((p) =>
            h(
              'tr',
              { class: framedIds.has(p.id) ? '' : 'off-map' },
              h('td', { 'data-label': t('place') }, bdi(bi(p.name))),
              h('td', { 'data-label': t('type') }, label(p.kind)),
              h(
                'td',
                { 'data-label': t('events') },
                p.events.length
                  ? p.events.map((e, i) => [i ? ' · ' : '', h('a', { href: href(lang(), 'timeline', [], { event: e.id }) }, bdi(bi(e.title)))])
                  : '—',
              ),
            ),
          ),
      ),
    ),
  );
  return h('div', { class: 'map-box' }, h('div', { class: 'map-grid' }, map, detail), table);
}
