/**
 * Parsing requests at the edge with the shapes of src/domain/api.ts: the registry-bound shapes
 * are instantiated here with the engine's and the briefing's names, and `parseInput` turns the
 * first mismatch into the InputError (HTTP 400) naming the field.
 */
import type { z } from 'zod';
import { reportQuery, simulationBodies } from '../domain/api.js';
import { InputError } from '../domain/errors.js';
import { REPORT_FORMAT_NAMES } from '../report/index.js';
import { TRANSFER_NAMES, UPDATE_RULE_NAMES } from '../simulate/index.js';

export { CitationQuery, EmptyQuery, EventsQuery, OverviewAnswerQuery, SearchQuery, SensitivityQuery, StancesQuery } from '../domain/api.js';

export const { SimulateBody, MonteCarloBody } = simulationBodies(UPDATE_RULE_NAMES, TRANSFER_NAMES);
export const ReportQuery = reportQuery(REPORT_FORMAT_NAMES);

/** Parses with a schema or throws the InputError naming the first offending field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length ? issue.path.join('.') : where;
  const field = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : path;
  throw new InputError(issue ? issue.message : 'invalid input', { field: `${where}.${field}` });
}
