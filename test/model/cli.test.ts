import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputError, NotFoundError } from '../../src/domain/errors.js';
import { runCli, writeToyCase } from '../simulate/toy-case.js';

const dir = writeToyCase();

describe('marsad model', () => {
  it('model --json gives metrics and loops', async () => {
    const io = await runCli(['--case', dir, 'model', '--json']);
    const out = JSON.parse(io.stdout);
    expect(out.metrics).toMatchObject({ concepts: 4, edges: 4, drivers: 1, receivers: 0, ordinary: 3 });
    expect(out.loops.loops).toEqual([
      expect.objectContaining({ concepts: ['chaos', 'trade'], polarity: 'reinforcing', length: 2 }),
    ]);
  });

  it('model --loops prints each loop closed on itself', async () => {
    const io = await runCli(['--case', dir, 'model', '--loops']);
    expect(io.stdout).toMatch(/reinforcing\s+chaos → trade → chaos/);
  });

  for (const format of ['csv', 'graphml', 'json']) {
    it(`model export --format ${format} then model import reads the same structure`, async () => {
      const file = join(dir, `out.${format}`);
      await runCli(['--case', dir, 'model', 'export', '--format', format, '--out', file]);
      const io = await runCli(['model', 'import', file, '--to', 'json']);
      const back = JSON.parse(io.stdout);
      expect(back.concepts).toHaveLength(4);
      expect(back.edges.map((e: { weight: number }) => e.weight)).toEqual([-0.6, 0.6, -0.5, -0.2]);
      if (format !== 'csv') expect(back.edges[0].range).toEqual([-0.9, -0.3]);
    });
  }

  it('model import prints YAML by default and warns about what the format lacks', async () => {
    const file = join(dir, 'mm.csv');
    writeFileSync(file, ',A,B\nA,,0.5\nB,,\n');
    const io = await runCli(['model', 'import', file]);
    const back = parse(io.stdout);
    expect(back.edges).toEqual([{ from: 'a', to: 'b', weight: 0.5, range: [0.5, 0.5] }]);
    expect(io.stderr).toMatch(/warning: .*citations/);
  });

  it('model import rejects bad files clearly', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, ',A,B\nA,,7\nB,,\n');
    await expect(runCli(['model', 'import', bad])).rejects.toThrow(InputError);
    await expect(runCli(['model', 'import', join(dir, 'missing.csv')])).rejects.toThrow(NotFoundError);
    const txt = join(dir, 'model.txt');
    writeFileSync(txt, 'x');
    await expect(runCli(['model', 'import', txt])).rejects.toThrow(/--format/);
    await expect(runCli(['--case', dir, 'model', 'export', '--format', 'pdf'])).rejects.toThrow(/unknown format/);
  });

  it('model import refuses the hostile fixtures with an InputError', async () => {
    const hostile = join(import.meta.dirname, '../../../shared/fixtures/hostile');
    await expect(runCli(['model', 'import', join(hostile, 'invalid-utf8.txt'), '--format', 'csv'])).rejects.toThrow(/UTF-8/);
    await expect(runCli(['model', 'import', join(hostile, 'binary-named.txt'), '--format', 'csv'])).rejects.toThrow(InputError);
    await expect(runCli(['model', 'import', join(hostile, 'empty.txt'), '--format', 'csv'])).rejects.toThrow(/empty/);
    await expect(runCli(['model', 'import', join(hostile, 'xss.html'), '--format', 'graphml'])).rejects.toThrow(InputError);
    const deep = join(dir, 'deep.graphml');
    writeFileSync(deep, `<graphml>${'<g>'.repeat(20_000)}`);
    await expect(runCli(['model', 'import', deep])).rejects.toThrow(/nested too deeply/);
  });

  it('model export writes the file whole', async () => {
    const file = join(dir, 'whole.json');
    await runCli(['--case', dir, 'model', 'export', '--format', 'json', '--out', file]);
    expect(JSON.parse(readFileSync(file, 'utf8')).edges).toHaveLength(4);
  });
});
