import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.js';
import { buildCausalMap, type MapEdge } from './causal-map.js';

const label = { ar: 'x', en: 'x' };
const concepts = [
  { id: 'a', kind: 'lever' as const, label },
  { id: 'b', kind: 'intermediate' as const, label },
  { id: 'c', kind: 'outcome' as const, label },
];
const edge = (from: string, to: string, weight: number, range: [number, number] = [weight, weight]): MapEdge => ({
  from,
  to,
  weight,
  range,
});

describe('buildCausalMap', () => {
  it('buildCausalMap groups incoming and outgoing edges in CSR form', () => {
    const m = buildCausalMap(concepts, [edge('a', 'c', 0.3), edge('a', 'b', 0.5), edge('b', 'c', -0.8)]);
    expect(m.n).toBe(3);
    expect(m.m).toBe(3);
    expect(Array.from(m.inStarts)).toEqual([0, 0, 1, 3]);
    expect(Array.from(m.inSources)).toEqual([0, 0, 1]);
    expect(Array.from(m.inWeights)).toEqual([0.5, 0.3, -0.8]);
    expect(Array.from(m.inEdge)).toEqual([1, 0, 2]);
    expect(Array.from(m.outStarts)).toEqual([0, 2, 3, 3]);
    expect(Array.from(m.outTargets)).toEqual([2, 1, 2]);
    expect(m.index.get('c')).toBe(2);
  });

  const fails = (edges: MapEdge[], pattern: RegExp, field: string) => {
    let error: unknown;
    try {
      buildCausalMap(concepts, edges, { file: 'model.csv' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(pattern);
    expect((error as InputError).field).toBe(field);
    expect((error as InputError).file).toBe('model.csv');
  };

  it('buildCausalMap rejects an unknown concept', () => fails([edge('a', 'zz', 0.1)], /unknown concept "zz"/, 'edges[0].to'));
  it('buildCausalMap rejects a duplicate edge', () =>
    fails([edge('a', 'b', 0.1), edge('a', 'b', 0.2)], /duplicate edge a → b/, 'edges[1]'));
  it('buildCausalMap rejects a weight out of bounds', () => fails([edge('a', 'b', 1.5, [0, 1])], /\[-1, 1\]/, 'edges[0].weight'));
  it('buildCausalMap rejects NaN and Infinity', () => {
    fails([edge('a', 'b', Number.NaN, [0, 1])], /finite/, 'edges[0].weight');
    fails([edge('a', 'b', 0.5, [0, Number.POSITIVE_INFINITY])], /finite/, 'edges[0].range[1]');
  });
  it('buildCausalMap rejects a range not containing the weight', () =>
    fails([edge('a', 'b', 0.5, [0.6, 0.9])], /does not contain the weight/, 'edges[0].range'));

  it('buildCausalMap rejects an empty model and duplicate concepts', () => {
    expect(() => buildCausalMap([], [])).toThrow(/empty/);
    expect(() => buildCausalMap([...concepts, concepts[0]], [])).toThrow(/duplicate concept "a"/);
  });
});
