import { describe, expect, it } from 'vitest';
import { stemEnglish } from './stem-english.js';

const same = (...words: string[]): void => {
  const stems = new Set(words.map(stemEnglish));
  expect([...stems], words.join(' ')).toHaveLength(1);
};

describe('stemEnglish', () => {
  it('stemEnglish conflates withdrawal forms', () => same('withdrawals', 'withdrawal', 'withdrawn', 'withdraw', 'withdrew', 'withdrawing'));
  it('stemEnglish conflates force/forces', () => same('forces', 'force', 'forced'));
  it('stemEnglish conflates attack forms', () => same('attacks', 'attacked', 'attacking', 'attack'));
  it('stemEnglish conflates militia/militias', () => same('militias', 'militia'));
  it('stemEnglish conflates -ies plurals', () => same('agencies', 'agency'));
  it('stemEnglish removes derivational suffixes', () => {
    expect(stemEnglish('negotiations')).toBe(stemEnglish('negotiate'));
    expect(stemEnglish('relational')).toBe('relat');
    expect(stemEnglish('hopefulness')).toBe('hope');
  });
  it('stemEnglish undoubles consonants and restores e', () => {
    expect(stemEnglish('running')).toBe('run');
    expect(stemEnglish('hoping')).toBe(stemEnglish('hope'));
    expect(stemEnglish('falling')).toBe('fall');
  });
  it('stemEnglish keeps words ending in -us, -sis and -xis', () => {
    expect(stemEnglish('status')).toBe('status');
    expect(stemEnglish('isis')).toBe('isis');
    expect(stemEnglish('crisis')).toBe('crisis');
    same('crises', 'crisis');
  });
  it('stemEnglish strips the plural of demonyms in -is', () => same('iraqis', 'iraqi'));
  it('stemEnglish keeps short words and non-letters', () => {
    expect(stemEnglish('us')).toBe('us');
    expect(stemEnglish('f16')).toBe('f16');
  });
  it('stemEnglish keeps distinct words apart', () => {
    expect(stemEnglish('force')).not.toBe(stemEnglish('forum'));
    expect(stemEnglish('attack')).not.toBe(stemEnglish('attach'));
  });
});
