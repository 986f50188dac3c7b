/**
 * `POST /api/report`: the cited briefing of one scenario as a file to download (Markdown, HTML or
 * PDF, Arabic or English), built by the same operation as `marsad report`. Always an attachment:
 * the HTML briefing carries its own policy and must never run as a page of the app's origin.
 * POST (a JSON body, or a form the app's page submits), never GET: a PDF costs a Chromium, and a
 * link or an image on another site must not be able to start one (the same-origin guard checks
 * every POST). A GET is answered 405 with what to do instead.
 */
import { Hono, type Context } from 'hono';
import { renderBriefing } from '../../app/index.js';
import { BusyError } from '../../domain/errors.js';
import { ReportRequest } from '../../domain/requests.js';
import type { AppDeps } from '../deps.js';
import { describeError } from '../errors.js';
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
    try {
      return await render(c);
    } catch (error) {
      // The page's download form navigates to the answer: a failure shown as JSON would leave
      // the reader on a raw error, so a form that asks for HTML gets a short page and a way back.
      const fromForm = /^application\/x-www-form-urlencoded/i.test(c.req.header('content-type') ?? '') && /text\/html/.test(c.req.header('accept') ?? '');
      const { status, error: message } = describeError(error);
      // A failure of our own stays with the server's handler, which logs it.
      if (!fromForm || status === 500) throw error;
      return c.html(errorPage(message), status as 400);
    }
  });

  const render = async (c: Context) => {
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
  };

  return app;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The page a download form lands on when the briefing could not be made, in both languages. */
function errorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Briefing not made</title></head><body>` +
    `<h1>The briefing could not be made</h1><p lang="ar" dir="rtl">تعذّر إعداد الإحاطة.</p><p><code>${escapeHtml(message)}</code></p>` +
    `<p><a href="../#/">Back to Marsad</a> · <a href="../#/ar/briefing" lang="ar">العودة إلى مرصد</a></p></body></html>`;
}
