import { describe, expect, it } from 'vitest';
import { LIMITS, MonteCarloRequest, ReportRequest, SearchRequest, SimulateRequest } from './requests.js';

describe('request shapes', () => {
  it('ReportRequest fills defaults and coerces query-string numbers', () => {
    const q = ReportRequest.parse({ scenario: 'status-quo', runs: '0', seed: '7' });
    expect(q).toEqual({ scenario: 'status-quo', lang: 'ar', format: 'md', runs: 0, seed: 7 });
  });

  it('ReportRequest refuses an unknown format, a non-id scenario and unknown keys', () => {
    expect(ReportRequest.safeParse({ scenario: 'a', format: 'docx' }).success).toBe(false);
    expect(ReportRequest.safeParse({ scenario: '../x' }).success).toBe(false);
    expect(ReportRequest.safeParse({ scenario: 'a', out: '/tmp/x' }).success).toBe(false);
  });

  it('SimulateRequest accepts only the engine names, and a scenario or levers', () => {
    expect(SimulateRequest.safeParse({ scenario: 'a', rule: 'kosko' }).success).toBe(true);
    expect(SimulateRequest.safeParse({ scenario: 'a', rule: 'other' }).success).toBe(false);
    expect(SimulateRequest.safeParse({ levers: { presence: 0.5 } }).success).toBe(true);
    expect(SimulateRequest.safeParse({ levers: { presence: 1.5 } }).success).toBe(false);
    expect(SimulateRequest.safeParse({}).success).toBe(false);
  });

  it('MonteCarloRequest takes its defaults from LIMITS, the same as the briefing', () => {
    expect(MonteCarloRequest.parse({ scenario: 'a' })).toEqual({ scenario: 'a', runs: LIMITS.simulate.monteCarloRuns, seed: LIMITS.simulate.seed });
    expect(LIMITS.simulate.monteCarloRuns).toBe(LIMITS.report.runs);
  });

  it('SearchRequest trims the query, refuses an empty one and a range that ends before it starts', () => {
    expect(SearchRequest.parse({ q: '  عين الأسد ' }).q).toBe('عين الأسد');
    expect(SearchRequest.safeParse({ q: '   ' }).success).toBe(false);
    expect(SearchRequest.safeParse({ q: 'x', from: '2024-11', to: '2024-01' }).success).toBe(false);
    expect(SearchRequest.safeParse({ q: 'x', from: '2024-10', to: '2024' }).success).toBe(true);
  });
});
