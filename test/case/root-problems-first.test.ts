/** A case file with broken YAML is named first, before the unknown-id errors it causes elsewhere. */
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/case/load.js';
import { CaseProblemsError } from '../../src/case/problems.js';
import { actor, META, writeCase } from './tmp-case.js';

describe('loadCase with a broken file', () => {
  it('puts the broken file first among the problems', async () => {
    const relation = (target: string) => `    relations:\n      - type: proxy-of\n        target: ${target}\n`;
    const dir = writeCase({
      'case.yaml': META,
      'a.yaml': `actors:\n${actor('kataib-hezbollah', relation('iran'))}${actor('nujaba', relation('iran'))}`,
      'z.yaml': 'actors:\n  - id: iran\n    name: { en: "unterminated\n',
    });
    const error = await loadCase(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CaseProblemsError);
    const problems = (error as CaseProblemsError).problems;
    expect(problems.length).toBeGreaterThan(1);
    expect(problems[0]!.file).toBe('z.yaml');
    expect(problems[0]!.message).toMatch(/invalid YAML/);
    expect(problems.slice(1).some((p) => p.file === 'a.yaml' && /unknown actor/.test(p.message))).toBe(true);
  });
});
