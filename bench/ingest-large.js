// A large text file into the embedded store: seconds, passages/s and the peak memory (maxRSS of
// a process doing only that ingest) for files of 20 MB and 200 MB read in parts of 8 MB, and
// beside them the reference in the same run: the 20 MB file read and stored whole, as every
// file was before parts. MARSAD_BENCH_LARGE_MB="20,200,1024" sets the sizes. The text is corpus
// sentences recombined (seeded), with a numbered line per 1,000 passages so no part repeats.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, recombinedPassages } from './store-support/corpus.js';

const SIZES_MB = (process.env.MARSAD_BENCH_LARGE_MB ?? '20,200').split(',').map(Number);
const PART_BYTES = 8 * 1024 * 1024;
const child = fileURLToPath(new URL('./store-support/ingest-child.js', import.meta.url));

function writeText(path, megabytes) {
  const fd = openSync(path, 'w');
  try {
    let written = 0;
    for (let batch = 0; written < megabytes * 1024 * 1024; batch++) {
      const text = `\n\nدفعة ${batch}\n\n${recombinedPassages(1000, 100 + batch).join('\n\n')}`;
      written += writeSync(fd, text);
    }
  } finally {
    closeSync(fd);
  }
}

function ingest(file, dir, partBytes) {
  return JSON.parse(execFileSync(process.execPath, [child, file, dir, String(partBytes)], { encoding: 'utf8', maxBuffer: 1 << 20 }));
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-large-'));
  const lines = [`text files of corpus sentences recombined; parts of ${PART_BYTES / 1024 / 1024} MB; each ingest in a fresh process and data folder`];
  try {
    const line = (label, r) =>
      `${label}: ${fmt(r.documents, 0)} documents, ${fmt(r.passages, 0)} passages in ${fmt(r.seconds, 1)} s = ${fmt(r.passages / r.seconds, 0)} passages/s | peak memory ${fmt(r.maxRssMb, 0)} MB`;
    for (const mb of SIZES_MB) {
      const file = join(dir, `text-${mb}.txt`);
      writeText(file, mb);
      const parts = ingest(file, join(dir, `data-parts-${mb}`), PART_BYTES);
      lines.push(line(`${mb} MB in parts`, parts));
      if (mb === SIZES_MB[0]) {
        const whole = ingest(file, join(dir, `data-whole-${mb}`), Number.MAX_SAFE_INTEGER);
        lines.push(`${line(`${mb} MB whole (reference)`, whole)} → parts use ${fmt(parts.maxRssMb / whole.maxRssMb, 2)}× the memory`);
      }
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await run()) console.log(line);
}
