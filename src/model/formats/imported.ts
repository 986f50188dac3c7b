/**
 * What an importer returns: concepts and edges the causal map can be built from. Formats other
 * than our JSON carry no citations, so imported edges may lack `cite`; they must be cited before
 * the model can go into a case folder (the case loader requires it).
 */
import type { Stake } from '../../domain/model.js';
import { InputError } from '../../domain/errors.js';
import type { MapConcept, MapEdge } from '../causal-map.js';
import { conceptRole } from '../metrics.js';

export interface ImportedModel {
  concepts: MapConcept[];
  edges: MapEdge[];
  stakes: Stake[];
  /** Things the importer had to guess (kinds from structure, ranges equal to weights…). */
  warnings: string[];
}

/** Largest model file accepted by the importers, in bytes. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function checkImportSize(text: string, file: string | undefined): void {
  if (text.length > MAX_IMPORT_BYTES) {
    throw new InputError(`model file is larger than ${MAX_IMPORT_BYTES} bytes`, { file });
  }
}

/** A kebab-case id from a name; names with no ASCII letters become `c-<n>`. Unique within `taken`. */
export function slugId(name: string, position: number, taken: Set<string>): string {
  const base =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/g, '') || `c-${position + 1}`;
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  taken.add(id);
  return id;
}

/** Kind from the graph when a format has none: drivers are levers, receivers outcomes. */
export function kindFromStructure(id: string, edges: readonly MapEdge[]): MapConcept['kind'] {
  let inDeg = 0;
  let outDeg = 0;
  for (const e of edges) {
    if (e.to === id) inDeg++;
    if (e.from === id) outDeg++;
  }
  const role = conceptRole(inDeg, outDeg);
  return role === 'driver' ? 'lever' : role === 'receiver' ? 'outcome' : 'intermediate';
}
