/**
 * The causal map (fuzzy cognitive map) as flat, immutable arrays: built once from the concepts
 * and edges of a model, then read by metrics, loops, the inference kernel and the Monte Carlo
 * workers. Edges are stored twice in compressed sparse row (CSR) form: grouped by target
 * (`in*`, what the update rule reads) and by source (`out*`, what walks such as loop search
 * read). `edgeFrom`/`edgeTo`/`weights`/`rangeLow`/`rangeHigh` keep the authored edge order.
 */
import type { CausalEdge, Concept } from '../domain/model.js';
import { InputError } from '../domain/errors.js';

/** What the map needs of a concept (imported models may lack descriptions). */
export type MapConcept = Pick<Concept, 'id' | 'kind' | 'label'> & Partial<Pick<Concept, 'initial' | 'description'>>;
/** What the map needs of an edge (imported models may lack citations). */
export type MapEdge = Pick<CausalEdge, 'from' | 'to' | 'weight' | 'range'> & Partial<Pick<CausalEdge, 'cite' | 'strength' | 'note'>>;

export type ConceptKindName = Concept['kind'];

export interface CausalMap {
  /** Number of concepts. */
  readonly n: number;
  /** Number of edges. */
  readonly m: number;
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly kinds: readonly ConceptKindName[];
  /** Baseline activation of each concept (`initial`, default 0). */
  readonly initial: Float64Array;
  /** Incoming CSR: edges into concept i are positions inStarts[i] .. inStarts[i+1]-1. */
  readonly inStarts: Int32Array;
  readonly inSources: Int32Array;
  readonly inWeights: Float64Array;
  /** Position in authored edge order of each incoming-CSR slot (to permute sampled weights). */
  readonly inEdge: Int32Array;
  /** Outgoing CSR: edges out of concept i are positions outStarts[i] .. outStarts[i+1]-1. */
  readonly outStarts: Int32Array;
  readonly outTargets: Int32Array;
  readonly outWeights: Float64Array;
  readonly outEdge: Int32Array;
  /** Authored edge order. */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly weights: Float64Array;
  readonly rangeLow: Float64Array;
  readonly rangeHigh: Float64Array;
  /** The inputs, kept for export and labels. */
  readonly concepts: readonly MapConcept[];
  readonly edges: readonly MapEdge[];
}

/** Where validation errors point: a file name for imported models. */
export interface BuildOptions {
  file?: string;
}

function checkUnit(value: unknown, field: string, file: string | undefined): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError(`expected a finite number in [-1, 1], got ${String(value)}`, { file, field });
  }
  if (value < -1 || value > 1) {
    throw new InputError(`expected a number in [-1, 1], got ${value}`, { file, field });
  }
  return value;
}

/**
 * Builds the CSR map, checking structure: at least one concept, unique concept ids, edges
 * between known concepts, no duplicate edge, finite weights and ranges in [-1, 1] with
 * low <= weight <= high. Throws InputError naming the field (`edges[3].range`).
 */
export function buildCausalMap(
  concepts: readonly MapConcept[],
  edges: readonly MapEdge[],
  options: BuildOptions = {},
): CausalMap {
  const file = options.file;
  if (concepts.length === 0) {
    throw new InputError('the model is empty: expected at least one concept', { file, field: 'concepts' });
  }
  const n = concepts.length;
  const m = edges.length;
  const index = new Map<string, number>();
  const ids: string[] = [];
  const kinds: ConceptKindName[] = [];
  const initial = new Float64Array(n);
  concepts.forEach((c, i) => {
    if (typeof c.id !== 'string' || c.id.length === 0) {
      throw new InputError('expected a concept id', { file, field: `concepts[${i}].id` });
    }
    if (index.has(c.id)) throw new InputError(`duplicate concept "${c.id}"`, { file, field: `concepts[${i}].id` });
    if (c.kind !== 'lever' && c.kind !== 'intermediate' && c.kind !== 'outcome') {
      throw new InputError(`unknown concept kind "${String(c.kind)}" (expected lever, intermediate or outcome)`, {
        file,
        field: `concepts[${i}].kind`,
      });
    }
    index.set(c.id, i);
    ids.push(c.id);
    kinds.push(c.kind);
    initial[i] = c.initial === undefined ? 0 : checkUnit(c.initial, `concepts[${i}].initial`, file);
  });

  const edgeFrom = new Int32Array(m);
  const edgeTo = new Int32Array(m);
  const weights = new Float64Array(m);
  const rangeLow = new Float64Array(m);
  const rangeHigh = new Float64Array(m);
  const seen = new Set<string>();
  edges.forEach((e, k) => {
    const from = index.get(e.from);
    if (from === undefined) throw new InputError(`unknown concept "${e.from}"`, { file, field: `edges[${k}].from` });
    const to = index.get(e.to);
    if (to === undefined) throw new InputError(`unknown concept "${e.to}"`, { file, field: `edges[${k}].to` });
    const key = `${from}>${to}`;
    if (seen.has(key)) throw new InputError(`duplicate edge ${e.from} → ${e.to}`, { file, field: `edges[${k}]` });
    seen.add(key);
    const w = checkUnit(e.weight, `edges[${k}].weight`, file);
    if (!Array.isArray(e.range) || e.range.length !== 2) {
      throw new InputError('expected range [low, high]', { file, field: `edges[${k}].range` });
    }
    const lo = checkUnit(e.range[0], `edges[${k}].range[0]`, file);
    const hi = checkUnit(e.range[1], `edges[${k}].range[1]`, file);
    if (!(lo <= w && w <= hi)) {
      throw new InputError(`range [${lo}, ${hi}] does not contain the weight ${w}`, { file, field: `edges[${k}].range` });
    }
    edgeFrom[k] = from;
    edgeTo[k] = to;
    weights[k] = w;
    rangeLow[k] = lo;
    rangeHigh[k] = hi;
  });

  const inCsr = csr(n, edgeTo, edgeFrom, weights);
  const outCsr = csr(n, edgeFrom, edgeTo, weights);
  return Object.freeze({
    n,
    m,
    ids: Object.freeze(ids),
    index,
    kinds: Object.freeze(kinds),
    initial,
    inStarts: inCsr.starts,
    inSources: inCsr.others,
    inWeights: inCsr.weights,
    inEdge: inCsr.edge,
    outStarts: outCsr.starts,
    outTargets: outCsr.others,
    outWeights: outCsr.weights,
    outEdge: outCsr.edge,
    edgeFrom,
    edgeTo,
    weights,
    rangeLow,
    rangeHigh,
    concepts: Object.freeze([...concepts]),
    edges: Object.freeze([...edges]),
  });
}

/** Groups edges by `key` (stable: authored order within a group). */
function csr(n: number, key: Int32Array, other: Int32Array, w: Float64Array) {
  const m = key.length;
  const starts = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) starts[key[k] + 1]++;
  for (let i = 0; i < n; i++) starts[i + 1] += starts[i];
  const fill = starts.slice(0, n);
  const others = new Int32Array(m);
  const weights = new Float64Array(m);
  const edge = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const p = fill[key[k]]++;
    others[p] = other[k];
    weights[p] = w[k];
    edge[p] = k;
  }
  return { starts, others, weights, edge };
}

/** Copies weights in authored edge order into incoming-CSR order (for sampled weights). */
export function toIncomingOrder(map: CausalMap, edgeWeights: Float64Array, out: Float64Array): Float64Array {
  const inEdge = map.inEdge;
  for (let p = 0; p < inEdge.length; p++) out[p] = edgeWeights[inEdge[p]];
  return out;
}

/** The index of a concept id, or an InputError naming the field. */
export function conceptIndex(map: CausalMap, id: string, field: string, file?: string): number {
  const i = map.index.get(id);
  if (i === undefined) throw new InputError(`unknown concept "${id}"`, { file, field });
  return i;
}
