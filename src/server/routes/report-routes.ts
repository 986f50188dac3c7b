/**
 * `GET /api/report`: the cited briefing of one scenario as a file to download (Markdown, HTML or
 * PDF, Arabic or English), built exactly as `marsad report` builds it. Always an attachment:
 * the HTML briefing carries its own policy and must never run as a page of the app's origin.
 */
import { Hono } from 'hono';
import type { CitationIndex } from '../../case/citation-index.js';
import { buildBriefing, REPORT_FORMATS, type ReportFormat } from '../../report/index.js';
import { prepareBriefing } from '../../report/prepare.js';
import type { AppDeps } from '../deps.js';
import { BusyError } from '../errors.js';
import { ReportQuery, parseInput } from '../parse-input.js';
import { stripToken } from './case-routes.js';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/** Briefings rendered at once (each PDF starts a Chromium); more get a 429. */
const MAX_RENDERING = 2;

/** `marsad-<scenario>-<lang>.<ext>`, reduced to ASCII letters, digits and hyphens. */
export function reportFileName(scenario: string, lang: string, format: string): string {
  const safe = (s: string) => s.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'x';
  return `marsad-${safe(scenario)}-${safe(lang)}.${safe(format)}`;
}

export function reportRoutes(deps: AppDeps, citations: CitationIndex): Hono {
  const app = new Hono();
  let rendering = 0;

  app.get('/report', async (c) => {
    const q = parseInput(ReportQuery, stripToken(c.req.query()), 'query');
    if (rendering >= MAX_RENDERING) throw new BusyError(`${rendering} briefings are being rendered; try again shortly`);
    rendering++;
    try {
      const input = await prepareBriefing(deps.caseData, q.scenario, { runs: q.runs, seed: q.seed });
      const locate = await citations.locator(input.case);
      const briefing = buildBriefing(input, q.lang, locate);
      const bytes = await REPORT_FORMATS[q.format](briefing, { chromiumPath: deps.options.chromiumPath });
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': CONTENT_TYPES[q.format],
        'Content-Disposition': `attachment; filename="${reportFileName(q.scenario, q.lang, q.format)}"`,
        'Content-Length': String(bytes.length),
        'Cache-Control': 'no-store',
      });
    } finally {
      rendering--;
    }
  });

  return app;
}
