/**
 * Lookups in lists of spans kept in text order (mentions, referents): a binary search to the
 * first one that can matter, so asking "what lies in this sentence" stays cheap on long documents.
 */

/** Index of the first item whose `start` is at or after `pos` (items sorted by start). */
export function firstStartingAt(items: ReadonlyArray<{ start: number }>, pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items lying wholly within [s, e) (items sorted by start). */
export function within<T extends { start: number; end: number }>(items: readonly T[], s: number, e: number): T[] {
  const out: T[] = [];
  for (let i = firstStartingAt(items, s); i < items.length && items[i].start < e; i++) if (items[i].end <= e) out.push(items[i]);
  return out;
}

/**
 * The date a stretch of text [s, e) speaks of: its first date finer than a year, else the
 * publication date at its own precision; undefined when there is neither.
 */
export function dateWithin(
  dates: ReadonlyArray<{ start: number; end: number; value: string; precision: 'year' | 'month' | 'day' }>,
  s: number,
  e: number,
  published: string | null,
): { value: string; precision: 'year' | 'month' | 'day' } | undefined {
  const d = dates.find((x) => x.start >= s && x.end <= e && x.precision !== 'year');
  if (d) return { value: d.value, precision: d.precision };
  if (!published) return undefined;
  return { value: published, precision: published.length === 10 ? 'day' : published.length === 7 ? 'month' : 'year' };
}
