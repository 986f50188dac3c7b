/** Our own model format: the ModelFile of src/domain/model.ts as JSON (lossless). */
import { ModelFile } from '../../domain/model.js';
import { InputError } from '../../domain/errors.js';
import type { CausalMap } from '../causal-map.js';
import { buildCausalMap } from '../causal-map.js';
import { checkImportSize, type ImportedModel } from './imported.js';

export function exportJson(map: CausalMap, stakes: ModelFile['stakes'] = []): string {
  return `${JSON.stringify({ concepts: map.concepts, edges: map.edges, stakes }, null, 2)}\n`;
}

export function importJson(text: string, file?: string): ImportedModel {
  checkImportSize(text, file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON: ${(error as Error).message}`, { file }, { cause: error });
  }
  const parsed = ModelFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(issue.message, { file, field: issue.path.join('.') || undefined }, { cause: parsed.error });
  }
  buildCausalMap(parsed.data.concepts, parsed.data.edges, { file });
  return { concepts: parsed.data.concepts, edges: parsed.data.edges, stakes: parsed.data.stakes, warnings: [] };
}
