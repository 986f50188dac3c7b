/**
 * Extraction as a job from the command line, on the embedded store (the command runs its own job
 * and waits for it): `marsad ingest --job --extract` stores the news and proposes their
 * candidates; `marsad candidates --job` then has nothing new, and named documents run again;
 * `marsad candidates DOC` lists the candidates the job kept, by the same ids.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { repoRoot } from './support/paths.js';
import { makeTempDir } from './support/temp-dir.js';

const tmp = makeTempDir('marsad-cli-extract-');
const data = join(tmp.dir, 'data');
const news = join(repoRoot, 'test', 'fixtures', 'news');

async function run(...args: string[]) {
  const io = memoryIo({}, tmp.dir);
  const code = await main(['node', 'marsad', '--data', data, ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('marsad ingest --job --extract and marsad candidates --job', () => {
  afterAll(() => tmp.remove());

  it('--extract goes with --job only', async () => {
    const r = await run('ingest', '--extract', news);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--extract goes with --job/);
  });

  it('ingest --job --extract stores the news, then runs the extraction of the documents it added', async () => {
    const r = await run('ingest', '--job', '--extract', news);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/ ingest {2}done {2}9\/9 \(100%\)/);
    expect(lines[1]).toMatch(/ extract {2}done {2}9\/9 \(100%\)/);
  });

  it('candidates --job: nothing new is refused; named documents run again with their result', async () => {
    const none = await run('candidates', '--job');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/nothing to extract/);
    const again = await run('candidates', '--job', 'heldout-a.txt', 'news-01.txt');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/ extract {2}done {2}2\/2 \(100%\)/);
    expect(again.stdout).toMatch(/^extracted 2 documents: \d+ candidates \(.*event \d+.*\)$/m);
    const json = await run('candidates', '--job', 'heldout-a.txt', '--json');
    const job = JSON.parse(json.stdout) as { kind: string; status: string; result: { documents: number; candidates: number } };
    expect(job).toMatchObject({ kind: 'extract', status: 'done', result: { documents: 1 } });
    // The desk lists the same number of candidates for the document.
    const listed = JSON.parse((await run('candidates', 'heldout-a.txt', '--json')).stdout) as unknown[];
    expect(listed.length).toBe(job.result.candidates);
  });

  it('candidates without --job takes exactly one document', async () => {
    const r = await run('candidates', 'heldout-a.txt', 'news-01.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected one document/);
  });
});
