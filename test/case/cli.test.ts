/** The case commands run in process on the example case (test/fixtures/mini-case). */
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { writeCase, META, actor } from './tmp-case.js';

const MINI = new URL('../fixtures/mini-case/', import.meta.url).pathname;

async function run(...args: string[]) {
  const io = memoryIo({}, process.cwd());
  const code = await main(['node', 'marsad', '--case', MINI, ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('case commands', () => {
  it('marsad actors --json lists actors with their citations and document file names', async () => {
    const { code, out } = await run('actors', '--json');
    expect(code).toBe(0);
    const items = JSON.parse(out) as Array<{ id: string; cite: Array<{ doc: string }> }>;
    expect(items.map((a) => a.id)).toEqual(['transport-ministry', 'dockers-union']);
    expect(items[0].cite[0].doc).toBe('harbour-report.txt');
  });

  it('marsad actors --type filters, and an unknown type is bad usage (exit 2)', async () => {
    const { out } = await run('actors', '--type', 'group');
    expect(out).toMatch(/dockers-union/);
    expect(out).not.toMatch(/transport-ministry/);
    const bad = await run('actors', '--type', 'wizard');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/field --type: expected one of .*"militia".*, got "wizard"/);
  });

  it('marsad events filters by date and validates dates', async () => {
    const inside = JSON.parse((await run('events', '--from', '2024-11', '--to', '2024-11', '--json')).out);
    expect(inside).toHaveLength(1);
    const after = JSON.parse((await run('events', '--from', '2025', '--json')).out);
    expect(after).toHaveLength(0);
    const bad = await run('events', '--from', '2024-02-30');
    expect(bad.code).toBe(2);
  });

  it('marsad claims --conflicts shows the two disagreeing figures and the two answers', async () => {
    const { code, out } = await run('claims', '--conflicts', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.claims).toHaveLength(1);
    expect(result.claims[0]).toMatchObject({ kind: 'conflict', a: { claim: 'containers-ministry', docs: ['harbour-report.txt'] }, b: { claim: 'containers-union' } });
    expect(result.stances.map((s: { question: string }) => s.question)).toEqual(['reopens-in-may-2025']);
    const human = await run('claims', '--conflicts');
    expect(human.out).toMatch(/CONFLICT \(overlapping periods\): stranded-containers/);
  });

  it('marsad claims, commitments, scenarios and stances print tables', async () => {
    expect((await run('claims')).out).toMatch(/about 1200 containers/);
    expect((await run('commitments')).out).toMatch(/0 not started/);
    expect((await run('scenarios')).out).toMatch(/funding=1/);
    expect((await run('stances', '--actor', 'dockers-union')).out).toMatch(/oppose/);
    expect((await run('stances', '--actor', 'nobody')).code).toBe(2);
  });

  it('marsad case check counts sections and resolves every citation of the example', async () => {
    const { code, out } = await run('case', 'check');
    expect(code).toBe(0);
    expect(out).toMatch(/citations: 14 of 14 resolve/);
    expect(out).toMatch(/ok\n$/);
  });

  it('marsad case check lists every problem and exits 2', async () => {
    const dir = writeCase({ 'case.yaml': META, 'a.yaml': `actors:\n${actor('a', '    relations: [{ type: backs, target: x }]\n')}${actor('a')}` });
    const io = memoryIo({ MARSAD_CASE: dir });
    const code = await main(['node', 'marsad', 'case', 'check', '--json'], io);
    expect(code).toBe(2);
    const report = JSON.parse(io.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p: { line: number }) => p.line)).toEqual([6, 7]);
  });
});
