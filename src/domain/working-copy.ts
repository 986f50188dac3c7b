/**
 * Shapes of the case as a working copy: the case the app serves lives in the store, seeded from
 * a case folder, and every change to it is an entry of an append-only history (what changed,
 * before and after, who, when, why, and the passages it cites). The folder stays the seed and
 * the exchange format (`marsad case export DIR`).
 */
import { z } from 'zod';
import { Citation } from './case.js';
import { ITEM_KINDS } from './names.js';

export { ITEM_KINDS };
export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

/** One item of the working copy as stored: its section, its key, its place in the section, its data. */
export interface CaseItemRow {
  kind: ItemKind;
  /** The item's id (`from>to` for edges, the actor for stakes, `case` for the metadata). */
  id: string;
  ordinal: number;
  data: Record<string, unknown>;
  retired: boolean;
}

export const ChangeAction = z.enum(['seed', 'reseed', 'add', 'edit', 'retire', 'restore', 'revert', 'import']);
export type ChangeAction = z.infer<typeof ChangeAction>;

/** One entry of the history. `before`/`after` are the item's data (null when it did not exist / was retired). */
export const ChangeRecord = z
  .object({
    seq: z.number().int(),
    caseId: z.string(),
    at: z.string(),
    author: z.string(),
    action: ChangeAction,
    kind: ItemKind.nullable(),
    item: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    reason: z.string().nullable(),
    cite: z.array(Citation),
    /** The extraction candidate this change accepted or merged, when it came from one. */
    candidate: z.string().nullable(),
    /** The entry this one reverted. */
    reverts: z.number().int().nullable(),
    /** The revision of the case after this change. */
    revision: z.number().int(),
  })
  .strict();
export type ChangeRecord = z.infer<typeof ChangeRecord>;

/** What a write asks the store to record: the store assigns seq, time and revision. */
export interface PendingChange {
  caseId: string;
  author: string;
  action: ChangeAction;
  kind: ItemKind | null;
  item: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  cite: Citation[];
  candidate: string | null;
  reverts: number | null;
  /** The item's position in its section when it is new. */
  ordinal?: number;
}

/** The working copy's bookkeeping: which case, from which seed, at which revision. */
export interface CaseCopyState {
  caseId: string;
  /** SHA-256 of the seed folder's YAML files when it was (re)seeded. */
  seedHash: string;
  seedDir: string;
  revision: number;
  /** Changes made after the seed (analyst work that a reseed would lose). */
  edits: number;
}

export const CandidateDecision = z
  .object({
    candidate: z.string(),
    caseId: z.string(),
    document: z.string(),
    decision: z.enum(['accepted', 'rejected', 'merged']),
    kind: ItemKind.nullable(),
    item: z.string().nullable(),
    reason: z.string().nullable(),
    at: z.string(),
    author: z.string(),
  })
  .strict();
export type CandidateDecision = z.infer<typeof CandidateDecision>;
