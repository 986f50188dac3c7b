/** Citations as authored: the API adds where each quote is (links); comparisons and schema checks set that aside. */
const RESOLUTION = ['documentId', 'title', 'published', 'passage', 'start', 'end', 'page'];

export function unlinked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unlinked);
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const isCitation = typeof o.doc === 'string' && typeof o.quote === 'string';
  return Object.fromEntries(
    Object.entries(o)
      .filter(([k]) => !(isCitation && RESOLUTION.includes(k)))
      .map(([k, v]) => [k, unlinked(v)]),
  );
}
