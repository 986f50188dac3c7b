/**
 * The HTTP application: the JSON API under /api (routes from the table in api-routes.ts, each
 * calling one operation of the application layer) and the built web app as static files, behind
 * the security middleware. `createApp` takes its dependencies and opens no port, so tests call
 * `app.request(...)` in process; `marsad serve` wraps it in a Node server.
 */
import { Hono, type Context } from 'hono';
import { withCitationLinks } from '../app/index.js';
import type { HealthResponse } from '../domain/responses.js';
import { InputError } from '../domain/errors.js';
import { API_ROUTES, type JsonRoute } from './api-routes.js';
import { DEFAULT_MAX_UPLOAD_BYTES, type AppDeps } from './deps.js';
import { errorResponse, notFoundResponse } from './errors.js';
import { openApiDocument } from './openapi.js';
import { parseInput, readJson, stripToken } from './parse-input.js';
import { cliRoute } from './routes/cli-route.js';
import { jobEventRoutes } from './routes/job-events.js';
import { reportRoutes } from './routes/report-routes.js';
import { bodyLimit, csrfGuard, loopbackHostGuard, secureHeaders, tokenGuard } from './security.js';
import { staticFiles } from './static-files.js';

export type { AppDeps, ServerOptions } from './deps.js';

function handler(deps: AppDeps, r: JsonRoute) {
  return async (c: Context) => {
    const params = c.req.param() as Record<string, string>;
    const req =
      r.method === 'get'
        ? parseInput(r.request, { ...stripToken(c.req.query()), ...params }, 'query')
        : parseInput(r.request, { ...(await readObject(c.req.raw)), ...params }, 'body');
    const answer = await r.run(deps.wb, req);
    const body = r.links ? await withCitationLinks(deps.wb, answer) : answer;
    return c.json(body as object, r.status ?? 200);
  };
}

async function readObject(req: Request): Promise<Record<string, unknown>> {
  const value = await readJson(req);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { body: value };
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const onUnexpected = deps.options.onUnexpected;
  app.onError((error, c) => errorResponse(c, error, onUnexpected));
  app.notFound((c) => notFoundResponse(c));
  app.use('*', secureHeaders);
  app.use('*', loopbackHostGuard(deps.options.loopbackOnly ?? false));
  app.use('*', tokenGuard(deps.options.token));
  app.use('*', csrfGuard);
  // An id or a query with a NUL names nothing Marsad stores (PostgreSQL text cannot hold one).
  app.use('/api/*', (c, next) => {
    if (/%00/i.test(c.req.url) || c.req.url.includes('\0')) throw new InputError('a NUL character (%00) is not allowed in an id or a query', { field: 'url' });
    return next();
  });
  // Documents are uploaded whole: their routes (at once, or as a job) take larger bodies than every other.
  const upload = bodyLimit(deps.options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES);
  const body = bodyLimit(deps.options.maxBodyBytes);
  const uploads = new Set(['/api/documents/add', '/api/documents/upload-job']);
  app.use('*', (c, next) => (uploads.has(c.req.path) ? upload(c, next) : body(c, next)));

  const api = new Hono();
  const ready = deps.options.ready;
  if (ready) {
    let settled = false;
    ready.then(
      () => (settled = true),
      () => (settled = true),
    );
    api.use('*', async (c, next) => {
      if (settled) return next();
      if (c.req.path === '/api/health') return c.json({ ok: true, state: 'starting', case: (await deps.wb.case()).meta.id } satisfies HealthResponse);
      await ready;
      return next();
    });
  }
  for (const r of API_ROUTES) api[r.method](r.path, handler(deps, r));
  api.route('/', reportRoutes(deps));
  api.route('/', jobEventRoutes(deps));
  api.route('/', cliRoute(deps));
  // Built on first request: generating it from every schema costs a quarter second at start-up.
  let openapi: ReturnType<typeof openApiDocument> | undefined;
  api.get('/openapi.json', (c) => c.json((openapi ??= openApiDocument())));
  app.route('/api', api);

  if (deps.options.staticDir) app.use('*', staticFiles(deps.options.staticDir));
  return app;
}
