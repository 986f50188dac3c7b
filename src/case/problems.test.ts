import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.js';
import { CaseProblemsError, ProblemList } from './problems.js';

describe('ProblemList', () => {
  it('lists files that could not be read before the errors they cause, the rest in reading order', () => {
    const list = new ProblemList();
    list.add(new InputError('unknown concept "x"', { file: 'indicators.yaml', line: 13 }));
    list.add(new InputError('unknown actor "y"', { file: 'a.yaml', line: 9 }));
    list.add(new InputError('invalid YAML: missing ]', { file: 'model.yaml', line: 2 }), { root: true });
    const error = (() => {
      try {
        list.throwIfAny('/case');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CaseProblemsError);
    expect((error as CaseProblemsError).problems.map((p) => p.file)).toEqual(['model.yaml', 'a.yaml', 'indicators.yaml']);
    expect((error as CaseProblemsError).message.split('\n')[1]).toContain('model.yaml:2: invalid YAML');
  });
});
