#!/usr/bin/env node
// Runs every benchmark module in bench/ (or those whose name contains an argument) and prints
// their figures. Benchmarks report numbers and ratios against a baseline run in the same
// process; they never assert on time. Build first: `npm run bench` does.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.js') && f !== 'run.js')
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

let failed = 0;
for (const file of files) {
  const started = Date.now();
  console.log(`\n## ${file}`);
  try {
    const mod = await import(pathToFileURL(join(here, file)).href);
    const lines = await mod.run();
    for (const line of lines) console.log(line);
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed++;
    console.error(`bench ${file} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
