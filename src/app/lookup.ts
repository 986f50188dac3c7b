/**
 * The one "unknown id" error: every operation that takes an id looks it up here, so the CLI and
 * the API refuse the same ids with the same message (naming what exists and the listing that
 * shows it, with a "did you mean" for a near miss).
 */
import { suggest } from '../case/references.js';
import { NotFoundError } from '../domain/errors.js';

/** What kind of item an id names, and the command that lists them. */
const LISTINGS = {
  actor: 'marsad actors',
  issue: 'marsad stances',
  place: 'marsad actors',
  quantity: 'marsad claims',
  scenario: 'marsad scenarios',
  commitment: 'marsad commitments',
  indicator: 'marsad indicators',
  concept: 'marsad model --metrics',
  document: 'marsad documents',
  passage: 'marsad search',
  hypothesis: 'marsad ach',
  edge: 'marsad model',
} as const;

export type ItemKind = keyof typeof LISTINGS;

export function unknownId(kind: ItemKind, id: string, known: Iterable<string>): NotFoundError {
  const ids = [...known];
  const hint = suggest(id, ids);
  const list = ids.length <= 12 ? `; the case has: ${ids.join(', ') || 'none'}` : ` (see ${LISTINGS[kind]})`;
  return new NotFoundError(`unknown ${kind} "${id}"${hint}${list}`);
}

/** The item with this id, or the NotFoundError naming what exists. */
export function findById<T extends { id: string }>(items: readonly T[], id: string, kind: ItemKind): T {
  const item = items.find((x) => x.id === id);
  if (!item) throw unknownId(kind, id, items.map((x) => x.id));
  return item;
}

/** Throws the NotFoundError unless `id` is among `items`' ids (an optional filter left unset passes). */
export function checkId(items: ReadonlyArray<{ id: string }>, id: string | undefined, kind: ItemKind): void {
  if (id !== undefined) findById(items, id, kind);
}
