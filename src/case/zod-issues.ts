/**
 * Turning zod's issues into the sentences an analyst reads: "expected a string", "missing
 * required field", "unknown field "nmae"". Union failures (a date is a string or a mapping) are
 * reported from the branch that came closest instead of zod's bare "Invalid input".
 */
import type { z } from 'zod';

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
      return { path, message: issue.origin === 'array' ? `expected at least ${issue.minimum} item(s)` : lowerFirst(issue.message) };
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
