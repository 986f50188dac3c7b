import { describe, expect, it } from 'vitest';
import { assignLayers, layeredPositions, type LayeredNode } from './layered-layout.js';

const node = (id: string, layer: LayeredNode['layer']): LayeredNode => ({ id, layer, width: 100, height: 30 });
// lever L → a → b → outcome O; L → O directly; b → a closes a feedback loop; O → L feeds back.
const nodes = [node('L', 'first'), node('a', 'middle'), node('b', 'middle'), node('O', 'last')];
const edges = [
  { source: 'L', target: 'a' },
  { source: 'a', target: 'b' },
  { source: 'b', target: 'a' },
  { source: 'L', target: 'O' },
  { source: 'b', target: 'O' },
  { source: 'O', target: 'L' },
];

describe('assignLayers', () => {
  it('assignLayers puts levers first, outcomes last and intermediates by their longest path, ignoring feedback', () => {
    expect(Object.fromEntries(assignLayers(nodes, edges))).toEqual({ L: 0, a: 1, b: 2, O: 3 });
  });

  it('assignLayers gives an intermediate without predecessors the first middle layer', () => {
    expect(Object.fromEntries(assignLayers([node('x', 'middle'), node('O', 'last')], [{ source: 'x', target: 'O' }]))).toEqual({ x: 1, O: 2 });
  });
});

describe('layeredPositions', () => {
  it('layeredPositions runs the layers left to right, or right to left for an RTL page', () => {
    const ltr = layeredPositions(nodes, edges, false);
    const rtl = layeredPositions(nodes, edges, true);
    const order = (p: Map<string, { x: number }>) => ['L', 'a', 'b', 'O'].map((id) => p.get(id)!.x);
    const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);
    expect(increasing(order(ltr))).toBe(true);
    expect(increasing(order(rtl).map((x) => -x))).toBe(true);
  });
});
