/**
 * How commands print: JSON, plain-text tables and the short forms of case values (dates,
 * cited documents). Terminal output of document text goes through `terminalText`.
 */
import type { Citation } from '../domain/case.js';
import { dateText } from '../domain/dates.js';
import type { CliIo } from './io.js';

export { dateText };

export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** The distinct document file names an item cites. */
export function docsOf(cite: readonly Citation[] | undefined): string {
  return [...new Set((cite ?? []).map((c) => c.doc.replace(/_[0-9a-f]{8,}\.txt$/, '')))].join(' ');
}

/** A left-aligned text table; cells are cut at `max` characters. */
export function table(headers: string[], rows: string[][], max = 48): string {
  const cut = (s: string) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
  const cells = [headers, ...rows].map((r) => r.map((c) => cut(c ?? '')));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return `${[line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')}\n`;
}

/** "3 events", "1 event". */
export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
