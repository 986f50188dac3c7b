/**
 * Sorting and comparing the case's partial dates (`2024`, `2024-09`, `{ value, qualifier }`):
 * the first and the last day a date may denote, as ISO strings that compare as text.
 */
import type { PartialDate } from '../domain/case.js';

export function dateText(d: PartialDate | undefined): string | undefined {
  if (d === undefined) return undefined;
  return typeof d === 'string' ? d : d.value;
}

/** `2024` → `2024-01-01`, `2024-09` → `2024-09-01`: comparable as strings. */
export function dateStart(d: PartialDate | undefined): string {
  const t = dateText(d);
  if (!t) return '';
  if (t.length === 4) return `${t}-01-01`;
  if (t.length === 7) return `${t}-01`;
  return t;
}

/** `2024` → `2024-12-31`, `2024-09` → `2024-09-30`. */
export function dateEnd(d: PartialDate | undefined): string {
  const t = dateText(d);
  if (!t) return '';
  if (t.length === 4) return `${t}-12-31`;
  if (t.length === 7) {
    const [y, m] = t.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${t}-${String(last).padStart(2, '0')}`;
  }
  return t;
}

/** Whole days from `a` to `b` (ISO days); negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
