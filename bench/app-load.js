// The running app under load: 50 concurrent clients for 10 s against a real HTTP server (the
// app over an in-memory store holding the case corpus), each looping over a mix of reads —
// documents, a document, search, actors, the case, the model. Prints requests per second, p50,
// p99 and the slowest answer, and counts errors (any status >= 500 or a failed connection).
// Prints figures, asserts nothing. Build first, then: node bench/run.js app-load
import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { openWorkbench } from '../dist/app/index.js';
import { builtInCaseDir } from '../dist/case/case-dir.js';
import { ingestPaths } from '../dist/corpus/index.js';
import { createApp } from '../dist/server/app.js';
import { openStore } from '../dist/store/index.js';

const CLIENTS = 50;
const SECONDS = 10;
const corpus = fileURLToPath(new URL('../../shared/corpus/iraq-withdrawal', import.meta.url));

export async function run() {
  const store = await openStore({ memory: true });
  await ingestPaths(store, [corpus]);
  const docs = await store.listDocuments();
  const wb = openWorkbench({ caseDir: builtInCaseDir(), store });
  const app = createApp({ wb, options: { maxBodyBytes: 1 << 20 } });
  const server = await new Promise((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => done({ s, port: info.port }));
  });
  const base = `http://127.0.0.1:${server.port}/api`;
  const paths = [
    '/documents',
    `/documents/${docs[0].id}`,
    `/search?q=${encodeURIComponent('انسحاب القوات')}`,
    `/search?q=${encodeURIComponent('عين الأسد')}`,
    '/actors',
    '/case',
    '/model',
    '/health',
  ];
  // Warm-up: the case and the caches, once.
  for (const p of paths) await (await fetch(base + p)).arrayBuffer();
  const latencies = [];
  let errors = 0;
  const until = Date.now() + SECONDS * 1000;
  const client = async (k) => {
    for (let i = k; Date.now() < until; i++) {
      const started = performance.now();
      try {
        const res = await fetch(base + paths[i % paths.length]);
        await res.arrayBuffer();
        if (res.status >= 500) errors++;
      } catch {
        errors++; // a refused or reset connection counts as an error
      }
      latencies.push(performance.now() - started);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
  const seconds = (Date.now() - started) / 1000;
  server.s.close();
  await wb.close();
  await store.close();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor((q / 100) * latencies.length))].toFixed(0);
  return [
    `${CLIENTS} clients for ${seconds.toFixed(1)} s over ${paths.length} read routes: ${latencies.length} requests (${(latencies.length / seconds).toFixed(0)}/s), ${errors} errors`,
    `latency p50 ${at(50)} ms, p99 ${at(99)} ms, max ${latencies[latencies.length - 1].toFixed(0)} ms`,
  ];
}
