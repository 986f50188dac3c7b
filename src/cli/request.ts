/**
 * Requests from flags: a command gathers its flags and arguments into the operation's request
 * and parses it with the operation's schema (src/domain/requests.ts), so the command line
 * refuses exactly what the API refuses, naming the flag (`--as-of`) instead of the field.
 */
import type { z } from 'zod';
import { InputError } from '../domain/errors.js';
import { parseRequest } from '../domain/issues.js';

/** `asOf` → `--as-of`; fields given as arguments keep the names the help shows (`query`). */
export function flagName(field: string, args: Readonly<Record<string, string>> = {}): string {
  const top = field.split('.')[0]!;
  if (args[top]) return args[top];
  return `--${top.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Drops flags left unset, so the schema's defaults apply. */
function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

/**
 * Parses `values` (flags and arguments, by request field name) with `schema`. `args` names the
 * fields given as positional arguments (`{ q: 'query' }`).
 */
export function parseFlags<S extends z.ZodType>(schema: S, values: Record<string, unknown>, args: Record<string, string> = {}): z.output<S> {
  return parseRequest(schema, defined(values), (path) => flagName(path, args));
}

/**
 * Runs an operation; an InputError about one of the request's fields is re-worded with its
 * flag, so "field doc" reads "field --doc" on the command line.
 */
export async function asFlags<T>(fields: readonly string[], run: () => Promise<T>, args: Record<string, string> = {}): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InputError && error.field && fields.includes(error.field)) {
      throw new InputError(error.message, { file: error.file, line: error.line, field: flagName(error.field, args) }, { cause: error });
    }
    throw error;
  }
}

/**
 * `--set FIELD=VALUE` flags as a mapping: the value is read as YAML (by the one hardened parser),
 * so `--set score=2`, `--set actors=[us, iraq]` and `--set 'title={ar: …, en: …}'` all work.
 */
export async function parseAssignments(list: readonly string[], flag = '--set'): Promise<Record<string, unknown>> {
  const { parseYamlSafely } = await import('../corpus/yaml-safe.js');
  const out: Record<string, unknown> = {};
  for (const text of list) {
    const at = text.indexOf('=');
    if (at <= 0) throw new InputError(`expected ${flag} FIELD=VALUE, got "${text}"`, { field: flag });
    const raw = text.slice(at + 1);
    out[text.slice(0, at).trim()] = raw.trim() === '' ? '' : parseYamlSafely(raw, flag, { maxFileBytes: 64 * 1024, what: 'flag values are' }).value;
  }
  return out;
}

/** `--cite FILE::QUOTE` flags as citations. */
export function parseCitations(list: readonly string[]): Array<{ doc: string; quote: string }> {
  return list.map((text) => {
    const at = text.indexOf('::');
    if (at <= 0) throw new InputError(`expected --cite FILE::QUOTE, got "${text}"`, { field: '--cite' });
    return { doc: text.slice(0, at).trim(), quote: text.slice(at + 2).trim() };
  });
}
