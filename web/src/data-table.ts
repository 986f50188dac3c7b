/**
 * The text alternative of a chart, a timeline or a map: its data as a table inside a
 * disclosure, in the UI's language and digits, reflowing into cards on a phone. Cells may be
 * DOM (a sequence, a link, a button) or text.
 */
import { h } from './dom.js';
import { t } from './i18n.js';

export function dataTable(caption: string, head: string[], rows: Array<Array<string | Node>>, id?: string): HTMLElement {
  return h(
    'details',
    { class: 'alt', id },
    h('summary', {}, t('dataTable')),
    h(
      'table',
      { class: 'reflow' },
      h('caption', { class: 'sr-only' }, caption),
      h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => h('td', { 'data-label': head[i] }, c))))),
    ),
  );
}
