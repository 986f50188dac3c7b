import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.js';
import { compileSearch, groupsToTsquery, quoteLexeme } from './search-query.js';

describe('quoteLexeme', () => {
  it('doubles quotes and backslashes so the term stays one literal lexeme', () => {
    expect(quoteLexeme("o'brien")).toBe("'o''brien'");
    expect(quoteLexeme('a\\b')).toBe("'a\\\\b'");
  });
});

describe('groupsToTsquery', () => {
  it('ANDs groups and ORs the terms within a group', () => {
    expect(groupsToTsquery([['قوات', 'قوه'], ['امريك']])).toBe("('قوات' | 'قوه') & 'امريك'");
  });
  it('drops terms without letters or digits and returns null when nothing is left', () => {
    expect(groupsToTsquery([['&|!'], ['x']])).toBe("'x'");
    expect(groupsToTsquery([['---']])).toBeNull();
  });
});

describe('compileSearch', () => {
  it('ORs the alternatives with the query and collects every term for highlighting', () => {
    const c = compileSearch({ text: 'Ain al-Asad', alternatives: ['عين الأسد'] });
    expect(c.match.split(') | (')).toHaveLength(2);
    expect(c.terms.size).toBeGreaterThanOrEqual(3);
    expect(c.mention).toBeNull();
  });
  it('throws InputError for a query of stopwords only', () => {
    expect(() => compileSearch({ text: 'the of and' })).toThrow(InputError);
  });
});
