/**
 * Killing `marsad ingest` with SIGKILL in the middle of a folder loses nothing and duplicates
 * nothing: each document is written in one transaction, so after a re-run every document is
 * stored exactly once with all its passages. Runs the built CLI (bin/marsad.js → dist/).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDocument } from '../src/corpus/index.js';
import { openStore } from '../src/store/index.js';
import { binPath, distMain, repoRoot } from './support/paths.js';
import { makeTempDir } from './support/temp-dir.js';

const DOCUMENTS = 200;
const PARAGRAPHS = 12;
const tmp = makeTempDir('marsad-kill-');
const corpus = join(tmp.dir, 'corpus');

const WORDS = ['انسحاب', 'القوات', 'الأمريكية', 'التحالف', 'الدولي', 'العراق', 'سوريا', 'الفصائل', 'الحكومة', 'بغداد', 'واشنطن', 'الهجمات', 'القاعدة', 'المفاوضات', 'الإطار'];

/** Deterministic document i: 12 paragraphs of 30 words. */
function documentText(i: number): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < PARAGRAPHS; p++) {
    const words: string[] = [];
    for (let w = 0; w < 30; w++) words.push(WORDS[(i * 7 + p * 13 + w * 3) % WORDS.length]);
    paragraphs.push(`وثيقة ${i} فقرة ${p}: ${words.join(' ')}.`);
  }
  return `${paragraphs.join('\n\n')}\n`;
}

interface Run {
  code: number | null;
  signal: string | null;
  ms: number;
  stdout: string;
}

function runCli(args: string[], killAfterMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MARSAD_DATABASE_URL: '' },
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started, stdout });
    });
  });
}

const ingest = (dataDir: string, killAfterMs?: number) => runCli(['ingest', corpus, '--data', dataDir, '--json'], killAfterMs);
/** Creates and migrates an empty data folder; returns how long opening it takes. */
const initialise = async (dataDir: string) => {
  await runCli(['documents', '--data', dataDir]);
  return (await runCli(['documents', '--data', dataDir])).ms;
};

async function storedDocuments(dataDir: string): Promise<number> {
  const store = await openStore({ dataDir });
  try {
    return (await store.stats()).documents;
  } finally {
    await store.close();
  }
}

describe('marsad ingest killed with SIGKILL mid-folder', () => {
  afterAll(() => tmp.remove());

  it('leaves every document stored exactly once with all its passages after a re-run', async () => {
    if (!existsSync(distMain)) {
      throw new Error(`${distMain} is missing: build first with "npx tsc -p tsconfig.json" (npm test does)`);
    }
    mkdirSync(corpus);
    for (let i = 0; i < DOCUMENTS; i++) writeFileSync(join(corpus, `doc-${String(i).padStart(3, '0')}.txt`), documentText(i));

    // Calibrate on a throw-away folder: time to open the store, time for the whole ingest.
    const calibration = join(tmp.dir, 'calibration');
    const openMs = await initialise(calibration);
    const full = await ingest(calibration);
    expect(full.code).toBe(0);
    expect(JSON.parse(full.stdout).added).toHaveLength(DOCUMENTS);

    // Kill part-way through the writing; if the kill landed before the first or after the last
    // document (timing on a busy machine), try again later or earlier on a fresh folder.
    let fraction = 0.4;
    let dataDir = '';
    let survived = 0;
    for (let attempt = 0; attempt < 5; attempt++) {
      dataDir = join(tmp.dir, `data-${attempt}`);
      await initialise(dataDir);
      const killed = await ingest(dataDir, Math.round(openMs + fraction * Math.max(0, full.ms - openMs)));
      survived = await storedDocuments(dataDir);
      if (killed.signal === 'SIGKILL' && survived > 0 && survived < DOCUMENTS) break;
      fraction = survived === 0 ? Math.min(0.95, fraction + 0.2) : fraction / 2;
    }
    expect(survived).toBeGreaterThan(0);
    expect(survived).toBeLessThan(DOCUMENTS);

    const rerun = await ingest(dataDir);
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout);
    expect(summary.unchanged).toHaveLength(survived);
    expect(summary.added).toHaveLength(DOCUMENTS - survived);
    expect(summary.rejected).toEqual([]);

    const store = await openStore({ dataDir });
    try {
      const docs = await store.listDocuments();
      expect(docs).toHaveLength(DOCUMENTS);
      expect(new Set(docs.map((d) => d.file)).size).toBe(DOCUMENTS);
      for (const d of docs) {
        const path = join(corpus, d.file);
        const expected = (await prepareDocument(readFileSync(path), { path, file: d.file })).draft.passages;
        const stored = await store.listPassages(d.id);
        expect(stored.map((p) => p.ordinal)).toEqual(expected.map((p) => p.ordinal));
        expect(stored.map((p) => p.text)).toEqual(expected.map((p) => p.text));
      }
      expect((await store.stats()).passages).toBe(DOCUMENTS * PARAGRAPHS);
    } finally {
      await store.close();
    }
  }, 400_000);
});
