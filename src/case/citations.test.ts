import { describe, expect, it } from 'vitest';
import { checkCitations, foldWithOffsets, resolveCitation } from './citations.js';

const DOC = 'قال المسؤول: «إنّ القواتِ الأمريكيّة ستغادر\nالعراق» في أيلول ٢٠٢٥.';

describe('resolveCitation', () => {
  it('resolveCitation returns original offsets of an exact quote', () => {
    const at = resolveCitation({ quote: 'قال المسؤول' }, DOC);
    expect(at).toEqual({ start: 0, end: 11 });
  });

  it('resolveCitation tolerates hamza forms, harakat, line breaks and quote styles', () => {
    const quote = '"ان القوات الامريكية ستغادر العراق"';
    const at = resolveCitation({ quote }, DOC)!;
    expect(at).not.toBeNull();
    expect(DOC.slice(at.start, at.end)).toBe('«إنّ القواتِ الأمريكيّة ستغادر\nالعراق»');
  });

  it('resolveCitation tolerates bidi and zero-width controls and tatweel in the document', () => {
    const doc = 'نص عن الحشـــد \u202Bالشعبي\u202C و\u200Cالتحالف';
    const at = resolveCitation({ quote: 'الحشد الشعبي و التحالف' }, doc);
    expect(at).toBeNull(); // a space the document does not have is a real difference
    const at2 = resolveCitation({ quote: 'الحشد الشعبي والتحالف' }, doc)!;
    expect(doc.slice(at2.start, at2.end)).toBe('الحشـــد \u202Bالشعبي\u202C و\u200Cالتحالف');
  });

  it('resolveCitation matches Arabic-Indic digits and presentation forms', () => {
    expect(resolveCitation({ quote: 'أيلول 2025' }, DOC)).not.toBeNull();
    expect(resolveCitation({ quote: 'في أيلول' }, '\uFEE3\uFEE6 \uFED3\uFEF2 أيلول')).not.toBeNull();
  });

  it('resolveCitation is exact otherwise: another word does not match', () => {
    expect(resolveCitation({ quote: 'القوات البريطانية ستغادر' }, DOC)).toBeNull();
    expect(resolveCitation({ quote: 'ستغادر سوريا' }, DOC)).toBeNull();
  });
});

describe('foldWithOffsets', () => {
  it('foldWithOffsets maps every folded unit back inside the original text', () => {
    const folded = foldWithOffsets(DOC);
    expect(folded.text.length).toBe(folded.starts.length);
    for (let i = 0; i < folded.text.length; i++) {
      expect(folded.starts[i]).toBeLessThan(folded.ends[i]);
      expect(folded.ends[i]).toBeLessThanOrEqual(DOC.length);
    }
    expect(folded.text).toContain('ان القوات الامريكيه ستغادر العراق');
  });
});

describe('checkCitations', () => {
  it('checkCitations reports missing documents and quotes not found, fetching each document once', async () => {
    let fetches = 0;
    const owner = {};
    const refs = [
      { section: 'actors', item: 'a', owner, path: ['cite', 0], cite: { doc: 'd.txt', quote: 'قال المسؤول' } },
      { section: 'actors', item: 'a', owner, path: ['cite', 1], cite: { doc: 'd.txt', quote: 'كلام غير موجود' } },
      { section: 'actors', item: 'b', owner, path: ['cite', 0], cite: { doc: 'x.txt', quote: 'أي شيء' } },
    ];
    const unresolved = await checkCitations(refs, async (file) => {
      fetches++;
      return file === 'd.txt' ? DOC : null;
    });
    expect(unresolved.map((u) => [u.item, u.reason])).toEqual([
      ['a', 'quote-not-found'],
      ['b', 'document-missing'],
    ]);
    expect(fetches).toBe(2);
  });
});
