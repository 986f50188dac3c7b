/**
 * `GET /api/jobs/:id/events`: a job's progress as Server-Sent Events (progress, then done, failed
 * or cancelled). The job may be run by any worker on the database, so its row is read again
 * every `JOB_EVENT_POLL_MS` and an event sent when it changed. `GET /api/jobs/:id/file`: the
 * file a finished job made (a briefing).
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { getJob, jobFile } from '../../app/index.js';
import { NoRequest } from '../../domain/requests.js';
import type { JobResponse } from '../../domain/responses.js';
import type { AppDeps } from '../deps.js';
import { parseInput, stripToken } from '../parse-input.js';

export const JOB_EVENT_POLL_MS = 150;

export function jobEventRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/jobs/:id/events', async (c) => {
    parseInput(NoRequest, stripToken(c.req.query()), 'query');
    const id = c.req.param('id');
    let job: JobResponse = await getJob(deps.wb, id);
    return streamSSE(c, async (stream) => {
      let aborted = false;
      stream.onAbort(() => {
        aborted = true;
      });
      let last = '';
      for (;;) {
        const running = job.status === 'queued' || job.status === 'running';
        const data = JSON.stringify(job);
        if (data !== last) {
          await stream.writeSSE({ event: running ? 'progress' : job.status, data });
          last = data;
        }
        if (!running || aborted) return;
        await stream.sleep(JOB_EVENT_POLL_MS);
        job = await getJob(deps.wb, id);
      }
    });
  });

  /** The file a finished job made (a briefing), as an attachment like /api/report. */
  app.get('/jobs/:id/file', async (c) => {
    parseInput(NoRequest, stripToken(c.req.query()), 'query');
    const file = await jobFile(deps.wb, c.req.param('id'));
    return c.body(new Uint8Array(file.bytes), 200, {
      'Content-Type': file.mediaType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Content-Length': String(file.bytes.length),
      'Cache-Control': 'no-store',
    });
  });

  return app;
}
