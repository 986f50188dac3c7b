/**
 * `GET /api/report`: the cited briefing of one scenario as a file to download (Markdown, HTML or
 * PDF, Arabic or English), built by the same operation as `marsad report`. Always an attachment:
 * the HTML briefing carries its own policy and must never run as a page of the app's origin.
 */
import { Hono } from 'hono';
import { renderBriefing } from '../../app/index.js';
import { BusyError } from '../../domain/errors.js';
import { ReportRequest } from '../../domain/requests.js';
import type { AppDeps } from '../deps.js';
import { parseInput, stripToken } from '../parse-input.js';

/** Briefings rendered at once (each PDF starts a Chromium); more get a 429. */
const MAX_RENDERING = 2;

export function reportRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  let rendering = 0;

  app.get('/report', async (c) => {
    const req = parseInput(ReportRequest, stripToken(c.req.query()), 'query');
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
