/**
 * Conditional edges: an edge whose source states it only under a condition (`condition.concept`,
 * e.g. `unplanned-exit`) must start at that concept or at a concept it drives, so that in the
 * map the effect flows only as far as the condition holds. An FCM adds influences and has no
 * "if": routing the edge through the condition's concept is how the condition takes effect.
 */
import type { CausalEdge } from '../domain/model.js';

export type ConditionEdge = Pick<CausalEdge, 'from' | 'to'> & Partial<Pick<CausalEdge, 'condition'>>;

export interface ConditionFinding {
  edge: number;
  from: string;
  to: string;
  condition: string;
  message: string;
}

/** Edges whose source is neither their condition's concept nor downstream of it. */
export function conditionFindings(edges: readonly ConditionEdge[]): ConditionFinding[] {
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const downstream = (start: string): Set<string> => {
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length) for (const next of out.get(stack.pop()!) ?? []) if (!seen.has(next)) (seen.add(next), stack.push(next));
    return seen;
  };
  const cache = new Map<string, Set<string>>();
  const findings: ConditionFinding[] = [];
  edges.forEach((e, k) => {
    const c = e.condition?.concept;
    if (!c) return;
    if (!cache.has(c)) cache.set(c, downstream(c));
    if (!cache.get(c)!.has(e.from)) {
      findings.push({
        edge: k,
        from: e.from,
        to: e.to,
        condition: c,
        message: `the edge is conditional on "${c}" but starts at "${e.from}", which "${c}" does not drive: draw it from "${c}" or from a concept downstream of it`,
      });
    }
  });
  return findings;
}
