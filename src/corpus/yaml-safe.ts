/**
 * The one YAML parser of Marsad, with limits, so hostile files (alias bombs, 20,000 nested
 * brackets, huge files) are refused quickly with a message instead of exhausting memory or the
 * stack. Case files, sources.yaml and front matter all come through here (with their own
 * limits). The parsed Document is kept (not only its JS value) so every later error can name a
 * line.
 */
import { isAlias, isCollection, isPair, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { InputError, TooLargeError } from '../domain/errors.js';

export const DEFAULTS = {
  /** Largest case file accepted, in bytes (the whole 5-document case fits in well under 1 MB). */
  maxFileBytes: 4 * 1024 * 1024,
  /** Aliases resolved per document; a handful is normal, an alias bomb needs thousands. */
  maxAliasCount: 100,
  /** Deepest nesting of collections; a case item is rarely deeper than 6. */
  maxDepth: 64,
} as const;

export interface ParsedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
  /** The plain JS value of the document. */
  value: unknown;
}

/** Parses `text` (the content of `file`) or throws an InputError naming the file and line. */
export function parseYamlSafely(
  text: string,
  file: string,
  limits: { maxFileBytes?: number; maxAliasCount?: number; maxDepth?: number; lineOffset?: number; what?: string } = {},
): ParsedYaml {
  const offset = limits.lineOffset ?? 0;
  const what = limits.what ?? 'case files are';
  const maxFileBytes = limits.maxFileBytes ?? DEFAULTS.maxFileBytes;
  const maxAliasCount = limits.maxAliasCount ?? DEFAULTS.maxAliasCount;
  const maxDepth = limits.maxDepth ?? DEFAULTS.maxDepth;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxFileBytes) {
    throw new TooLargeError(`YAML of ${bytes} bytes; ${what} limited to ${maxFileBytes} bytes`, { file });
  }
  // The parser recurses per nesting level; measure depth on the raw text first so 20,000
  // nested brackets never reach it.
  const scanned = scanDepth(text);
  if (scanned.depth > maxDepth) {
    throw new InputError(`nesting deeper than ${maxDepth} levels; refused (is this a hostile file?)`, {
      file,
      line: scanned.line + offset,
    });
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first.pos ? lines.linePos(first.pos[0]).line + offset : undefined;
    throw new InputError(`invalid YAML: ${first.message.split('\n')[0]}`, { file, line }, { cause: first });
  }
  const treeDepth = nodeDepth(doc.contents);
  if (treeDepth > maxDepth) {
    throw new InputError(`nesting deeper than ${maxDepth} levels; refused`, { file });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (error) {
    // yaml throws a ReferenceError for excessive aliasing: the classic "billion laughs".
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`refused: ${message} (more than ${maxAliasCount} aliases)`, { file }, { cause: error });
  }
  return { doc, lines, value };
}

/**
 * The deepest bracket nesting of flow collections and the deepest block indentation stack,
 * skipping quoted strings and comments. Approximate by design: it only has to be an upper bound
 * that normal files stay far below.
 */
export function scanDepth(text: string): { depth: number; line: number } {
  let flow = 0;
  let max = 0;
  let maxLine = 1;
  let line = 1;
  let quote: '"' | "'" | null = null;
  let inComment = false;
  let atLineStart = true;
  let indent = 0;
  const indents: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      inComment = false;
      atLineStart = true;
      indent = 0;
      continue;
    }
    if (inComment) continue;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (atLineStart) {
      if (ch === ' ' || ch === '-') {
        // "- - - x" nests sequences on one line: count each dash as a level of indentation.
        indent++;
        continue;
      }
      atLineStart = false;
      if (ch !== '#' && ch !== '\r' && flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
      }
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) inComment = true;
    else if (ch === '"' || ch === "'") {
      // A quote opens a string only at the start of a scalar, not inside words like don't.
      const prev = i > 0 ? text[i - 1] : ' ';
      if (/[\s[{,:-]/.test(prev)) quote = ch;
    } else if (ch === '[' || ch === '{') flow++;
    else if ((ch === ']' || ch === '}') && flow > 0) flow--;
    const depth = flow + indents.length;
    if (depth > max) {
      max = depth;
      maxLine = line;
    }
  }
  return { depth: max, line: maxLine };
}

/** Depth of the parsed tree, walked with an explicit stack (no recursion). */
function nodeDepth(root: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!node || isAlias(node)) continue;
    if (isCollection(node)) {
      if (depth > max) max = depth;
      for (const item of node.items) {
        if (isPair(item)) {
          stack.push([item.key, depth + 1]);
          stack.push([item.value, depth + 1]);
        } else stack.push([item as Node, depth + 1]);
      }
    }
  }
  return max;
}
