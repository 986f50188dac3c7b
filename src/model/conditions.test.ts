import { describe, expect, it } from 'vitest';
import { conditionFindings } from './conditions.js';

const cite = [{ doc: 'd.txt', quote: 'في حال الانسحاب' }];

describe('conditionFindings', () => {
  it('conditionFindings accepts an edge from its condition or from a concept the condition drives', () => {
    const edges = [
      { from: 'exit', to: 'gap' },
      { from: 'exit', to: 'chaos', condition: { concept: 'exit', cite } },
      { from: 'gap', to: 'sanctions', condition: { concept: 'exit', cite } },
    ];
    expect(conditionFindings(edges)).toEqual([]);
  });

  it('conditionFindings flags an edge whose source the condition does not drive', () => {
    const [f] = conditionFindings([
      { from: 'exit', to: 'gap' },
      { from: 'presence', to: 'chaos', condition: { concept: 'exit', cite } },
    ]);
    expect(f).toMatchObject({ edge: 1, from: 'presence', condition: 'exit' });
    expect(f.message).toMatch(/starts at "presence", which "exit" does not drive/);
  });
});
