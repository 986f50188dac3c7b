// extractDocument on adversarial date-like text of growing size (128 KB to 1 MB): the time per
// size should double with the size (linear), not quadruple. Prints figures, asserts nothing.
// Build first (npx tsc -p tsconfig.json), then: node bench/run.js adversarial
import { fileURLToPath } from 'node:url';
import { loadCase } from '../dist/case/load.js';
import { extractDocument } from '../dist/extract/index.js';
import { ADVERSARIAL } from './extract-support/adversarial-text.js';

const SIZES = [128_000, 256_000, 512_000, 1_000_000];

export async function run() {
  const c = await loadCase(fileURLToPath(new URL('../cases/iraq-withdrawal', import.meta.url)));
  const lines = [`| text | ${SIZES.map((s) => `${s / 1000} KB`).join(' | ')} | 1 MB ÷ 128 KB |`, `|---|${SIZES.map(() => '---:').join('|')}|---:|`];
  for (const [kind, make] of Object.entries(ADVERSARIAL)) {
    const times = SIZES.map((size) => {
      const text = make(size);
      const t0 = performance.now();
      extractDocument(text, { case: c, publishedDate: '2024-10-01' });
      return performance.now() - t0;
    });
    lines.push(`| ${kind} | ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(' | ')} | ${(times[3] / times[0]).toFixed(1)}× |`);
  }
  return lines;
}
