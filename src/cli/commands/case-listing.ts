/**
 * Shared by the case listing commands (actors, events, claims, commitments, scenarios, stances,
 * case check): finding and loading the case folder from the global --case option or
 * MARSAD_CASE, and laying out plain-text tables.
 */
import type { Command } from 'commander';
import { loadCase, type LoadedCase } from '../../case/load.js';
import type { Citation } from '../../domain/case.js';
import { resolveContext } from '../context.js';
import type { CliIo } from '../io.js';

export function caseDirFor(cmd: Command, io: CliIo): string {
  return resolveContext(cmd, io).caseDir;
}

export function loadCaseFor(cmd: Command, io: CliIo): Promise<LoadedCase> {
  return loadCase(caseDirFor(cmd, io));
}

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

/** A partial date as text: `2024-01`, `early 2024-01`, `~2024`. */
export function dateText(d: string | { value: string; qualifier?: string } | undefined): string {
  if (!d) return '';
  if (typeof d === 'string') return d;
  return d.qualifier ? `${d.qualifier} ${d.value}` : d.value;
}
