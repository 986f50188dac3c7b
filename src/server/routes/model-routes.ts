/**
 * Routes over the causal model and the simulation engine: the map with metrics and loops, one
 * scenario run, Monte Carlo as a background job with progress (polled or streamed), and the
 * sensitivity of an outcome to each edge.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { InputError, NotFoundError } from '../../domain/errors.js';
import { findLoops } from '../../model/loops.js';
import { modelMetrics } from '../../model/metrics.js';
import { EmptyQuery, MonteCarloBody, SensitivityQuery, SimulateBody, parseInput } from '../parse-input.js';
import type { CitationIndex } from '../../case/citation-index.js';
import type { AppDeps } from '../deps.js';
import { createEngine } from '../engine.js';
import type { JobRegistry, JobState } from '../jobs.js';
import { stripToken } from './case-routes.js';

export function modelRoutes(deps: AppDeps, citations: CitationIndex, jobs: JobRegistry): Hono {
  const c0 = deps.caseData;
  const engine = createEngine(c0);
  const app = new Hono();

  app.get('/model', async (c) => {
    parseInput(EmptyQuery, stripToken(c.req.query()), 'query');
    const map = engine.map();
    return c.json(
      await citations.withCitations({
        concepts: c0.concepts,
        edges: c0.edges,
        stakes: c0.stakes,
        metrics: modelMetrics(map),
        loops: findLoops(map, { max: 200 }),
      }),
    );
  });

  app.post('/simulate', async (c) => {
    const body = parseInput(SimulateBody, await readJson(c.req.raw), 'body');
    return c.json(await engine.simulate(body));
  });

  app.post('/montecarlo', async (c) => {
    const body = parseInput(MonteCarloBody, await readJson(c.req.raw), 'body');
    engine.scenario(body.scenario);
    const job = jobs.start('montecarlo', body.runs, (progress) => engine.monteCarlo(body, progress));
    return c.json(publicJob(job), 202);
  });

  app.get('/jobs/:id', (c) => {
    parseInput(EmptyQuery, stripToken(c.req.query()), 'query');
    return c.json(publicJob(jobs.get(c.req.param('id'))));
  });

  app.get('/jobs/:id/events', (c) => {
    const id = c.req.param('id');
    jobs.get(id);
    return streamSSE(c, async (stream) => {
      let resolveEnd: () => void = () => undefined;
      const ended = new Promise<void>((r) => (resolveEnd = r));
      // Writes are chained so the final event is flushed before the stream closes.
      let pending = Promise.resolve();
      const send = (job: JobState) => {
        const event = { event: job.status === 'running' ? 'progress' : job.status, data: JSON.stringify(publicJob(job)) };
        pending = pending.then(() => stream.writeSSE(event));
        if (job.status !== 'running') void pending.then(resolveEnd, resolveEnd);
      };
      const unsubscribe = jobs.subscribe(id, send);
      stream.onAbort(() => {
        unsubscribe();
        resolveEnd();
      });
      send(jobs.get(id));
      await ended;
      unsubscribe();
    });
  });

  app.get('/sensitivity', async (c) => {
    const q = parseInput(SensitivityQuery, stripToken(c.req.query()), 'query');
    if (!c0.concepts.some((k) => k.id === q.outcome)) throw new NotFoundError(`no concept "${q.outcome}"`);
    return c.json(await engine.sensitivity(q.scenario, q.outcome));
  });

  return app;
}

function publicJob(job: JobState) {
  return { ...job };
}

/** An empty or non-JSON body is a 400 naming the body, not a 500. */
async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError('expected a JSON body', { field: 'body' }, { cause: error });
  }
}
