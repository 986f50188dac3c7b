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
  it('ORs the phrases of a unit and collects every term for highlighting', () => {
    const c = compileSearch({ text: 'Ain al-Asad', units: [{ label: 'Ain al-Asad', phrases: ['Ain al-Asad', 'عين الأسد'] }] });
    expect(c.units).toHaveLength(1);
    expect(c.units[0].tsquery.split(') | (')).toHaveLength(2);
    expect(c.terms.size).toBeGreaterThanOrEqual(3);
    expect(c.mention).toBeNull();
  });
  it('makes one unit per meaningful word of plain text, leaving question words out', () => {
    const c = compileSearch({ text: 'how many countries are in the coalition' });
    expect(c.units.map((u) => u.label)).toEqual(['countries', 'coalition']);
    const ar = compileSearch({ text: 'لماذا انسحبت القوات' });
    expect(ar.units.map((u) => u.label)).toEqual(['انسحبت', 'القوات']);
  });
  it('throws InputError for a query of stopwords only', () => {
    expect(() => compileSearch({ text: 'the of and' })).toThrow(InputError);
  });
});
