/**
 * GraphML export and import. Nodes carry `label_en`, `label_ar`, `kind` and `initial`; edges
 * carry `weight`, `range_low`, `range_high` and `strength`, declared as <key> elements so
 * yEd, Gephi and Cytoscape read them. Citations are not exported (use JSON for a lossless copy).
 *
 * Import reads GraphML written by us or by those tools: data are matched by the key's
 * `attr.name` (Gephi writes ids like d0), node labels fall back to `label`/`name`/the id,
 * ranges to the weight and kinds to the structure. The reader is a small tokenizer for this
 * XML subset: it refuses DOCTYPE (so no entity expansion) and decodes only the five XML
 * entities and numeric character references.
 */
import { InputError } from '../../domain/errors.js';
import type { CausalMap, MapConcept, MapEdge } from '../causal-map.js';
import { buildCausalMap } from '../causal-map.js';
import { checkImportSize, kindFromStructure, slugId, type ImportedModel } from './imported.js';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const KEYS: Array<[id: string, target: 'node' | 'edge', type: 'string' | 'double']> = [
  ['label_en', 'node', 'string'],
  ['label_ar', 'node', 'string'],
  ['kind', 'node', 'string'],
  ['initial', 'node', 'double'],
  ['weight', 'edge', 'double'],
  ['range_low', 'edge', 'double'],
  ['range_high', 'edge', 'double'],
  ['strength', 'edge', 'string'],
];

export function exportGraphml(map: CausalMap): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [id, target, type] of KEYS) out.push(`  <key id="${id}" for="${target}" attr.name="${id}" attr.type="${type}"/>`);
  out.push('  <graph id="causal-map" edgedefault="directed">');
  for (const c of map.concepts) {
    out.push(`    <node id="${esc(c.id)}">`);
    out.push(`      <data key="label_en">${esc(c.label.en)}</data>`);
    out.push(`      <data key="label_ar">${esc(c.label.ar)}</data>`);
    out.push(`      <data key="kind">${c.kind}</data>`);
    if (c.initial !== undefined) out.push(`      <data key="initial">${c.initial}</data>`);
    out.push('    </node>');
  }
  map.edges.forEach((e, k) => {
    out.push(`    <edge id="e${k}" source="${esc(e.from)}" target="${esc(e.to)}">`);
    out.push(`      <data key="weight">${e.weight}</data>`);
    out.push(`      <data key="range_low">${e.range[0]}</data>`);
    out.push(`      <data key="range_high">${e.range[1]}</data>`);
    if (e.strength) out.push(`      <data key="strength">${e.strength}</data>`);
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}

interface Element {
  name: string;
  attrs: Record<string, string>;
  line: number;
  children: Element[];
  text: string;
}

function decode(s: string, file: string | undefined, line: number): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);|&/g, (m, ent: string | undefined) => {
    if (ent === undefined) throw new InputError('bare "&" in XML text', { file, line });
    if (ent === 'lt') return '<';
    if (ent === 'gt') return '>';
    if (ent === 'amp') return '&';
    if (ent === 'quot') return '"';
    if (ent === 'apos') return "'";
    const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
    if (!(code > 0 && code <= 0x10ffff)) throw new InputError(`bad character reference ${m}`, { file, line });
    return String.fromCodePoint(code);
  });
}

/** Parses the XML subset GraphML uses into an element tree. */
export function parseXml(text: string, file?: string): Element {
  const root: Element = { name: '#root', attrs: {}, line: 1, children: [], text: '' };
  const stack: Element[] = [root];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!([^>]*)>|<\/\s*([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  let line = 1;
  let last = 0;
  const countLines = (upTo: number) => {
    for (let i = last; i < upTo; i++) if (text.charCodeAt(i) === 10) line++;
    last = upTo;
  };
  for (let m = tag.exec(text); m !== null; m = tag.exec(text)) {
    countLines(m.index);
    const top = stack[stack.length - 1];
    if (m[2] !== undefined) throw new InputError('DOCTYPE and other declarations are not accepted in GraphML', { file, line });
    if (m[1] !== undefined) top.text += m[1];
    else if (m[3] !== undefined) {
      if (top.name !== m[3]) throw new InputError(`closing </${m[3]}> does not match <${top.name}>`, { file, line });
      stack.pop();
    } else if (m[4] !== undefined) {
      const attrs: Record<string, string> = {};
      const attrRe = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
      for (let a = attrRe.exec(m[5]); a !== null; a = attrRe.exec(m[5])) attrs[a[1]] = decode(a[2] ?? a[3] ?? '', file, line);
      const el: Element = { name: m[4].replace(/^.*:/, ''), attrs, line, children: [], text: '' };
      top.children.push(el);
      if (m[6] !== '/') {
        if (stack.length > 256) throw new InputError('XML nested too deeply', { file, line });
        stack.push(el);
      }
    } else if (m[7] !== undefined) top.text += decode(m[7], file, line);
    else if (m[8] !== undefined) throw new InputError('malformed XML tag', { file, line });
  }
  if (stack.length !== 1) throw new InputError(`unclosed <${stack[stack.length - 1].name}>`, { file, line });
  return root;
}

function findAll(el: Element, name: string): Element[] {
  return el.children.filter((c) => c.name === name);
}

function num(raw: string | undefined, file: string | undefined, line: number, field: string): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const v = Number(raw.trim());
  if (!Number.isFinite(v)) throw new InputError(`expected a number, got "${raw}"`, { file, line, field });
  return v;
}

export function importGraphml(text: string, file?: string): ImportedModel {
  checkImportSize(text, file);
  const root = parseXml(text, file);
  const graphml = findAll(root, 'graphml')[0];
  if (!graphml) throw new InputError('not GraphML: no <graphml> element', { file });
  const keyName = new Map<string, string>();
  for (const k of findAll(graphml, 'key')) keyName.set(k.attrs.id ?? '', k.attrs['attr.name'] ?? k.attrs.id ?? '');
  const graph = findAll(graphml, 'graph')[0];
  if (!graph) throw new InputError('GraphML has no <graph>', { file });
  const dataOf = (el: Element): Record<string, string> => {
    const d: Record<string, string> = {};
    for (const c of findAll(el, 'data')) d[keyName.get(c.attrs.key ?? '') ?? c.attrs.key ?? ''] = c.text.trim();
    return d;
  };
  const warnings = new Set<string>();
  const taken = new Set<string>();
  const idOf = new Map<string, string>();
  const nodes = findAll(graph, 'node');
  if (nodes.length === 0) throw new InputError('the model is empty: no <node>', { file });
  const pending = nodes.map((node, j) => {
    const raw = node.attrs.id;
    if (!raw) throw new InputError('node without id', { file, line: node.line });
    if (idOf.has(raw)) throw new InputError(`duplicate node "${raw}"`, { file, line: node.line });
    const isId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(raw) && !taken.has(raw);
    const id = isId ? raw : slugId(dataOf(node).label_en ?? dataOf(node).label ?? raw, j, taken);
    if (isId) taken.add(raw);
    else warnings.add('some node ids were not kebab-case and were renamed');
    idOf.set(raw, id);
    return { node, id, d: dataOf(node) };
  });
  const edges: MapEdge[] = [];
  for (const e of findAll(graph, 'edge')) {
    const from = idOf.get(e.attrs.source ?? '');
    const to = idOf.get(e.attrs.target ?? '');
    if (!from) throw new InputError(`edge source "${e.attrs.source ?? ''}" is not a node`, { file, line: e.line, field: 'source' });
    if (!to) throw new InputError(`edge target "${e.attrs.target ?? ''}" is not a node`, { file, line: e.line, field: 'target' });
    const d = dataOf(e);
    const weight = num(d.weight, file, e.line, 'weight');
    if (weight === undefined) throw new InputError('edge has no weight', { file, line: e.line, field: 'weight' });
    const lo = num(d.range_low, file, e.line, 'range_low');
    const hi = num(d.range_high, file, e.line, 'range_high');
    if (lo === undefined || hi === undefined) warnings.add('edges without range_low/range_high got a range equal to their weight');
    const edge: MapEdge = { from, to, weight, range: [lo ?? weight, hi ?? weight] };
    const strength = d.strength;
    if (strength === 'certain' || strength === 'will' || strength === 'likely' || strength === 'may' || strength === 'could') {
      edge.strength = strength;
    }
    edges.push(edge);
  }
  const concepts: MapConcept[] = pending.map(({ node, id, d }) => {
    const en = d.label_en || d.label || d.name || node.attrs.id || id;
    const ar = d.label_ar || en;
    let kind = d.kind as MapConcept['kind'] | undefined;
    if (kind !== 'lever' && kind !== 'intermediate' && kind !== 'outcome') {
      if (kind !== undefined && (kind as string) !== '') {
        throw new InputError(`unknown kind "${String(kind)}"`, { file, line: node.line, field: 'kind' });
      }
      kind = kindFromStructure(id, edges);
      warnings.add('nodes without kind got one from the structure (driver → lever, receiver → outcome)');
    }
    const c: MapConcept = { id, kind, label: { ar, en } };
    const initial = num(d.initial, file, node.line, 'initial');
    if (initial !== undefined) c.initial = initial;
    return c;
  });
  buildCausalMap(concepts, edges, { file });
  warnings.add('GraphML carries no citations: add them before using the model in a case');
  return { concepts, edges, stakes: [], warnings: [...warnings] };
}
