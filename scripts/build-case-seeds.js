// Builds dist/case-seeds.json: the rows of every case folder in cases/, read and validated
// once, so that a new data folder seeds its working copy of the built-in case without parsing
// its YAML on first start (see src/case/built-seeds.ts). Run by `npm run build`.
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadCase } from '../dist/case/load.js';
import { caseRows, folderHash } from '../dist/case/working-copy.js';
import { SEEDS_FILE, SEEDS_FORMAT } from '../dist/case/built-seeds.js';

const casesDir = fileURLToPath(new URL('../cases/', import.meta.url));
const seeds = [];
for (const name of readdirSync(casesDir).sort()) {
  const dir = join(casesDir, name);
  const loaded = await loadCase(dir);
  seeds.push({ hash: await folderHash(dir), caseId: loaded.meta.id, rows: caseRows(loaded) });
}
const target = fileURLToPath(new URL(`../dist/${SEEDS_FILE}`, import.meta.url));
const text = JSON.stringify({ format: SEEDS_FORMAT, seeds });
writeFileSync(target, text);
console.log(`wrote ${target}: ${seeds.map((s) => `${s.caseId} (${s.rows.length} items)`).join(', ')}, ${(text.length / 1024).toFixed(0)} kB`);
