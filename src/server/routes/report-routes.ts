/**
 * `POST /api/report`: the cited briefing of one scenario as a file to download (Markdown, HTML or
 * PDF, Arabic or English), built by the same operation as `marsad report`. Always an attachment:
 * the HTML briefing carries its own policy and must never run as a page of the app's origin.
 * POST (a JSON body, or a form the app's page submits), never GET: a PDF costs a Chromium, and a
 * link or an image on another site must not be able to start one (the same-origin guard checks
 * every POST). A GET is answered 405 with what to do instead.
 */
import { Hono } from 'hono';
import { renderBriefing } from '../../app/index.js';
import { BusyError } from '../../domain/errors.js';
import { ReportRequest } from '../../domain/requests.js';
import type { AppDeps } from '../deps.js';
import { parseInput, readJson } from '../parse-input.js';

/** Briefings rendered at once (each PDF starts a Chromium); more get a 429. */
const MAX_RENDERING = 2;

export function reportRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  let rendering = 0;

  app.get('/report', (c) =>
    c.json(
      {
        ok: false,
        status: 405,
        error: 'a briefing is rendered on POST /api/report (a JSON body or a form with scenario, lang, format, runs, seed), or as a job: POST /api/briefings',
      },
      405,
      { Allow: 'POST' },
    ),
  );

  app.post('/report', async (c) => {
    const type = c.req.header('content-type') ?? '';
    const body = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type) ? await c.req.parseBody() : await readJson(c.req.raw);
    const req = parseInput(ReportRequest, body, 'body');
    if (rendering >= MAX_RENDERING) throw new BusyError(`${rendering} briefings are being rendered; try again shortly`);
    rendering++;
    try {
      const briefing = await renderBriefing(deps.wb, req);
      return c.body(new Uint8Array(briefing.bytes), 200, {
        'Content-Type': briefing.mediaType,
        'Content-Disposition': `attachment; filename="${briefing.fileName}"`,
        'Content-Length': String(briefing.bytes.length),
        'Cache-Control': 'no-store',
      });
    } finally {
      rendering--;
    }
  });

  return app;
}
