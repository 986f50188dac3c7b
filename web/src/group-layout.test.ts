import { describe, expect, it } from 'vitest';
import { DEFAULTS, groupPositions } from './group-layout.js';

const group = (id: string, n: number) => ({ id, nodes: Array.from({ length: n }, (_, i) => ({ id: `${id}${i}`, degree: n - i })) });

describe('groupPositions', () => {
  it('groupPositions keeps every group in its own box, with no two boxes overlapping', () => {
    const groups = [group('a', 12), group('b', 5), group('c', 1), group('d', 30)];
    const p = groupPositions(groups, false);
    const boxes = groups.map((g) => {
      const xs = g.nodes.map((n) => p.get(n.id)!.x);
      const ys = g.nodes.map((n) => p.get(n.id)!.y);
      return { x1: Math.min(...xs) - DEFAULTS.cellWidth / 2, x2: Math.max(...xs) + DEFAULTS.cellWidth / 2, y1: Math.min(...ys), y2: Math.max(...ys) };
    });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const apart = a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 < b.y1 || b.y2 < a.y1;
        expect(apart, `${groups[i].id} and ${groups[j].id}`).toBe(true);
      }
    }
  });

  it('groupPositions starts from the right on an RTL page: the largest group’s best-connected node is rightmost in its row', () => {
    const groups = [group('a', 6), group('b', 2)];
    const ltr = groupPositions(groups, false);
    const rtl = groupPositions(groups, true);
    expect(ltr.get('a0')!.x).toBeLessThan(ltr.get('a1')!.x);
    expect(rtl.get('a0')!.x).toBeGreaterThan(rtl.get('a1')!.x);
    expect(rtl.get('a0')!.y).toBe(ltr.get('a0')!.y);
  });
});
