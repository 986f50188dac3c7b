/** The "as of" date field of a page: the case as known on a day, kept in the URL (`?asOf=`). */
import { h } from './dom.js';
import { lang, t } from './i18n.js';
import type { Route } from './router.js';
import { href } from './router.js';

export function asOfForm(route: Route, shown: string): HTMLFormElement {
  const input = h('input', { type: 'date', name: 'asOf', id: `as-of-${route.page}`, value: route.params.get('asOf') ?? shown, required: true });
  const form = h(
    'form',
    { class: 'filters as-of', id: 'as-of-form' },
    h('label', { for: input.id, title: t('asOfHint') }, t('asOf'), ' ', input),
    h('button', { type: 'submit' }, t('show')),
    route.params.get('asOf') ? h('a', { href: href(lang(), route.page, route.args) }, t('today')) : null,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = Object.fromEntries(route.params);
    next.asOf = input.value;
    location.hash = href(lang(), route.page, route.args, next);
  });
  return form;
}
