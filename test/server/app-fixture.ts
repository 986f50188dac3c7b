/**
 * One in-process app over an in-memory PGlite store holding the case corpus and the hostile
 * xss.html, with the built-in case; and a small static folder for the file-serving tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { builtInCaseDir } from '../../src/case/case-dir.js';
import { loadCase, type LoadedCase } from '../../src/case/load.js';
import { ingestPaths } from '../../src/corpus/ingest.js';
import { openWorkbench, type Workbench } from '../../src/app/index.js';
import { createApp } from '../../src/server/app.js';
import type { ServerOptions } from '../../src/server/deps.js';
import { openStore, type Store } from '../../src/store/index.js';
import { corpusDir, hostileDir } from '../support/paths.js';
import { makeTempDir } from '../support/temp-dir.js';

export interface Fixture {
  wb: Workbench;
  store: Store;
  caseData: LoadedCase;
  staticDir: string;
  app(options?: Partial<ServerOptions>): ReturnType<typeof createApp>;
  close(): Promise<void>;
}

export async function openFixture(): Promise<Fixture> {
  const store = await openStore({ memory: true });
  const summary = await ingestPaths(store, [corpusDir(), join(hostileDir(), 'xss.html')]);
  if (summary.added.length < 6) throw new Error(`fixture ingest added ${summary.added.length} files: ${JSON.stringify(summary.rejected)}`);
  const caseData = await loadCase(builtInCaseDir());
  const temp = makeTempDir('marsad-static-');
  const staticDir = join(temp.dir, 'web');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Marsad test</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'export {};');
  // A precompressed asset as the build writes them: the raw file with .br and .gz beside it.
  const big = `export const words = ${JSON.stringify('مرصد '.repeat(400))};\n`;
  writeFileSync(join(staticDir, 'assets', 'big.js'), big);
  writeFileSync(join(staticDir, 'assets', 'big.js.br'), brotliCompressSync(big));
  writeFileSync(join(staticDir, 'assets', 'big.js.gz'), gzipSync(big));
  writeFileSync(join(temp.dir, 'secret.txt'), 'outside the web root');
  // "Today" is the built-in case's last month, so answers do not change with the date the tests run.
  const wb = openWorkbench({ caseDir: builtInCaseDir(), store, chromiumPath: process.env.MARSAD_CHROMIUM ?? '/usr/bin/chromium', clock: () => new Date('2024-10-31T12:00:00Z') });
  return {
    wb,
    store,
    caseData,
    staticDir,
    app: (options = {}) => createApp({ wb, options: { maxBodyBytes: 4096, staticDir, ...options } }),
    close: async () => {
      await store.close();
      temp.remove();
    },
  };
}

/** A JSON request with the headers a same-origin browser page sends. */
export function jsonPost(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } };
}
