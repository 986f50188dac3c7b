/** What the app reads from the API (the server sends the domain objects of src/domain). */
import type { Cite } from './cite.js';

export type Bi = { ar: string; en: string };
export type PDate = string | { value: string; qualifier?: string; text?: string };

export interface Actor {
  id: string;
  type: string;
  name: Bi;
  aliases: string[];
  description?: Bi;
  relations: Array<{ type: string; target: string; source?: string; cite?: Cite[] }>;
  cite: Cite[];
  stances?: number;
}
export interface Issue { id: string; label: Bi }
export interface Stance {
  id: string; actor: string; issue: string; position: string; date: PDate; summary: Bi; quote?: string; cite: Cite[];
  /** The actor's own words (`declared`) or an author's reading of it (`attributed`, by `attributed_by`). */
  voice: 'declared' | 'attributed'; attributed_by?: string;
}
export interface CaseEvent {
  id: string; date: PDate; until?: PDate; type: string; title: Bi; summary?: Bi; actors: string[]; places: string[]; cite: Cite[];
}
export interface StatusEntry { date: PDate; score: 0 | 1 | 2 | 3; note: Bi; cite?: Cite[] }
export interface Commitment {
  id: string; title: Bi; description?: Bi; owners: string[]; counterparts: string[]; due?: PDate; made?: PDate;
  history: StatusEntry[]; current: StatusEntry; cite: Cite[];
}
export interface Claim {
  id: string; quantity: string; value: number | { low: number; high: number }; qualifier: string; unit: string;
  period?: { from?: PDate; to?: PDate }; reported_by: string[]; stated?: PDate; note?: Bi; cite: Cite[];
}
export interface Quantity { id: string; label: Bi; unit: string }
export interface Scenario { id: string; title: Bi; description: Bi; levers: Record<string, number>; cite: Cite[] }
export interface Concept { id: string; kind: string; label: Bi; description?: Bi }
export interface Edge {
  from: string; to: string; weight: number; range: [number, number]; strength?: string; note?: Bi; cite: Cite[];
}
export interface DocMeta { id: string; file: string; title: string | null; language: string; published: string | null; outlet?: string | null; author?: string | null }
export interface Passage { id: string; documentId: string; ordinal: number; start: number; end: number; text: string; language: string }
