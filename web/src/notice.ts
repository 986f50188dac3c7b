/**
 * What the app says when something is missing or went wrong, inside the part of the page that
 * asked — in the UI language, with a way forward — and the one live region that announces
 * results and progress to screen readers.
 */
import { ApiError } from './api.js';
import { bdi, h } from './dom.js';
import { lang, t, type StringKey } from './i18n.js';
import { href } from './router.js';

/** An error as a box: what happened in the UI language, the server's words folded away, a retry. */
export function errorNotice(error: unknown, retry?: () => void): HTMLElement {
  const status = error instanceof ApiError ? error.status : -1;
  const key: StringKey =
    status === 0 ? 'errorNetwork' : status === 400 || status === 413 ? 'errorBadRequest' : status === 404 ? 'errorNotFound' : status === 429 ? 'errorBusy' : 'errorServer';
  const detail = error instanceof Error ? error.message : String(error);
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('p', {}, h('strong', {}, t('error')), ' — ', t(key)),
    detail ? h('details', {}, h('summary', {}, t('technicalDetails')), h('p', { lang: 'en', dir: 'ltr' }, status > 0 ? `${status}: ${detail}` : detail)) : null,
    h(
      'p',
      { class: 'actions' },
      retry ? h('button', { type: 'button', class: 'secondary', onclick: () => retry() }, t('retry')) : null,
      ' ',
      h('a', { href: href(lang(), 'overview') }, t('backToOverview')),
    ),
  );
}

/** "The case has no scenario with the id «x». Choose one of these instead: …" */
export function unknownNotice(what: StringKey, id: string, choices: Array<{ href: string; label: string }> = []): HTMLElement {
  return h(
    'div',
    { class: 'notice', role: 'alert', id: 'unknown-id' },
    h('p', {}, t(what), ' «', bdi(id), '».'),
    choices.length
      ? [h('p', {}, t('chooseInstead')), h('ul', { class: 'choices' }, choices.map((c) => h('li', {}, h('a', { href: c.href }, bdi(c.label)))))]
      : h('p', {}, h('a', { href: href(lang(), 'overview') }, t('backToOverview'))),
  );
}

/** Says `text` through the page's polite live region (search results, job progress). */
export function announce(text: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  // Clearing first makes a repeated message be spoken again.
  region.textContent = '';
  requestAnimationFrame(() => (region.textContent = text));
}
