import { describe, expect, it } from 'vitest';
import { loadCase, loadCaseWithWarnings } from './load.js';

const MINI = new URL('../../test/fixtures/mini-case/', import.meta.url).pathname;

describe('loadCase', () => {
  it('loadCase reads the example case of the README with every section merged', async () => {
    const c = await loadCase(MINI);
    expect(c.meta.id).toBe('harbour-reopening');
    expect(c.files).toEqual(['actors.yaml', 'case.yaml', 'facts.yaml', 'model.yaml']);
    expect(c.actors.map((a) => a.id)).toEqual(['transport-ministry', 'dockers-union']);
    expect(c.claims).toHaveLength(2);
    expect(c.concepts.map((k) => k.kind)).toEqual(['lever', 'intermediate', 'outcome']);
    expect(c.edges).toHaveLength(2);
    expect(c.corpusDir).toMatch(/mini-corpus$/);
  });

  it('loadCase fills schema defaults (empty aliases, relations, event actors)', async () => {
    const c = await loadCase(MINI);
    expect(c.events[0].actors).toEqual([]);
    expect(c.places[0].aliases).toEqual(['الميناء']);
    expect(c.actors[0].relations).toEqual([]);
  });

  it('locate names the file, line and field of an item', async () => {
    const c = await loadCase(MINI);
    const union = c.actors[1];
    expect(c.locate(union)).toEqual({ file: 'actors.yaml', line: 7, field: 'actors[1]' });
    expect(c.locate(union, ['relations', 0, 'target'])).toEqual({ file: 'actors.yaml', line: 13, field: 'actors[1].relations[0].target' });
  });

  it('loadCaseWithWarnings returns no warnings for a complete case', async () => {
    const { warnings } = await loadCaseWithWarnings(MINI);
    expect(warnings).toEqual([]);
  });
});

describe('loadCaseWithWarnings', () => {
  it('loadCaseWithWarnings warns when a claim is in another unit than its quantity', async () => {
    const { mkdtempSync, cpSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/marsad-mini-`);
    cpSync(MINI, `${dir}/case`, { recursive: true });
    const facts = `${dir}/case/facts.yaml`;
    const lines = readFileSync(facts, 'utf8').split('\n');
    const at = lines.lastIndexOf('    unit: containers'); // the second claim's unit
    lines[at] = '    unit: TEU';
    writeFileSync(facts, lines.join('\n'));
    // the copy has no corpus beside it: that is a warning too
    const { warnings } = await loadCaseWithWarnings(`${dir}/case`);
    (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
    expect(warnings.map((w) => [w.file, w.line, w.field])).toEqual([
      ['facts.yaml', 40, 'claims[1].unit'],
      ['case.yaml', undefined, undefined],
    ]);
  });
});

describe('loadCaseWithWarnings and YAML tags', () => {
  it('loadCaseWithWarnings keeps an unknown tag as plain data and warns about it', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/marsad-mini-`);
    writeFileSync(`${dir}/case.yaml`, 'case:\n  id: t\n  title: { ar: ت, en: T }\n  question: !js/function { ar: س, en: Q }\n');
    const { case: c, warnings } = await loadCaseWithWarnings(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(c.meta.question).toEqual({ ar: 'س', en: 'Q' });
    expect(warnings.map((w) => [w.file, w.line])).toEqual([['case.yaml', 4]]);
    expect(warnings[0].message).toMatch(/tag/i);
  });
});
