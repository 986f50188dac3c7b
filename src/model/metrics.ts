/**
 * Structural metrics of a causal map, as used in fuzzy-cognitive-map studies: degrees,
 * centrality (sum of absolute weights in and out), the role of each concept in the graph
 * (driver: only outgoing edges; receiver: only incoming; ordinary: both; isolated: neither),
 * density (edges / n²) and complexity (receivers / drivers).
 */
import type { CausalMap, ConceptKindName } from './causal-map.js';

export type ConceptRole = 'driver' | 'receiver' | 'ordinary' | 'isolated';

export interface ConceptMetrics {
  concept: string;
  /** The kind the author declared (lever, intermediate, outcome). */
  kind: ConceptKindName;
  /** The role the graph gives it. */
  role: ConceptRole;
  inDegree: number;
  outDegree: number;
  /** Σ |w| of incoming edges. */
  inWeight: number;
  /** Σ |w| of outgoing edges. */
  outWeight: number;
  /** inWeight + outWeight. */
  centrality: number;
}

export interface ModelMetrics {
  concepts: number;
  edges: number;
  /** edges / concepts². */
  density: number;
  drivers: number;
  receivers: number;
  ordinary: number;
  isolated: number;
  /** receivers / drivers; null when there is no driver. */
  complexity: number | null;
  /** Edges whose sign is positive / negative. */
  positiveEdges: number;
  negativeEdges: number;
  /** Sorted by centrality, highest first (ties by id). */
  perConcept: ConceptMetrics[];
}

export function conceptRole(inDegree: number, outDegree: number): ConceptRole {
  if (outDegree > 0 && inDegree === 0) return 'driver';
  if (inDegree > 0 && outDegree === 0) return 'receiver';
  if (inDegree > 0 && outDegree > 0) return 'ordinary';
  return 'isolated';
}

/** Σ |w| in and out per concept, in concept order. */
export function centralities(map: CausalMap): Float64Array {
  const c = new Float64Array(map.n);
  for (let k = 0; k < map.m; k++) {
    const w = Math.abs(map.weights[k]);
    c[map.edgeFrom[k]] += w;
    c[map.edgeTo[k]] += w;
  }
  return c;
}

export function modelMetrics(map: CausalMap): ModelMetrics {
  const perConcept: ConceptMetrics[] = [];
  const counts = { driver: 0, receiver: 0, ordinary: 0, isolated: 0 };
  for (let i = 0; i < map.n; i++) {
    let inWeight = 0;
    let outWeight = 0;
    for (let p = map.inStarts[i]; p < map.inStarts[i + 1]; p++) inWeight += Math.abs(map.inWeights[p]);
    for (let p = map.outStarts[i]; p < map.outStarts[i + 1]; p++) outWeight += Math.abs(map.outWeights[p]);
    const inDegree = map.inStarts[i + 1] - map.inStarts[i];
    const outDegree = map.outStarts[i + 1] - map.outStarts[i];
    const role = conceptRole(inDegree, outDegree);
    counts[role]++;
    perConcept.push({
      concept: map.ids[i],
      kind: map.kinds[i],
      role,
      inDegree,
      outDegree,
      inWeight: round(inWeight),
      outWeight: round(outWeight),
      centrality: round(inWeight + outWeight),
    });
  }
  perConcept.sort((a, b) => b.centrality - a.centrality || (a.concept < b.concept ? -1 : 1));
  let positiveEdges = 0;
  let negativeEdges = 0;
  for (let k = 0; k < map.m; k++) {
    if (map.weights[k] > 0) positiveEdges++;
    else if (map.weights[k] < 0) negativeEdges++;
  }
  return {
    concepts: map.n,
    edges: map.m,
    density: round(map.m / (map.n * map.n)),
    drivers: counts.driver,
    receivers: counts.receiver,
    ordinary: counts.ordinary,
    isolated: counts.isolated,
    complexity: counts.driver === 0 ? null : round(counts.receiver / counts.driver),
    positiveEdges,
    negativeEdges,
    perConcept,
  };
}

/** Rounds sums of authored weights so 0.1 + 0.2 prints as 0.3. */
function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
