/**
 * Every JSON route answers what its response schema says: each entry of the route table is
 * called (with a sample request for its parameters) and its body parsed strictly by the schema
 * the OpenAPI description is generated from. Case items are compared as authored (the API's
 * citation links set aside), so an extra, missing or renamed field fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../src/server/api-routes.js';
import { unlinked } from '../support/citation-links.js';
import { jsonPost, openFixture, type Fixture } from './app-fixture.js';

let fx: Fixture;
let app: ReturnType<Fixture['app']>;

beforeAll(async () => {
  fx = await openFixture();
  app = fx.app();
});
afterAll(async () => fx?.close());

/** A request each route can answer on the built-in case. */
async function sample(path: string, method: string): Promise<{ url: string; init?: RequestInit }> {
  const c = fx.caseData;
  const doc = (await fx.store.listDocuments())[0]!;
  const passage = (await fx.store.listPassages(doc.id))[0]!;
  const scenario = c.scenarios[0]!.id;
  const outcome = c.concepts.find((k) => k.kind === 'outcome')!.id;
  const cite = c.events.find((e) => e.cite.length)!.cite[0]!;
  const urls: Record<string, string> = {
    '/actors/:id': `/api/actors/${c.stances[0]!.actor}`,
    '/documents/:id': `/api/documents/${doc.id}`,
    '/passages/:id': `/api/passages/${encodeURIComponent(passage.id)}`,
    '/citations/resolve': `/api/citations/resolve?doc=${encodeURIComponent(cite.doc)}&quote=${encodeURIComponent(cite.quote)}`,
    '/search': '/api/search?q=%D8%A7%D9%84%D8%A7%D9%86%D8%B3%D8%AD%D8%A7%D8%A8',
    '/backtest': '/api/backtest?asOf=2024-10-31',
    '/commitments': '/api/commitments?asOf=2025-10',
  };
  if (path === '/jobs/:id') {
    const started = await app.request('/api/montecarlo', jsonPost({ scenario, runs: 50 }));
    return { url: `/api/jobs/${((await started.json()) as { id: string }).id}` };
  }
  if (path === '/jobs/cancel' || path === '/jobs/retry') {
    // Long enough that it is still running when cancelled; retried, it is queued again.
    const started = await app.request('/api/montecarlo', jsonPost({ scenario, runs: 20000 }));
    const id = ((await started.json()) as { id: string }).id;
    if (path === '/jobs/retry') await app.request('/api/jobs/cancel', jsonPost({ id }));
    return { url: `/api${path}`, init: jsonPost({ id }) };
  }
  if (path === '/items/:kind/:id') return { url: '/api/items/actors/us' };
  if (path === '/documents/:doc/candidates') return { url: `/api/documents/${encodeURIComponent(doc.id)}/candidates` };
  if (path.startsWith('/candidates/')) {
    // Each decision takes a different candidate still open in a corpus document.
    const open: Array<{ id: string; kind: string }> = [];
    for (const d of await fx.store.listDocuments()) {
      const r = (await (await app.request(`/api/documents/${encodeURIComponent(d.id)}/candidates`)).json()) as {
        candidates: Array<{ id: string; kind: string }>;
      };
      open.push(...r.candidates);
    }
    const pick = (kinds: string[]) => open.find((k) => kinds.includes(k.kind))!.id;
    if (path === '/candidates/accept') return { url: '/api/candidates/accept', init: jsonPost({ id: pick(['actor']), reason: 'schema check' }) };
    if (path === '/candidates/reject') return { url: '/api/candidates/reject', init: jsonPost({ id: pick(['figure', 'quote', 'stance']) }) };
    const target = c.events[0]!.id;
    return { url: '/api/candidates/merge', init: jsonPost({ id: pick(['event', 'figure']), into: { kind: 'events', id: target } }) };
  }
  if (path === '/documents/delete') {
    const docs = (await (await app.request('/api/documents')).json()) as { items: Array<{ id: string; file: string }> };
    const pasted = docs.items.find((d) => d.file.startsWith('A-pasted-report'))!;
    return { url: '/api/documents/delete', init: jsonPost({ id: pasted.id }) };
  }
  if (path === '/history/revert') {
    const latest = (await (await app.request('/api/history?limit=1')).json()) as { items: Array<{ seq: number }> };
    return { url: '/api/history/revert', init: jsonPost({ seq: latest.items[0]!.seq }) };
  }
  if (method === 'post') {
    const event = 'responses-test-event';
    const bodies: Record<string, unknown> = {
      '/simulate': { scenario, runs: 20, seed: 3 },
      '/compare': { scenarios: c.scenarios.slice(0, 2).map((s) => s.id) },
      '/sensitivity': { scenario, outcome },
      '/montecarlo': { scenario, runs: 50 },
      '/briefings': { scenario, format: 'md', runs: 20 },
      '/items/add': {
        kind: 'events',
        item: { id: event, date: '2024-01-24', type: 'statement', title: { ar: 'حدث', en: 'An event' }, actors: ['us'], cite: [cite] },
        reason: 'schema check',
      },
      '/items/edit': { kind: 'events', id: event, set: { 'title.en': 'An event, renamed' } },
      '/items/retire': { kind: 'events', id: event },
      '/items/restore': { kind: 'events', id: event },
      '/documents/add': {
        text: 'title: A pasted report\n---\nThe coalition said on Monday that advisers would stay at the base in Erbil.\n',
        meta: { outlet: 'Example News', published: '2025-09-01', reliability: 'medium' },
      },
      '/documents/delete': { id: 'A-pasted-report' },
      '/documents/upload-job': {
        file: 'upload-job.txt',
        base64: Buffer.from('The coalition said on Tuesday that advisers would leave the base in Erbil.\n').toString('base64'),
        meta: { outlet: 'Example News', published: '2025-09-02' },
      },
      '/extractions': { all: true },
      '/commitments/update': { id: c.commitments[0]!.id, status: 2, date: '2025-10-01', cite },
      '/indicators/observe': { indicator: c.indicators.find((i) => i.observe)!.id, date: '2025-12-31', value: 1, cite },
      '/forecast': { target: `scenario:${scenario}`, p: 0.3, date: '2024-10-31' },
      '/resolve': { target: `scenario:${scenario}`, outcome: false, date: '2025-12-31', cite },
    };
    return { url: `/api${path}`, init: jsonPost(bodies[path]) };
  }
  return { url: urls[path] ?? `/api${path}` };
}

describe('every JSON route answers its response schema', () => {
  for (const route of API_ROUTES) {
    it(`${route.method.toUpperCase()} /api${route.path} parses strictly as its response schema`, async () => {
      const { url, init } = await sample(route.path, route.method);
      const res = await app.request(url, init);
      expect(res.status, await res.clone().text()).toBe(route.status ?? 200);
      const body = unlinked(await res.json());
      const parsed = route.response.safeParse(body);
      expect(parsed.success ? [] : parsed.error.issues.slice(0, 3), url).toEqual([]);
    });
  }

  it('the OpenAPI description types every JSON response with a schema, not a bare object', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    for (const route of API_ROUTES) {
      const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
      const schema = doc.paths[path]![route.method]!.responses[String(route.status ?? 200)]!.content!['application/json']!.schema;
      expect(schema, path).not.toEqual({ type: 'object' });
      expect(schema.properties ?? schema.$ref ?? schema.anyOf, path).toBeDefined();
    }
    expect(doc.components.schemas).toHaveProperty('Actor');
    expect(JSON.stringify(doc.components.schemas.Citation)).toContain('passage');
  });
});
