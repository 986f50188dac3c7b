/**
 * Mental Modeler's CSV: the adjacency matrix. The first row holds an empty cell then the
 * concept names; each following row holds a concept name then the weight of the edge from that
 * row's concept to each column's concept, empty where there is none. Names are the English
 * labels. The format has no ids, kinds, ranges or citations: on import ids are made from the
 * names, kinds from the structure (driver → lever, receiver → outcome), ranges equal the
 * weights, and a warning says so.
 */
import { InputError } from '../../domain/errors.js';
import type { CausalMap, MapConcept, MapEdge } from '../causal-map.js';
import { buildCausalMap } from '../causal-map.js';
import { checkImportSize, kindFromStructure, slugId, type ImportedModel } from './imported.js';

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or carriage return before them) as a
 * formula: `=HYPERLINK(…)` in a concept's label would become a live link. Such labels are written
 * with a leading apostrophe, which spreadsheets show as text; the importer takes it off again.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function restoreFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export function exportMentalModelerCsv(map: CausalMap): string {
  const names = map.concepts.map((c) => neutraliseFormula(c.label.en));
  const rows: string[] = [['', ...names].map(quote).join(',')];
  for (let i = 0; i < map.n; i++) {
    const cells = new Array<string>(map.n).fill('');
    for (let p = map.outStarts[i]; p < map.outStarts[i + 1]; p++) cells[map.outTargets[p]] = String(map.outWeights[p]);
    rows.push([quote(names[i]), ...cells].join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** RFC 4180 rows with the 1-based line each starts on. */
export function parseCsv(text: string, file?: string): Array<{ line: number; cells: string[] }> {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') {
      inQuotes = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (inQuotes) throw new InputError('unterminated quoted cell', { file, line: rowLine });
  cells.push(cell);
  if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
  return rows;
}

export function importMentalModelerCsv(text: string, file?: string): ImportedModel {
  checkImportSize(text, file);
  const rows = parseCsv(text, file);
  if (rows.length === 0) throw new InputError('the model is empty: no rows', { file });
  const header = rows[0].cells.slice(1).map((s) => restoreFormula(s.trim()));
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  if (header.length === 0) throw new InputError('the model is empty: no concept names in the first row', { file, line: rows[0].line });
  const n = header.length;
  const position = new Map<string, number>();
  header.forEach((name, j) => {
    if (name === '') throw new InputError(`empty concept name in column ${j + 2}`, { file, line: rows[0].line });
    if (position.has(name)) throw new InputError(`duplicate concept "${name}"`, { file, line: rows[0].line });
    position.set(name, j);
  });
  const taken = new Set<string>();
  const ids = header.map((name, j) => slugId(name, j, taken));
  const edges: MapEdge[] = [];
  const seenRows = new Set<number>();
  for (const row of rows.slice(1)) {
    const name = restoreFormula((row.cells[0] ?? '').trim());
    const from = position.get(name);
    if (from === undefined) throw new InputError(`row concept "${name}" is not in the first row`, { file, line: row.line });
    if (seenRows.has(from)) throw new InputError(`duplicate row for "${name}"`, { file, line: row.line });
    seenRows.add(from);
    const values = row.cells.slice(1);
    if (values.length > n && values.slice(n).some((v) => v.trim() !== '')) {
      throw new InputError(`row has ${values.length} values for ${n} concepts`, { file, line: row.line });
    }
    for (let j = 0; j < n; j++) {
      const raw = (values[j] ?? '').trim();
      if (raw === '') continue;
      const w = Number(raw);
      if (!Number.isFinite(w) || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) {
        throw new InputError(`expected a weight, got "${raw}"`, { file, line: row.line, field: header[j] });
      }
      if (w < -1 || w > 1) throw new InputError(`weight ${w} outside [-1, 1]`, { file, line: row.line, field: header[j] });
      if (w === 0) continue;
      edges.push({ from: ids[from], to: ids[j], weight: w, range: [w, w] });
    }
  }
  const concepts: MapConcept[] = header.map((name, j) => ({
    id: ids[j],
    kind: kindFromStructure(ids[j], edges),
    label: { ar: name, en: name },
  }));
  buildCausalMap(concepts, edges, { file });
  return {
    concepts,
    edges,
    stakes: [],
    warnings: [
      'Mental Modeler CSV has no ids, kinds, ranges or citations: ids were made from names, kinds from the structure, ranges equal the weights; add citations before using the model in a case',
    ],
  };
}
