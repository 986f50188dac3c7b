// One ingest in a process of its own, so its peak memory (maxRSS) is the ingest's alone:
// `node ingest-child.js FILE DATA_DIR PART_BYTES` prints {documents, passages, seconds, maxRssMb}.
import { ingestPaths } from '../../dist/corpus/index.js';
import { openStore } from '../../dist/store/index.js';

const [file, dataDir, partBytes] = process.argv.slice(2);
const store = await openStore({ dataDir });
try {
  const started = performance.now();
  const summary = await ingestPaths(store, [file], { maxBytes: 64 * 1024 ** 3, partBytes: Number(partBytes) });
  const seconds = (performance.now() - started) / 1000;
  if (summary.rejected.length > 0) throw new Error(`rejected: ${summary.rejected[0].reason}`);
  const passages = summary.added.reduce((n, a) => n + a.passages, 0);
  console.log(JSON.stringify({ documents: summary.added.length, passages, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} finally {
  await store.close();
}
