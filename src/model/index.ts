/**
 * The causal model: the CSR map, its metrics and loops, and the import/export formats.
 * The format registry is the one table of formats; adding one means adding an entry.
 */
import type { Stake } from '../domain/model.js';
import type { CausalMap } from './causal-map.js';
import { exportGraphml, importGraphml } from './formats/graphml.js';
import type { ImportedModel } from './formats/imported.js';
import { exportJson, importJson } from './formats/json.js';
import { exportMentalModelerCsv, importMentalModelerCsv } from './formats/mental-modeler-csv.js';

export { buildCausalMap, type CausalMap, type MapConcept, type MapEdge } from './causal-map.js';
export { modelMetrics, type ModelMetrics, type ConceptMetrics, type ConceptRole } from './metrics.js';
export { findLoops, type FeedbackLoop, type LoopResult, type LoopOptions } from './loops.js';
export type { ImportedModel } from './formats/imported.js';

export type ModelFormatName = 'csv' | 'graphml' | 'json';

export interface ModelFormat {
  readonly description: string;
  /** File name extensions that select this format on import. */
  readonly extensions: readonly string[];
  readonly mediaType: string;
  export(map: CausalMap, stakes?: Stake[]): string;
  import(text: string, file?: string): ImportedModel;
}

export const MODEL_FORMATS: Readonly<Record<ModelFormatName, ModelFormat>> = Object.freeze({
  csv: {
    description: "Mental Modeler's CSV adjacency matrix (names in the first row and column)",
    extensions: ['.csv'],
    mediaType: 'text/csv; charset=utf-8',
    export: (map) => exportMentalModelerCsv(map),
    import: importMentalModelerCsv,
  },
  graphml: {
    description: 'GraphML with weight, range, labels and kind as data keys',
    extensions: ['.graphml', '.xml'],
    mediaType: 'application/graphml+xml; charset=utf-8',
    export: (map) => exportGraphml(map),
    import: importGraphml,
  },
  json: {
    description: "Marsad's model file (concepts, edges with citations, stakes) as JSON: lossless",
    extensions: ['.json'],
    mediaType: 'application/json; charset=utf-8',
    export: (map, stakes) => exportJson(map, stakes ?? []),
    import: importJson,
  },
});

export function formatForFile(file: string): ModelFormatName | undefined {
  const lower = file.toLowerCase();
  return (Object.keys(MODEL_FORMATS) as ModelFormatName[]).find((f) => MODEL_FORMATS[f].extensions.some((e) => lower.endsWith(e)));
}
