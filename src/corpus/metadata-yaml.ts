/**
 * YAML of document metadata (sources.yaml, front matter), parsed by the one hardened parser
 * (yaml-safe.ts) with limits for metadata: small and flat, so size, aliases and nesting are
 * capped far below what an alias bomb or 20,000 nested brackets need. Errors are InputErrors
 * naming the file and line.
 */
import { parseYamlSafely } from './yaml-safe.js';

export const DEFAULTS = {
  /** Largest metadata YAML in bytes. */
  maxBytes: 1024 * 1024,
  /** Aliases resolved; metadata needs none, a few are tolerated. */
  maxAliasCount: 20,
  /** Deepest nesting accepted (metadata is 2 levels deep). */
  maxDepth: 32,
};

/** The value of a metadata YAML; `lineOffset` shifts line numbers (front matter starts on line 2). */
export function parseMetadataYaml(text: string, file: string, lineOffset = 0): unknown {
  return parseYamlSafely(text, file, {
    maxFileBytes: DEFAULTS.maxBytes,
    maxAliasCount: DEFAULTS.maxAliasCount,
    maxDepth: DEFAULTS.maxDepth,
    lineOffset,
    what: 'metadata files are',
  }).value;
}
