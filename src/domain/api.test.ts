import { describe, expect, it } from 'vitest';
import { reportQuery, SearchQuery, simulationBodies } from './api.js';

describe('request shapes', () => {
  it('reportQuery fills defaults and coerces query-string numbers', () => {
    const q = reportQuery(['md', 'html', 'pdf'] as const).parse({ scenario: 'status-quo', runs: '0', seed: '7' });
    expect(q).toEqual({ scenario: 'status-quo', lang: 'ar', format: 'md', runs: 0, seed: 7 });
  });

  it('reportQuery refuses an unknown format, a non-id scenario and unknown keys', () => {
    const schema = reportQuery(['md', 'pdf'] as const);
    expect(schema.safeParse({ scenario: 'a', format: 'html' }).success).toBe(false);
    expect(schema.safeParse({ scenario: '../x' }).success).toBe(false);
    expect(schema.safeParse({ scenario: 'a', out: '/tmp/x' }).success).toBe(false);
  });

  it('simulationBodies accepts only the registry names given', () => {
    const { SimulateBody, MonteCarloBody } = simulationBodies(['kosko'] as const, ['sigmoid'] as const);
    expect(SimulateBody.safeParse({ scenario: 'a', rule: 'kosko' }).success).toBe(true);
    expect(SimulateBody.safeParse({ scenario: 'a', rule: 'other' }).success).toBe(false);
    expect(MonteCarloBody.parse({ scenario: 'a' })).toEqual({ scenario: 'a', runs: 1000, seed: 1 });
  });

  it('SearchQuery trims the query and refuses an empty one', () => {
    expect(SearchQuery.parse({ q: '  عين الأسد ' }).q).toBe('عين الأسد');
    expect(SearchQuery.safeParse({ q: '   ' }).success).toBe(false);
  });
});
