/**
 * The kinds of extraction candidate, in the order the desk shows them (what happened first, who
 * said what last), and the label of each; the desk and the Jobs page name them the same way.
 */
import type { StringKey } from './i18n.js';

export const CANDIDATE_KIND_ORDER = ['commitment-status', 'event', 'figure', 'stance', 'quote', 'actor'] as const;
export type CandidateKindName = (typeof CANDIDATE_KIND_ORDER)[number];

export const CANDIDATE_KIND_LABEL: Record<CandidateKindName, StringKey> = {
  'commitment-status': 'candidateCommitment',
  event: 'candidateEvent',
  figure: 'candidateFigure',
  stance: 'candidateStance',
  quote: 'candidateQuote',
  actor: 'candidateActor',
};
