// What the web benchmarks share: the real server on a free localhost port (in-memory store with
// the case corpus ingested when it is present, built web app) and headless Debian Chromium.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { builtInCaseDir } from '../../dist/case/case-dir.js';
import { defaultStaticDir, startServer } from '../../dist/cli/commands/serve.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, '..', '..', '..', 'shared', 'corpus', 'iraq-withdrawal');

export async function startWebBench() {
  const staticDir = defaultStaticDir();
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('no dist/web: run npm run build first');
  const server = await startServer(
    { port: 0, host: '127.0.0.1', ingest: existsSync(corpus), corpus, caseDir: builtInCaseDir(), staticDir },
    { err: () => undefined },
  );
  const browser = await chromium.launch({
    executablePath: process.env.MARSAD_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
