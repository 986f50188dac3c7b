/**
 * Turning zod's issues into the sentences an analyst reads: "expected a string", "missing
 * required field", "unknown field "nmae"". Union failures (a date is a string or a mapping) are
 * reported from the branch that came closest instead of zod's bare "Invalid input".
 *
 * `parseRequest` is how every adapter parses a request: the case loader, the CLI (fields named
 * as flags, `--as-of`) and the API (`query.asOf`, `body.scenario`) refuse the same input with
 * the same sentence, plus the value that was given.
 */
import type { z } from 'zod';
import { InputError } from './errors.js';

export interface IssueText {
  path: Array<string | number>;
  message: string;
}

type Issue = z.core.$ZodIssue;

export function describeIssue(issue: Issue): IssueText {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as Array<string | number>;
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      // A flag or query value that is not a number arrives as NaN after coercion.
      if (received === 'NaN') return { path, message: `expected ${issue.expected === 'int' ? 'a whole number' : 'a number'}` };
      if (issue.expected === 'int') return { path, message: 'expected a whole number' };
      if (received === 'undefined') return { path, message: `missing required field (expected ${article(issue.expected)})` };
      return { path, message: `expected ${article(issue.expected)}${received ? `, got ${article(received)}` : ''}` };
    }
    case 'unrecognized_keys':
      return {
        path: [...path, issue.keys[0]],
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
      };
    case 'invalid_value':
      return { path, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` };
    case 'invalid_union': {
      const best = closestBranch(issue.errors);
      if (best) {
        const inner = describeIssue(best);
        return { path: [...path, ...inner.path], message: inner.message };
      }
      return { path, message: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD, or a value of another accepted form' };
    }
    case 'too_small':
      if (issue.origin === 'array') return { path, message: `expected at least ${issue.minimum} item(s)` };
      if (issue.origin === 'string') return { path, message: Number(issue.minimum) <= 1 ? 'expected a non-empty value' : `expected at least ${issue.minimum} characters` };
      return { path, message: `expected ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'array') return { path, message: `expected at most ${issue.maximum} item(s)` };
      if (issue.origin === 'string') return { path, message: `expected at most ${issue.maximum} characters` };
      return { path, message: `expected ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}` };
    default:
      return { path, message: lowerFirst(issue.message.replace(/^Invalid input: /, '')) };
  }
}

/** The union branch whose first issue is not a plain type mismatch at its root. */
function closestBranch(branches: Issue[][]): Issue | undefined {
  for (const branch of branches) {
    const first = branch[0];
    if (first && !(first.code === 'invalid_type' && first.path.length === 0)) return first;
  }
  return branches[0]?.[0];
}

function article(type: string): string {
  if (type === 'undefined') return 'nothing';
  if (type === 'array' || type === 'object') return type === 'array' ? 'a list' : 'a mapping';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** What was given at `path` of `value`, for the message: `, got "2024-02-30"` (long values cut). */
function given(value: unknown, path: ReadonlyArray<PropertyKey>): string {
  let v: unknown = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return '';
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  if (typeof v === 'string') return v.length > 60 ? `, got ${v.length} characters` : `, got ${JSON.stringify(v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `, got ${String(v)}`;
  return '';
}

/**
 * Parses a request with its schema, or throws the InputError naming the first offending field
 * as the adapter calls it (`field(path)`: `--as-of` on the command line, `query.asOf` over HTTP).
 */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, field: (path: string) => string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const text = describeIssue(issue);
  const path = text.path.map(String).join('.');
  throw new InputError(`${text.message}${issue.code === 'unrecognized_keys' ? '' : given(value, issue.path)}`, { field: field(path) });
}
