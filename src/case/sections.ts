/**
 * The one table of sections a case file may contain: top-level key → zod schema of one item.
 * Adding a section is one line here (as the ACH `hypotheses` and `evidence` were); the loader,
 * the duplicate-id check and `LoadedCase` follow from this table. Cross-references of a new
 * section go in references.ts.
 */
import type { z } from 'zod';
import { CaseSections } from '../domain/case.js';
import { Evidence, Hypothesis } from '../domain/ach.js';
import { CausalEdge, Concept, Stake } from '../domain/model.js';

export const SECTIONS = {
  ...CaseSections,
  concepts: Concept,
  edges: CausalEdge,
  stakes: Stake,
  hypotheses: Hypothesis,
  evidence: Evidence,
} as const;

export type CaseSectionName = keyof typeof SECTIONS;
export const SECTION_NAMES = Object.keys(SECTIONS) as CaseSectionName[];

/** The metadata key: a single mapping, not a list. */
export const META_KEY = 'case';

/** Sections whose items share one id namespace (a relation target may be an actor or a place). */
export const ENTITY_SECTIONS: CaseSectionName[] = ['actors', 'places'];

export type SectionItems = { [K in CaseSectionName]: Array<z.output<(typeof SECTIONS)[K]>> };
