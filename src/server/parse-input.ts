/**
 * Parsing requests at the edge with the operations' own schemas (src/domain/requests.ts): the
 * first mismatch is the InputError (HTTP 400) naming the field as the client sent it
 * (`query.limit`, `body.scenario`).
 */
import type { z } from 'zod';
import { InputError } from '../domain/errors.js';
import { parseRequest } from '../domain/issues.js';

export function parseInput<T extends z.ZodType>(schema: T, value: unknown, where: 'query' | 'body' | 'path'): z.output<T> {
  return parseRequest(schema, value, (path) => (path ? `${where}.${path}` : where));
}

/** `?token=` belongs to the access guard, not to the route's own parameters. */
export function stripToken(query: Record<string, string>): Record<string, string> {
  const { token: _token, ...rest } = query;
  return rest;
}

/** An empty or non-JSON body is a 400 naming the body, not a 500. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError('expected a JSON body', { field: 'body' }, { cause: error });
  }
}
