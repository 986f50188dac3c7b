/**
 * The OpenAPI 3.1 description served at /api/openapi.json. Request bodies are generated from
 * the same zod schemas that validate them (z.toJSONSchema), so the description cannot drift
 * from what the server accepts; query parameters and responses are written out here.
 */
import { z } from 'zod';
import { REPORT_FORMAT_NAMES } from '../report/index.js';
import { MonteCarloBody, SimulateBody } from './parse-input.js';

type Param = { name: string; in: 'query' | 'path'; required?: boolean; schema: object; description?: string };
const str = { type: 'string' };
const int = { type: 'integer' };
const q = (name: string, schema: object, description?: string): Param => ({ name, in: 'query', schema, description });
const id = (description: string): Param => ({ name: 'id', in: 'path', required: true, schema: str, description });

const errorRef = { $ref: '#/components/responses/Error' };
const jsonOk = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});

function get(summary: string, parameters: Param[] = [], extra: Record<string, unknown> = {}) {
  return {
    get: {
      summary,
      parameters,
      responses: { 200: jsonOk(summary), 400: errorRef, 404: errorRef, ...extra },
    },
  };
}

function post(summary: string, schema: z.ZodType, status = 200) {
  return {
    post: {
      summary,
      requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } } },
      responses: { [status]: jsonOk(summary), 400: errorRef, 403: errorRef, 404: errorRef, 413: errorRef },
    },
  };
}

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Marsad API',
    version: '0.1.0',
    description:
      'JSON API over the Marsad store, the loaded case and the simulation engine. Every `cite` in a response carries ' +
      '`documentId`, `passage`, `start` and `end` when its document is ingested and the quote is found.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'required only when the server has a token' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['ok', 'error', 'status'],
        properties: { ok: { const: false }, error: str, status: int },
      },
    },
    responses: {
      Error: {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  },
  security: [{}, { bearer: [] }],
  paths: {
    '/api/health': get('Health and store statistics'),
    '/api/case': get('Case metadata and counts'),
    '/api/overview': get('Key figures, next deadlines, latest events and scenarios'),
    '/api/documents': get('Ingested documents (metadata only)'),
    '/api/documents/{id}': get('A document with its text, passages, actor/place mentions and cited facts', [
      id('document id or file name'),
    ]),
    '/api/passages/{id}': get('One passage and its document metadata', [id('passage id')]),
    '/api/search': get('Ranked passages with snippets; bilingual entity expansion', [
      { ...q('q', str, 'query'), required: true },
      q('limit', { ...int, minimum: 1, maximum: 100, default: 20 }),
      q('doc', str, 'document id or file name'),
      q('lang', { enum: ['ar', 'en'] }),
      q('from', str, 'YYYY[-MM[-DD]]'),
      q('to', str, 'YYYY[-MM[-DD]]'),
      q('actor', str, 'actor id: passages must name it'),
    ]),
    '/api/actors': get('Actors with stance counts, and the issues'),
    '/api/actors/{id}': get('An actor with stances, relations, events, commitments and claims', [id('actor id')]),
    '/api/stances': get('Stances in date order', [q('actor', str), q('issue', str)]),
    '/api/events': get('Events in date order', [q('actor', str), q('type', str)]),
    '/api/commitments': get('Commitments with current status and history'),
    '/api/claims': get('Figures (claims) and the quantities they measure'),
    '/api/claims/conflicts': get('Computed conflicts between claims about the same quantity'),
    '/api/scenarios': get('Scenarios and indicators'),
    '/api/places': get('Places'),
    '/api/overview/answer': get('The answer to the case question: bottom line with probability and evidence, overdue and upcoming deadlines, changes since a date', [
      q('since', str, 'YYYY, YYYY-MM or YYYY-MM-DD; default 30 days before the case date'),
    ]),
    '/api/overview/places': get('Places with coordinates and the events at each'),
    '/api/hypotheses': get('Competing hypotheses: the matrix, scores, diagnosticity and robustness'),
    '/api/model': get('Causal map: concepts, edges, stakes, metrics and feedback loops'),
    '/api/simulate': post('Run one scenario (runs > 1 samples edge weights and waits)', SimulateBody),
    '/api/montecarlo': post('Start a Monte Carlo job; poll /api/jobs/{id}', MonteCarloBody, 202),
    '/api/jobs/{id}': get('Job progress and, when done, its result', [id('job id')]),
    '/api/jobs/{id}/events': get('Job progress as Server-Sent Events (progress, done, failed)', [id('job id')]),
    '/api/sensitivity': get('Edges an outcome of a scenario is most sensitive to', [
      { ...q('scenario', str), required: true },
      { ...q('outcome', str), required: true },
    ]),
    '/api/report': {
      get: {
        summary: 'The cited briefing of a scenario as a file (attachment): Markdown, HTML or PDF, Arabic or English',
        parameters: [
          { ...q('scenario', str, 'scenario id'), required: true },
          q('lang', { enum: ['ar', 'en'], default: 'ar' }),
          q('format', { enum: REPORT_FORMAT_NAMES, default: REPORT_FORMAT_NAMES[0] }),
          q('runs', { ...int, minimum: 0, maximum: 20000, default: 2000 }, 'Monte Carlo runs behind the probabilities (0: none)'),
          q('seed', { ...int, minimum: 0, maximum: 4294967295, default: 1 }, 'Monte Carlo seed'),
        ],
        responses: {
          200: {
            description: 'The briefing file, with Content-Disposition: attachment',
            content: {
              'text/markdown': { schema: str },
              'text/html': { schema: str },
              'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } },
            },
          },
          400: errorRef,
          404: errorRef,
          429: errorRef,
        },
      },
    },
    '/api/citations/resolve': get('Resolve a citation (document file + quote) to passage id and offsets', [
      { ...q('doc', str), required: true },
      { ...q('quote', str), required: true },
    ]),
  },
} as const;
