/**
 * `marsad import` is all or nothing. A workspace with a NUL byte in its third document, or with
 * one 3.9 MB passage, is refused with a message naming the document and field (exit 2) and
 * nothing is stored; and `kill -9` at random points of an import of 300 documents always
 * leaves the store as before (no documents) or as after (all of them with all their passages),
 * and opening it again passes the store's own check. Runs the built CLI (bin/marsad.js → dist/).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { splitPassages } from '../src/corpus/index.js';
import type { Workspace } from '../src/domain/corpus.js';
import { contentHash, openStore } from '../src/store/index.js';
import { binPath, distMain, repoRoot } from './support/paths.js';
import { makeTempDir } from './support/temp-dir.js';

export const DOCUMENTS = 300;
export const KILLS = 10;
const tmp = makeTempDir('marsad-import-kill-');
const WORDS = ['انسحاب', 'القوات', 'الأمريكية', 'التحالف', 'العراق', 'سوريا', 'الفصائل', 'الحكومة', 'بغداد', 'واشنطن'];

function document(i: number, text?: string): Workspace['documents'][number] {
  text ??= Array.from({ length: 6 }, (_, p) =>
    `وثيقة ${i} فقرة ${p}: ${Array.from({ length: 25 }, (_, w) => WORDS[(i * 7 + p * 13 + w * 3) % WORDS.length]).join(' ')}.`,
  ).join('\n\n');
  const hash = contentHash(text);
  return {
    id: hash.slice(0, 16),
    file: `doc-${String(i).padStart(4, '0')}.txt`,
    path: `/corpus/doc-${i}.txt`,
    contentHash: hash,
    language: 'ar',
    meta: {},
    text,
    passages: splitPassages(text).map((p) => ({ ...p, language: 'ar' as const })),
  };
}

const workspace = (docs: Workspace['documents']): Workspace => ({ format: 'marsad-workspace', version: 1, documents: docs });

async function cli(data: string, ...args: string[]) {
  const io = memoryIo({}, tmp.dir);
  const code = await main(['node', 'marsad', '--data', data, ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

async function counts(dataDir: string) {
  const store = await openStore({ dataDir });
  try {
    return { ...(await store.stats()), problems: (await store.check()).problems };
  } finally {
    await store.close();
  }
}

/** A seeded generator for the kill times (mulberry32), so the loop is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function runImport(data: string, file: string, killAfterMs?: number): Promise<{ code: number | null; signal: string | null; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [binPath, '--data', data, 'import', file, '--json'], {
      cwd: repoRoot,
      stdio: 'ignore',
      env: { ...process.env, MARSAD_DATABASE_URL: '' },
    });
    child.on('error', reject);
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started });
    });
  });
}

describe('marsad import: all or nothing', () => {
  const empty = join(tmp.dir, 'empty');
  beforeAll(async () => {
    expect((await cli(empty, 'documents')).code).toBe(0);
  }, 60_000);
  afterAll(() => tmp.remove());

  it('import refuses a NUL byte in the third document, naming it, and stores nothing', async () => {
    const data = join(tmp.dir, 'nul');
    cpSync(empty, data, { recursive: true });
    const docs = [document(0), document(1), document(2, 'نص فيه \u0000 بايت صفري\n\nفقرة ثانية'), document(3)];
    const file = join(tmp.dir, 'nul.json');
    writeFileSync(file, JSON.stringify(workspace(docs)));
    const r = await cli(data, 'import', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^marsad: doc-0002\.txt field text: the document's text holds a NUL character/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await counts(data)).documents).toBe(0);
  }, 60_000);

  it('import refuses a 3.9 MB passage with the limit, and stores nothing', async () => {
    const data = join(tmp.dir, 'huge');
    cpSync(empty, data, { recursive: true });
    const big = document(9, 'كلمة '.repeat(800_000).trim());
    big.passages = [{ ordinal: 0, start: 0, end: big.text.length, text: big.text, language: 'ar' }];
    const file = join(tmp.dir, 'huge.json');
    writeFileSync(file, JSON.stringify(workspace([document(0), document(1), big])));
    const r = await cli(data, 'import', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/passage 0 is 3,999,999 characters long; the limit is 100,000/);
    expect((await counts(data)).documents).toBe(0);
  }, 60_000);

  it(`import killed with SIGKILL at ${KILLS} random points leaves the store before or after`, async () => {
    if (!existsSync(distMain)) throw new Error(`${distMain} is missing: build first with "npx tsc -p tsconfig.json"`);
    const file = join(tmp.dir, 'workspace.json');
    writeFileSync(file, JSON.stringify(workspace(Array.from({ length: DOCUMENTS }, (_, i) => document(i)))));
    const full = join(tmp.dir, 'full');
    cpSync(empty, full, { recursive: true });
    const complete = await runImport(full, file);
    expect(complete.code).toBe(0);
    const after = await counts(full);
    expect(after.documents).toBe(DOCUMENTS);

    const next = random(18);
    const outcomes = { before: 0, after: 0, killed: 0 };
    for (let k = 0; k < KILLS; k++) {
      const data = join(tmp.dir, `kill-${k}`);
      cpSync(empty, data, { recursive: true });
      // Uniform over the run (start-up, reading, writing, commit).
      const run = await runImport(data, file, Math.round(next() * complete.ms * 0.9));
      if (run.signal === 'SIGKILL') outcomes.killed++;
      const found = await counts(data);
      expect(found.problems, `kill ${k}`).toEqual([]);
      if (found.documents === 0) {
        expect(found.passages, `kill ${k}`).toBe(0);
        outcomes.before++;
      } else {
        expect(found.documents, `kill ${k} (${run.signal ?? run.code})`).toBe(DOCUMENTS);
        expect(found.passages, `kill ${k}`).toBe(after.passages);
        outcomes.after++;
      }
    }
    expect(outcomes.before + outcomes.after).toBe(KILLS);
    // Most runs were really killed (the rest finished first): the loop tested something.
    expect(outcomes.killed).toBeGreaterThanOrEqual(KILLS / 2);
    console.log(
      `import kill loop: ${outcomes.killed} of ${KILLS} runs killed (import of ${DOCUMENTS} documents takes ${complete.ms} ms): ` +
        `${outcomes.before} left as before, ${outcomes.after} as after, none in between`,
    );
  }, 600_000);
});
