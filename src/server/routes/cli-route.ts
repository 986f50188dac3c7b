/**
 * `POST /api/cli`: a command line run by the server for a `marsad` command beside it on the same
 * data folder (see src/cli/beside-server.ts). Only with the secret the server wrote, readable by
 * its user alone, into the data folder: the route runs commands that read and write local files,
 * so nothing else may reach it (the web app never does).
 */
import { Hono } from 'hono';
import { CliRunRequest } from '../../domain/requests.js';
import type { AppDeps } from '../deps.js';
import { ForbiddenError } from '../errors.js';
import { parseInput, readJson } from '../parse-input.js';

export function cliRoute(deps: AppDeps): Hono {
  const app = new Hono();
  const cli = deps.options.cli;
  app.post('/cli', async (c) => {
    if (!cli || !cli.accepts(c.req.header('x-marsad-cli'))) throw new ForbiddenError('not a command line of this data folder');
    const req = parseInput(CliRunRequest, await readJson(c.req.raw), 'body');
    return c.json(await cli.run(req));
  });
  return app;
}
