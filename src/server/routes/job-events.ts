/** `GET /api/jobs/:id/events`: a job's progress as Server-Sent Events (progress, then done or failed). */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { jobView, type JobState } from '../../app/index.js';
import { NoRequest } from '../../domain/requests.js';
import type { AppDeps } from '../deps.js';
import { parseInput, stripToken } from '../parse-input.js';

export function jobEventRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const jobs = deps.wb.jobs;

  app.get('/jobs/:id/events', (c) => {
    parseInput(NoRequest, stripToken(c.req.query()), 'query');
    const id = c.req.param('id');
    jobs.get(id);
    return streamSSE(c, async (stream) => {
      let resolveEnd: () => void = () => undefined;
      const ended = new Promise<void>((r) => (resolveEnd = r));
      // Writes are chained so the final event is flushed before the stream closes.
      let pending = Promise.resolve();
      const send = (job: JobState) => {
        const event = { event: job.status === 'running' ? 'progress' : job.status, data: JSON.stringify(jobView(job)) };
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

  return app;
}
