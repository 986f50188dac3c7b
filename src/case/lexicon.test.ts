import { describe, expect, it } from 'vitest';
import { queryWords } from '../text/index.js';
import { buildLexicon, DEFAULT_GLOSSARY, matchLexicon, parseGlossary, readGlossary } from './lexicon.js';

const LEX = buildLexicon(
  parseGlossary(['# comment', 'adviser|advisers|advisor|advisors\tمستشار|مستشارين', 'joint statement\tالبيان المشترك', 'bad line'].join('\n')),
);

function match(q: string) {
  return matchLexicon(LEX, q, queryWords(q), new Set()).map((m) => ({ text: m.text, forms: m.forms }));
}

describe('bilingual lexicon', () => {
  it('parses forms of both languages, skipping comments and lines with one form', () => {
    expect(parseGlossary('# x\na|b\tج\nlonely\n')).toEqual([{ forms: ['a', 'b', 'ج'] }]);
  });
  it('matches spelling variants and the other language, on analyzed terms (clitics, plural)', () => {
    expect(match('US advisors in Iraq')).toEqual([{ text: 'advisors', forms: ['adviser', 'advisers', 'advisor', 'advisors', 'مستشار', 'مستشارين'] }]);
    expect(match('والمستشارين الأمريكيين')[0].forms).toContain('advisers');
  });
  it('prefers the longest phrase and skips words already taken', () => {
    expect(match('the joint statement of September')).toEqual([{ text: 'joint statement', forms: ['joint statement', 'البيان المشترك'] }]);
    const q = 'advisers stay';
    expect(matchLexicon(LEX, q, queryWords(q), new Set([0]))).toEqual([]);
  });
  it('ships a curated glossary that reaches Arabic from the analyst\'s English', () => {
    const lex = buildLexicon(readGlossary(DEFAULT_GLOSSARY));
    const q = 'Kurdistan sanctions withdrawal';
    const forms = matchLexicon(lex, q, queryWords(q), new Set()).map((m) => m.forms);
    expect(forms).toHaveLength(3);
    expect(forms[0]).toContain('كردستان');
    expect(forms[1]).toContain('عقوبات');
    expect(forms[2]).toContain('انسحاب');
  });
});
