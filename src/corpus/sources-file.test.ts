import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSources } from './sources-file.js';

describe('parseSources', () => {
  it('reads the corpus sources.yaml: five entries with their metadata', () => {
    const text = readFileSync(fileURLToPath(new URL('../../../shared/corpus/iraq-withdrawal/sources.yaml', import.meta.url)), 'utf8');
    const r = parseSources(text);
    expect(r.warnings).toEqual([]);
    expect(r.byFile.size).toBe(5);
    expect(r.byFile.get('001_56f4f9c73fc7da7c.txt')).toMatchObject({ published: '2024-04', outlet: 'Shubbak (شُبّاك)', title_ar: null });
  });
  it('drops an invalid entry with a warning naming the entry and field, keeping the others', () => {
    const r = parseSources('- file: a.txt\n  published: 2024-02-30\n- file: b.txt\n  language: ar\n');
    expect([...r.byFile.keys()]).toEqual(['b.txt']);
    expect(r.warnings[0]).toMatch(/entry 1 ignored: field published/);
  });
  it('throws InputError when the YAML is not a list', () => {
    expect(() => parseSources('file: a.txt')).toThrow(/expected a list/);
  });
});
