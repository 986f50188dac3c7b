/** What every briefing section receives: the case, the computed results and the footnotes. */
import type { AchResult } from '../analysis/ach.js';
import type { PayoffTable } from '../analysis/payoffs.js';
import type { Evidence, Hypothesis } from '../domain/ach.js';
import type {
  Actor,
  CaseMeta,
  Claim,
  Commitment,
  Event,
  Indicator,
  Issue,
  Quantity,
  Scenario,
  Stance,
} from '../domain/case.js';
import type { ClaimConflict } from '../domain/case-analysis.js';
import type { Concept } from '../domain/model.js';
import type { MonteCarloResult } from '../simulate/monte-carlo.js';
import type { ScenarioResult } from '../simulate/scenario.js';
import type { FootnoteList, Lang } from './briefing.js';

export interface BriefingCase {
  meta: CaseMeta;
  actors: Actor[];
  events: Event[];
  commitments: Commitment[];
  claims: Claim[];
  quantities: Quantity[];
  stances: Stance[];
  issues: Issue[];
  indicators: Indicator[];
  concepts: Concept[];
  hypotheses?: Hypothesis[];
  evidence?: Evidence[];
}

export interface BriefingInput {
  case: BriefingCase;
  scenario: Scenario;
  simulation: Pick<ScenarioResult, 'outcomes' | 'convergence'>;
  payoffs: PayoffTable;
  monteCarlo?: MonteCarloResult;
  ach?: AchResult;
  claimConflicts: ClaimConflict[];
  /** "Now" for the briefing (YYYY-MM-DD): events after it are left out, deadlines after it are upcoming. */
  asOf: string;
}

export interface SectionContext extends BriefingInput {
  lang: Lang;
  notes: FootnoteList;
  /** The name of an actor, place, concept, issue, quantity or hypothesis in the briefing's language. */
  name(id: string): string;
}

export function nameIndex(c: BriefingCase, lang: Lang): (id: string) => string {
  const names = new Map<string, string>();
  for (const a of c.actors) names.set(a.id, a.name[lang]);
  for (const x of c.concepts) names.set(x.id, x.label[lang]);
  for (const x of c.issues) names.set(x.id, x.label[lang]);
  for (const x of c.quantities) names.set(x.id, x.label[lang]);
  for (const x of c.hypotheses ?? []) names.set(x.id, x.title[lang]);
  return (id) => names.get(id) ?? id;
}
