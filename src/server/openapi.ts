/**
 * The OpenAPI 3.1 description served at /api/openapi.json, generated from the route table
 * (api-routes.ts) and the zod schemas it names: parameters and bodies from the request
 * schemas, responses from the response schemas. Shared shapes (case items, citations) become
 * components referenced by name, so a typed client can be generated from the description.
 * Over HTTP every citation carries its resolution, so the `Citation` component is the resolved
 * citation.
 */
import { z } from 'zod';
import { Evidence, Hypothesis } from '../domain/ach.js';
import { Actor, Citation, Claim, Commitment, Event, Indicator, Issue, Place, Quantity, Scenario, Stance } from '../domain/case.js';
import { ReportRequest } from '../domain/requests.js';
import { ResolvedCitation } from '../domain/responses.js';
import { CausalEdge, Concept, Stake } from '../domain/model.js';
import { API_ROUTES } from './api-routes.js';

type JsonSchema = Record<string, unknown>;

/** Shapes that appear in many responses, named once as components. */
const COMPONENTS: Array<[string, z.ZodType]> = [
  ['Citation', Citation],
  ['Actor', Actor],
  ['Place', Place],
  ['Issue', Issue],
  ['Stance', Stance],
  ['Event', Event],
  ['Commitment', Commitment],
  ['Quantity', Quantity],
  ['Claim', Claim],
  ['Indicator', Indicator],
  ['Scenario', Scenario],
  ['Concept', Concept],
  ['CausalEdge', CausalEdge],
  ['Stake', Stake],
  ['Hypothesis', Hypothesis],
  ['Evidence', Evidence],
];

function registry() {
  const reg = z.registry<{ id: string }>();
  for (const [id, schema] of COMPONENTS) reg.add(schema, { id });
  return reg;
}

/** Converts a schema, hoisting its named parts into `components` and pointing refs at them. */
function converter(components: Record<string, JsonSchema>) {
  const metadata = registry();
  return (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const json = z.toJSONSchema(schema, { metadata, io, unrepresentable: 'any' }) as JsonSchema;
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    delete json.$defs;
    delete json.$schema;
    for (const [name, def] of Object.entries(defs)) if (!components[name]) components[name] = retarget(def) as JsonSchema;
    return retarget(json) as JsonSchema;
  };
}

function retarget(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(retarget);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace('#/$defs/', '#/components/schemas/') : retarget(v);
  }
  return out;
}

/** Hono's `/actors/:id` as OpenAPI's `/api/actors/{id}`. */
function openApiPath(path: string): string {
  return `/api${path.replace(/:(\w+)/g, '{$1}')}`;
}

function parameters(schema: JsonSchema, pathParams: string[]) {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: pathParams.includes(name) ? 'path' : 'query',
    required: pathParams.includes(name) || required.has(name),
    schema: s,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }));
}

const errorResponse = { $ref: '#/components/responses/Error' };

export function openApiDocument() {
  const components: Record<string, JsonSchema> = {};
  const convert = converter(components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of API_ROUTES) {
    const pathParams = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const request = convert(r.request, 'input');
    const operation: Record<string, unknown> = {
      summary: r.summary,
      responses: {
        [r.status ?? 200]: { description: r.summary, content: { 'application/json': { schema: convert(r.response, 'output') } } },
        400: errorResponse,
        404: errorResponse,
        ...(r.method === 'post' ? { 403: errorResponse, 413: errorResponse } : {}),
      },
    };
    if (r.method === 'get') operation.parameters = parameters(request, pathParams);
    else {
      operation.parameters = parameters({ properties: Object.fromEntries(pathParams.map((p) => [p, { type: 'string' }])) }, pathParams);
      operation.requestBody = { required: true, content: { 'application/json': { schema: request } } };
    }
    (paths[openApiPath(r.path)] ??= {})[r.method] = operation;
  }
  paths['/api/jobs/{id}/events'] = {
    get: {
      summary: 'Job progress as Server-Sent Events (progress, then done, failed or cancelled), each carrying the job',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, 404: errorResponse },
    },
  };
  // A briefing as a file, from /api/report or from a finished job.
  const briefingFile = {
    'text/markdown': { schema: { type: 'string' } },
    'text/html': { schema: { type: 'string' } },
    'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } },
  };
  paths['/api/jobs/{id}/file'] = {
    get: {
      summary: 'The file a finished job made (a briefing), as an attachment',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        200: {
          description: 'The file, with Content-Disposition: attachment',
          content: briefingFile,
        },
        404: errorResponse,
      },
    },
  };
  const reportBody = convert(ReportRequest, 'input');
  paths['/api/report'] = {
    post: {
      summary: 'The cited briefing of a scenario as a file (attachment): Markdown, HTML or PDF, Arabic or English',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: reportBody }, 'application/x-www-form-urlencoded': { schema: reportBody } },
      },
      responses: {
        200: {
          description: 'The briefing file, with Content-Disposition: attachment',
          content: briefingFile,
        },
        400: errorResponse,
        404: errorResponse,
        429: errorResponse,
      },
    },
  };
  paths['/api/openapi.json'] = {
    get: { summary: 'This description', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } },
  };
  // Citations leave the server resolved to their passages.
  components.Citation = convert(ResolvedCitation, 'output');
  return {
    openapi: '3.1.0',
    info: {
      title: 'Marsad API',
      version: '0.2.0',
      description:
        'JSON API over the Marsad store, the case and the simulation engine; every route calls one operation of the ' +
        'application layer, as the CLI does. Every `cite` in a response carries `documentId`, `passage`, `start` and `end` ' +
        '(and `page` for a PDF) ' +
        'when its document is ingested and the quote is found.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'required only when the server has a token' } },
      schemas: {
        ...Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
        Error: {
          type: 'object',
          required: ['ok', 'error', 'status'],
          properties: { ok: { const: false }, error: { type: 'string' }, status: { type: 'integer' } },
        },
      },
      responses: { Error: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
    },
    security: [{}, { bearer: [] }],
    paths,
  };
}
