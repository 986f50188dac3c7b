/** Names of actors, places and concepts by id, loaded once, for labels across pages. */
import { get } from './api.js';
import { bdi, h } from './dom.js';
import { bi, lang } from './i18n.js';
import { href } from './router.js';
import type { Actor, Bi } from './types.js';

let actors: Promise<Map<string, Actor>> | undefined;

export function actorMap(): Promise<Map<string, Actor>> {
  actors ??= get<{ items: Actor[] }>('actors').then((r) => new Map(r.items.map((a) => [a.id, a])));
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
