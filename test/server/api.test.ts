/** The HTTP API in process (app.request), over PGlite in memory and the built-in case. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonPost, openFixture, type Fixture } from './app-fixture.js';

let fx: Fixture;
let app: ReturnType<Fixture['app']>;

beforeAll(async () => {
  fx = await openFixture();
  app = fx.app();
});
afterAll(async () => fx?.close());

async function json(res: Response): Promise<any> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return res.json();
}

describe('GET /api/health and metadata', () => {
  it('GET /api/health reports the store and the case', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ ok: true, store: 'pglite', case: 'iraq-withdrawal' });
    expect(body.stats.documents).toBe(6);
  });

  it('GET /api/openapi.json describes every route as OpenAPI 3.1', async () => {
    const body = await json(await app.request('/api/openapi.json'));
    expect(body.openapi).toBe('3.1.0');
    for (const path of ['/api/search', '/api/simulate', '/api/montecarlo', '/api/jobs/{id}', '/api/citations/resolve']) {
      expect(body.paths).toHaveProperty([path]);
    }
    const simulate = body.paths['/api/simulate'].post.requestBody.content['application/json'].schema;
    // A saved scenario or levers to set: neither is required on its own.
    expect(simulate.properties).toHaveProperty('scenario');
    expect(simulate.properties).toHaveProperty('levers');
  });

  it('GET /api/overview/answer gives the bottom line with its probability and cited evidence', async () => {
    const body = await json(await app.request('/api/overview/answer?since=2024-09-01'));
    expect(body.question.en).toBe(fx.caseData.meta.question.en);
    expect(body.since).toBe('2024-09-01');
    const b = body.bottomLine;
    expect(fx.caseData.hypotheses.map((h) => h.id)).toContain(b.hypothesis.id);
    expect(b.scenario.id).toBe(fx.caseData.hypotheses.find((h) => h.id === b.hypothesis.id)!.scenario);
    expect(b.probability.runs).toBe(2000);
    expect(b.probability.ahead).toBeGreaterThan(0);
    expect(b.probability.ahead).toBeLessThanOrEqual(1);
    expect(b.support.length).toBeGreaterThan(0);
    expect(b.support[0].cite[0].passage).toBeTruthy();
    // Changes are after the date and no later than the case date, newest first.
    const dates = body.changes.map((c: { date: string }) => c.date);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d: string) => d > '2024-09-01' && d <= body.asOf)).toBe(true);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(Array.isArray(body.overdue)).toBe(true);
    expect(body.upcoming.length).toBeGreaterThan(0);
  });

  it('GET /api/overview/answer refuses a malformed date with a 400 naming the field', async () => {
    const res = await app.request('/api/overview/answer?since=last-week');
    expect(res.status).toBe(400);
    expect((await json(res)).error).toMatch(/YYYY/);
  });

  it('GET /api/overview/places gives places with coordinates and their events', async () => {
    const body = await json(await app.request('/api/overview/places'));
    const asad = body.places.find((p: { id: string }) => p.id === 'ain-al-asad');
    expect(asad.lat).toBeCloseTo(33.8, 0);
    expect(asad.lon).toBeCloseTo(42.4, 0);
    expect(asad.events.length).toBeGreaterThan(0);
    expect(body.places.every((p: { lat: number; lon: number }) => Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180)).toBe(true);
  });

  it('GET /api/overview gives counts, deadlines and latest events', async () => {
    const body = await json(await app.request('/api/overview'));
    expect(body.counts.actors).toBe(fx.caseData.actors.length);
    expect(body.deadlines.length).toBeGreaterThan(0);
    expect(body.latestEvents.length).toBeGreaterThan(0);
  });
});

describe('security headers', () => {
  it('every response carries a CSP without inline scripts, nosniff and no-referrer', async () => {
    for (const path of ['/api/health', '/', '/api/nope']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toMatch(/https?:/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('errors', () => {
  it('an unknown route is a 404 in the error envelope', async () => {
    const res = await app.request('/api/nope');
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({ ok: false, error: expect.stringContaining('/api/nope'), status: 404 });
  });

  it('GET /api/actors/:id with an unknown id is a 404', async () => {
    const res = await app.request('/api/actors/no-such-actor');
    expect(res.status).toBe(404);
    expect((await json(res)).ok).toBe(false);
  });

  it('GET /api/search without q is a 400 naming the field', async () => {
    const res = await app.request('/api/search');
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body).toMatchObject({ ok: false, status: 400 });
    expect(body.error).toContain('query.q');
  });

  it('GET /api/search refuses an out-of-range limit and unknown parameters', async () => {
    expect((await app.request('/api/search?q=x&limit=5000')).status).toBe(400);
    expect((await app.request('/api/search?q=x&bogus=1')).status).toBe(400);
    expect((await app.request('/api/search?q=x&from=yesterday')).status).toBe(400);
  });

  it('POST /api/simulate with malformed JSON is a 400, an unknown scenario a 404', async () => {
    expect((await app.request('/api/simulate', jsonPost('{not json'))).status).toBe(400);
    expect((await app.request('/api/simulate', jsonPost({ scenario: 'Bad Id' }))).status).toBe(400);
    expect((await app.request('/api/simulate', jsonPost({ scenario: 'no-such-scenario' }))).status).toBe(404);
    expect((await app.request('/api/simulate', jsonPost({ scenario: fx.caseData.scenarios[0].id, rule: 'nope' }))).status).toBe(400);
  });

  it('a body over the limit is a 413, declared or streamed', async () => {
    const big = JSON.stringify({ scenario: 'x', pad: 'a'.repeat(10_000) });
    const res = await app.request('/api/simulate', jsonPost(big));
    expect(res.status).toBe(413);
    expect(await json(res)).toMatchObject({ ok: false, status: 413 });
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1000)));
        controller.close();
      },
    });
    const streamed = await app.request('/api/simulate', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});

describe('CSRF', () => {
  const scenario = () => ({ scenario: fx.caseData.scenarios[0].id });
  it('POST from another origin is refused with 403', async () => {
    const res = await app.request('http://localhost/api/simulate', jsonPost(scenario(), { Origin: 'http://evil.example' }));
    expect(res.status).toBe(403);
  });
  it('POST marked cross-site by the browser is refused with 403', async () => {
    const res = await app.request('/api/simulate', jsonPost(scenario(), { 'Sec-Fetch-Site': 'cross-site' }));
    expect(res.status).toBe(403);
  });
  it('POST from the same origin is accepted', async () => {
    const res = await app.request('http://localhost/api/simulate', jsonPost(scenario(), { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' }));
    expect(res.status).toBe(200);
  });
  it("the app's own form (Origin: null under the no-referrer policy, Sec-Fetch-Site: same-origin) is accepted; an opaque Origin alone is not", async () => {
    const own = await app.request('http://localhost/api/simulate', jsonPost(scenario(), { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' }));
    expect(own.status).toBe(200);
    const opaque = await app.request('http://localhost/api/simulate', jsonPost(scenario(), { Origin: 'null' }));
    expect(opaque.status).toBe(403);
  });
});

describe('case data with resolved citations', () => {
  it('GET /api/events gives every ingested citation a passage and offsets', async () => {
    const body = await json(await app.request('/api/events'));
    const cites = body.items.flatMap((e: any) => e.cite);
    const resolved = cites.filter((c: any) => c.passage);
    expect(resolved.length).toBeGreaterThan(cites.length * 0.9);
    const c = resolved[0];
    const doc = await json(await app.request(`/api/documents/${c.documentId}`));
    const passage = doc.passages.find((p: any) => p.id === c.passage);
    expect(passage.start).toBeLessThanOrEqual(c.start);
    expect(c.end).toBeLessThanOrEqual(doc.document.text.length);
    expect(c.end).toBeGreaterThan(c.start);
  });

  it('GET /api/citations/resolve finds a quote and 404s a missing one', async () => {
    const event = fx.caseData.events[0];
    const cite = event.cite[0];
    const res = await app.request(`/api/citations/resolve?doc=${encodeURIComponent(cite.doc)}&quote=${encodeURIComponent(cite.quote)}`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.passage).toMatch(/:/);
    expect(body.end - body.start).toBeGreaterThanOrEqual(cite.quote.length * 0.8);
    const missing = await app.request(`/api/citations/resolve?doc=${encodeURIComponent(cite.doc)}&quote=${encodeURIComponent('لا يوجد هذا النص أبدا')}`);
    expect(missing.status).toBe(404);
  });

  it('GET /api/actors/:id gives stances and relations', async () => {
    const withStances = fx.caseData.stances[0].actor;
    const body = await json(await app.request(`/api/actors/${withStances}`));
    expect(body.actor.id).toBe(withStances);
    expect(body.stances.length).toBeGreaterThan(0);
    expect(Array.isArray(body.relations)).toBe(true);
  });

  it('GET /api/hypotheses gives the ACH matrix with a ranking and resolved citations', async () => {
    const body = await json(await app.request('/api/hypotheses'));
    expect(body.hypotheses.length).toBe(fx.caseData.hypotheses.length);
    expect(body.analysis.scores.map((s: any) => s.rank)[0]).toBe(1);
    expect(body.analysis.leading).toBe(body.analysis.scores[0].hypothesis);
    const cite = body.evidence[0].ratings[0].cite[0];
    expect(cite.passage).toBeDefined();
  });

  it('GET /api/claims/conflicts returns computed conflicts side by side', async () => {
    const body = await json(await app.request('/api/claims/conflicts'));
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items[0]).toHaveProperty('a.claim');
    expect(body.items[0]).toHaveProperty('b.claim');
  });

  it('GET /api/documents/:id highlights actors the gazetteer knows', async () => {
    const docs = await json(await app.request('/api/documents'));
    const doc = docs.items.find((d: any) => d.file.startsWith('000_'));
    expect(doc).not.toHaveProperty('path');
    const body = await json(await app.request(`/api/documents/${doc.id}`));
    expect(body.mentions.length).toBeGreaterThan(10);
    const m = body.mentions[0];
    const actor = fx.caseData.actors.find((a) => a.id === m.id) ?? fx.caseData.places.find((p) => p.id === m.id);
    expect(actor).toBeDefined();
    expect(body.facts.length).toBeGreaterThan(0);
    // "يوم السبت الماضي (27/1/2024)" in the first document
    expect(body.dates.map((d: any) => d.value)).toContain('2024-01-27');
  });
});

describe('search', () => {
  it('GET /api/search finds Arabic passages with marked snippets', async () => {
    const body = await json(await app.request(`/api/search?q=${encodeURIComponent('انسحاب القوات الأمريكية')}&limit=5`));
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.length).toBeLessThanOrEqual(5);
    expect(body.hits[0].snippet).toContain('[[');
  });

  it('GET /api/search expands an English name to its Arabic forms', async () => {
    const body = await json(await app.request(`/api/search?q=${encodeURIComponent('Ain al-Asad')}`));
    expect(body.expansion.alternatives.join(' ')).toMatch(/عين الأسد/);
    expect(body.hits.length).toBeGreaterThan(0);
  });

  it('GET /api/search filters by actor and by document', async () => {
    const docs = await json(await app.request('/api/documents'));
    const doc = docs.items.find((d: any) => d.file.startsWith('002_'));
    const body = await json(await app.request(`/api/search?q=${encodeURIComponent('العراق')}&doc=${doc.id}`));
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.every((h: any) => h.documentId === doc.id)).toBe(true);
    expect((await app.request('/api/search?q=x&actor=no-such-actor')).status).toBe(404);
  });
});

describe('model and simulation', () => {
  it('GET /api/model gives concepts, edges, metrics and loops', async () => {
    const body = await json(await app.request('/api/model'));
    expect(body.concepts.length).toBe(fx.caseData.concepts.length);
    expect(body.metrics.edges).toBe(fx.caseData.edges.length);
    expect(Array.isArray(body.loops.loops)).toBe(true);
  });

  it('POST /api/simulate returns outcomes, payoffs and convergence', async () => {
    const scheduled = fx.caseData.scenarios.find((s) => s.schedule.length > 0) ?? fx.caseData.scenarios[0];
    const res = await app.request('/api/simulate', jsonPost({ scenario: scheduled.id }));
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.scenario).toBe(scheduled.id);
    expect(body.outcomes.length).toBeGreaterThan(0);
    expect(Array.isArray(body.winners)).toBe(true);
    expect(body.convergence.scenario.status).toMatch(/fixed-point|limit-cycle|none/);
    if (scheduled.schedule.length) expect(body.trajectory.months.length).toBeGreaterThan(1);
  });

  it('POST /api/montecarlo runs a job whose progress reaches the total', async () => {
    const scenario = fx.caseData.scenarios[1]?.id ?? fx.caseData.scenarios[0].id;
    const start = await app.request('/api/montecarlo', jsonPost({ scenario, runs: 500, seed: 7 }));
    expect(start.status).toBe(202);
    let job = await json(start);
    expect(job.total).toBe(500);
    for (let i = 0; i < 600 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await json(await app.request(`/api/jobs/${job.id}`));
    }
    expect(job.status).toBe('done');
    expect(job.done).toBe(500);
    expect(job.result.runs).toBe(500);
    expect(job.result.outcomes[0].rise + job.result.outcomes[0].fall).toBeLessThanOrEqual(1);
    expect((await app.request('/api/jobs/not-a-job')).status).toBe(404);
  });

  it('POST /api/briefings renders a briefing as a job whose file is the bytes of POST /api/report', async () => {
    const scenario = fx.caseData.scenarios[0].id;
    const params = { scenario, lang: 'en', format: 'md', runs: 200, seed: 5 };
    const start = await app.request('/api/briefings', jsonPost(params));
    expect(start.status).toBe(202);
    let job = await json(start);
    expect(job.kind).toBe('briefing');
    for (let i = 0; i < 1200 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await json(await app.request(`/api/jobs/${job.id}`));
    }
    expect(job.status).toBe('done');
    expect(job.result.fileName).toBe(`marsad-${scenario}-en.md`);
    const file = await app.request(`/api/jobs/${job.id}/file`);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="marsad-${scenario}-en.md"`);
    const direct = await app.request('/api/report', jsonPost(params));
    expect(await file.text()).toBe(await direct.text());
    expect(job.result.size).toBe(Buffer.byteLength(await (await app.request(`/api/jobs/${job.id}/file`)).text()));
    const mc = await json(await app.request('/api/montecarlo', jsonPost({ scenario, runs: 100 })));
    expect((await app.request(`/api/jobs/${mc.id}/file`)).status).toBe(404);
  });

  it('GET /api/jobs/:id/events streams progress and ends with the result', async () => {
    const scenario = fx.caseData.scenarios[0].id;
    const job = await json(await app.request('/api/montecarlo', jsonPost({ scenario, runs: 750, seed: 3 })));
    const res = await app.request(`/api/jobs/${job.id}/events`);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await res.text();
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[events.length - 1]).toBe('done');
    const last = JSON.parse([...text.matchAll(/^data: (.*)$/gm)].pop()![1]);
    expect(last.result.runs).toBe(750);
  });

  it('POST /api/sensitivity ranks edges for an outcome; a GET starts nothing', async () => {
    const outcome = fx.caseData.concepts.find((c) => c.kind === 'outcome')!.id;
    const scenario = fx.caseData.scenarios[1]?.id ?? fx.caseData.scenarios[0].id;
    const body = await json(await app.request('/api/sensitivity', jsonPost({ scenario, outcome })));
    expect(body.outcome).toBe(outcome);
    expect(body.edges.length).toBeGreaterThan(0);
    expect((await app.request('/api/sensitivity', jsonPost({ scenario, outcome: 'no-such' }))).status).toBe(404);
    expect((await app.request(`/api/sensitivity?scenario=${scenario}&outcome=${outcome}`)).status).toBe(404);
  });
});
