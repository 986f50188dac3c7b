/**
 * From a path inside a parsed YAML file (`['actors', 3, 'name', 'en']`) to the line it is on and
 * the dotted field name users read (`actors[3].name.en`). When the path goes further than the
 * file (a missing required field), the line is that of the deepest part that exists.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

export type FieldPath = ReadonlyArray<string | number>;

export function fieldName(path: FieldPath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out ? `.${step}` : step;
  }
  return out;
}

/** 1-based line of the deepest node of `path` present in `doc` (the key's line for mappings). */
export function lineOf(doc: Document.Parsed, lines: LineCounter, path: FieldPath): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = rangeStart(node);
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (!item) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}
