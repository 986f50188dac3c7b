/** Names of actors, places and concepts by id, loaded once, for labels across pages. */
import { get } from './api.js';
import { bdi, h } from './dom.js';
import { bi, lang, t } from './i18n.js';
import { href } from './router.js';
import type { Actor, Bi, DocMeta } from './types.js';

let actors: Promise<Map<string, Actor>> | undefined;

export function actorMap(): Promise<Map<string, Actor>> {
  actors ??= get('actors').then((r) => new Map(r.items.map((a) => [a.id, a])));
  return actors;
}

export function actorName(map: Map<string, Actor>, id: string): string {
  return bi(map.get(id)?.name) || id;
}

export function actorLink(map: Map<string, Actor>, id: string): HTMLElement {
  return h('a', { href: href(lang(), 'actors', [id]), class: 'actor-link' }, bdi(actorName(map, id)));
}

export function name(b: Bi | undefined, fallback = ''): string {
  return bi(b) || fallback;
}

const ARABIC = /[\u0600-\u06FF]/;

/**
 * The side of a "Latin (عربي)" pair for the UI language — outlets and authors are often written
 * with both ("Al-Araby Al-Jadeed (العربي الجديد)"); anything else is shown as it is.
 */
export function localPart(s: string | null | undefined): string {
  if (!s) return '';
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(s);
  if (!m) return s;
  const [, outer, inner] = m;
  const innerAr = ARABIC.test(inner) && !ARABIC.test(outer);
  const outerAr = ARABIC.test(outer) && !ARABIC.test(inner);
  if (!innerAr && !outerAr) return s;
  const arabic = innerAr ? inner : outer;
  const latin = innerAr ? outer : inner;
  return lang() === 'ar' ? arabic : latin;
}

/** A document's title in the UI language when the metadata has one, else its own title or file name. */
export function docTitle(d: DocMeta): string {
  const m = (d.meta ?? {}) as Record<string, unknown>;
  const own = (k: string) => (typeof m[k] === 'string' && m[k] ? (m[k] as string) : undefined);
  return (lang() === 'ar' ? own('title_ar') : own('title_en')) ?? d.title ?? own('title_ar') ?? own('title_en') ?? d.file;
}

/** A link to an item's editor and its changes on the history page, from wherever the item is shown. */
export function itemHistoryLink(kind: string, id: string): HTMLElement {
  return h('a', { href: href(lang(), 'history', [], { kind, item: id }), class: 'item-history-link' }, t('editAndHistory'));
}
