/**
 * The HTTP application: JSON API under /api and the built web app as static files, behind the
 * security middleware. `createApp` takes its dependencies and opens no port, so tests call
 * `app.request(...)` in process; `marsad serve` wraps it in a Node server.
 */
import { Hono } from 'hono';
import { CitationIndex } from '../case/citation-index.js';
import type { AppDeps } from './deps.js';
import { errorResponse, notFoundResponse } from './errors.js';
import { JobRegistry } from './jobs.js';
import { OPENAPI } from './openapi.js';
import { caseRoutes } from './routes/case-routes.js';
import { documentRoutes } from './routes/document-routes.js';
import { modelRoutes } from './routes/model-routes.js';
import { overviewRoutes } from './routes/overview-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { bodyLimit, csrfGuard, loopbackHostGuard, secureHeaders, tokenGuard } from './security.js';
import { staticFiles } from './static-files.js';

export type { AppDeps, ServerOptions } from './deps.js';

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const citations = new CitationIndex(deps.store);
  const jobs = new JobRegistry(deps.options.maxJobs ?? 16);

  app.onError((error, c) => errorResponse(c, error));
  app.notFound((c) => notFoundResponse(c));
  app.use('*', secureHeaders);
  app.use('*', loopbackHostGuard(deps.options.loopbackOnly ?? false));
  app.use('*', tokenGuard(deps.options.token));
  app.use('*', csrfGuard);
  app.use('*', bodyLimit(deps.options.maxBodyBytes));

  app.get('/api/health', async (c) => {
    const stats = await deps.store.stats();
    return c.json({ ok: true, store: deps.store.kind, case: deps.caseData.meta.id, stats });
  });
  app.get('/api/openapi.json', (c) => c.json(OPENAPI));
  app.route('/api', caseRoutes(deps, citations));
  app.route('/api', documentRoutes(deps, citations));
  app.route('/api', modelRoutes(deps, citations, jobs));
  app.route('/api', reportRoutes(deps, citations));
  app.route('/api', overviewRoutes(deps, citations));

  if (deps.options.staticDir) app.use('*', staticFiles(deps.options.staticDir));
  return app;
}
