// Start-up: whole processes timed side by side, interleaved (A B A B …) so a loaded machine
// disturbs both alike, each figure the median of the runs and each ratio the median of the
// pairwise ratios. References in the same run: `node -e 0` for `marsad --help`, and a plain
// script that reads the case's actors.yaml with the yaml package and prints it as JSON for
// `marsad actors --json`. Then the first run on a fresh data folder (template vs initdb), and
// `serve` answering /api/health on an existing data folder, and its first answer that needs the
// store; and `serve` on brand-new folders, with the built-in case's rows built in and without.
// Prints figures; asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin', 'marsad.js');
const env = { ...process.env, MARSAD_DATABASE_URL: '' };

function time(args, opts = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env, ...opts });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function paired(name, a, b, runs = 9) {
  a();
  b();
  const ta = [];
  const tb = [];
  const ratio = [];
  for (let i = 0; i < runs; i++) {
    const x = a();
    const y = b();
    ta.push(x);
    tb.push(y);
    ratio.push(x / y);
  }
  return `| ${name} | ${median(ta).toFixed(0)} ms | ${median(tb).toFixed(0)} ms | **${median(ratio).toFixed(2)}×** |`;
}

/** `serve` on `dataDir`: ms to its /api/health answer and to its first answer from the store. */
async function serveReady(dataDir, { ingest = false } = {}) {
  const started = process.hrtime.bigint();
  const args = [bin, '--data', dataDir, 'serve', '--port', '0', ...(ingest ? [] : ['--no-ingest'])];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /Marsad: (http:\/\/\S+)/.exec(out);
      if (m) done(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`serve exited ${code}`)));
  });
  const res = await fetch(`${url}api/health`);
  if (!res.ok) throw new Error(`health ${res.status}`);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // Then the first answer that needs the store (it waits while the store opens).
  const docs = await fetch(`${url}api/documents`);
  if (!docs.ok) throw new Error(`documents ${docs.status}`);
  const listed = await docs.json();
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
  return { ms, readyMs, documents: listed.items.length };
}

/**
 * `serve` on brand-new data folders (the case seeded, the corpus ingested), interleaved with the
 * same while dist/case-seeds.json is moved aside, so the case's YAML is parsed as for a case
 * folder of one's own.
 */
async function firstStarts(temp) {
  const seeds = join(root, 'dist', 'case-seeds.json');
  const fresh = () => join(temp, `first-${Math.random()}`);
  const withSeeds = [];
  const without = [];
  for (let i = 0; i < 3; i++) {
    withSeeds.push(await serveReady(fresh(), { ingest: true }));
    if (!existsSync(seeds)) continue;
    const aside = join(temp, 'seeds-aside.json');
    renameSync(seeds, aside);
    try {
      without.push(await serveReady(fresh(), { ingest: true }));
    } finally {
      renameSync(aside, seeds);
    }
  }
  const fmt = (runs) => `${median(runs.map((x) => x.ms)).toFixed(0)} / ${median(runs.map((x) => x.readyMs)).toFixed(0)} ms (${runs[0].documents} documents)`;
  return `| \`marsad serve\` on a new data folder, health / first answer from the store, corpus ingested (median of 3) | ${fmt(withSeeds)} | ${without.length ? `case parsed from its YAML: ${fmt(without)}` : 'n/a'} | |`;
}

export async function run() {
  const temp = mkdtempSync(join(tmpdir(), 'marsad-bench-startup-'));
  const data = join(temp, 'data');
  const plain = join(temp, 'plain-yaml.mjs');
  writeFileSync(
    plain,
    `import { readFileSync } from 'node:fs';\nimport { parse } from ${JSON.stringify(join(root, 'node_modules', 'yaml', 'dist', 'index.js'))};\n` +
      `process.stdout.write(JSON.stringify(parse(readFileSync(${JSON.stringify(join(root, 'cases', 'iraq-withdrawal', 'actors.yaml'))}, 'utf8')).actors, null, 2));\n`,
  );
  try {
    // The data folder seeded once (and its snapshot written), as a user's would be.
    time([bin, '--data', data, 'actors', '--json']);
    const lines = [
      '| command | Marsad | reference | ratio (median of pairs) |',
      '|---|---:|---:|---:|',
      paired('`marsad --help` vs `node -e 0`', () => time([bin, '--help']), () => time(['-e', '0'])),
      paired('`marsad actors --json` vs a plain YAML reader', () => time([bin, '--data', data, 'actors', '--json']), () => time([plain])),
    ];
    // First run on a fresh folder: from the built template, and with it moved away (initdb).
    const template = join(root, 'dist', 'pglite-template.tar.gz');
    const fresh = (label) => time([bin, '--data', join(temp, `fresh-${label}-${Math.random()}`), 'documents']);
    const withTemplate = [fresh('t'), fresh('t'), fresh('t')];
    let withoutTemplate = [];
    if (existsSync(template)) {
      const aside = join(temp, 'template-aside.tar.gz');
      copyFileSync(template, aside);
      renameSync(template, join(temp, 'moved.tar.gz'));
      try {
        withoutTemplate = [fresh('i'), fresh('i'), fresh('i')];
      } finally {
        copyFileSync(aside, template);
      }
    }
    lines.push(
      `| first command on a new data folder (template) vs the same with initdb | ${median(withTemplate).toFixed(0)} ms | ${withoutTemplate.length ? `${median(withoutTemplate).toFixed(0)} ms` : 'n/a'} | ${withoutTemplate.length ? `**${(median(withTemplate) / median(withoutTemplate)).toFixed(2)}×**` : ''} |`,
    );
    const serves = [await serveReady(data), await serveReady(data), await serveReady(data)];
    lines.push(`| \`marsad serve\` answering /api/health on an existing data folder (median of 3) | ${median(serves.map((x) => x.ms)).toFixed(0)} ms | | |`);
    lines.push(`| \`marsad serve\`: first answer from the store (/api/documents) on the same folder | ${median(serves.map((x) => x.readyMs)).toFixed(0)} ms | | |`);
    lines.push(await firstStarts(temp));
    return lines;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
