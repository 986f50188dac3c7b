/**
 * YAML of document metadata (sources.yaml, front matter), parsed with limits: metadata is small
 * and flat, so size, aliases and nesting are capped far below what an alias bomb or 20,000
 * nested brackets need. Errors are InputErrors naming the file and line.
 */
import { LineCounter, parseDocument } from 'yaml';
import { InputError, TooLargeError } from '../domain/errors.js';

export const DEFAULTS = {
  /** Largest metadata YAML in characters. */
  maxChars: 1024 * 1024,
  /** Aliases resolved; metadata needs none, a few are tolerated. */
  maxAliasCount: 20,
  /** Deepest bracket nesting accepted (metadata is 2 levels deep). */
  maxDepth: 32,
};

/** Deepest nesting of flow brackets, ignoring quoted strings; cheap upper bound before parsing. */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote: string | null = null;
  for (const c of text) {
    if (quote) {
      if (c === quote || c === '\n') quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return max;
}

export function parseMetadataYaml(text: string, file: string, lineOffset = 0): unknown {
  if (text.length > DEFAULTS.maxChars) {
    throw new TooLargeError(`metadata YAML of ${text.length} characters exceeds the limit of ${DEFAULTS.maxChars}`, { file });
  }
  if (flowDepth(text) > DEFAULTS.maxDepth) {
    throw new InputError(`metadata YAML nested deeper than ${DEFAULTS.maxDepth} levels; refused`, { file });
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first.pos ? lines.linePos(first.pos[0]).line + lineOffset : undefined;
    throw new InputError(`invalid YAML: ${first.message.split('\n')[0]}`, { file, line }, { cause: first });
  }
  try {
    return doc.toJS({ maxAliasCount: DEFAULTS.maxAliasCount });
  } catch (error) {
    throw new InputError(`metadata YAML refused: ${(error as Error).message}`, { file }, { cause: error });
  }
}
