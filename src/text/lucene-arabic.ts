/**
 * Lucene-compatible Arabic normalization and light stemming, re-implemented from the rules
 * Lucene documents (ArabicNormalizer, ArabicStemmer; Larkey, Ballesteros & Connell's "light8"
 * family). Used as a measured baseline and for its published test cases; Marsad's own search
 * terms come from `stemArabic` / `arabicTerms`.
 */

/** Lucene's normalizer: hamza/madda alefs → ا, ى → ي, ة → ه; tatweel and 8 harakat removed. */
export function luceneNormalize(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x0622 || c === 0x0623 || c === 0x0625) out += '\u0627';
    else if (c === 0x0649) out += '\u064a';
    else if (c === 0x0629) out += '\u0647';
    else if (c === 0x0640 || (c >= 0x064b && c <= 0x0652)) continue;
    else out += word[i];
  }
  return out;
}

/** Article prefixes, tried in this order; the first that fits is removed. */
const LUCENE_PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'];
/** Suffixes, each tried once in this order. */
const LUCENE_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];

/**
 * Lucene's light stemmer: removes one prefix (a single و only on words of 4+ letters, others
 * when two letters remain) and then every suffix in turn that leaves two letters or more.
 */
export function luceneLightStem(word: string): string {
  let w = word;
  for (const p of LUCENE_PREFIXES) {
    const fits = p.length === 1 ? w.length >= 4 : w.length >= p.length + 2;
    if (fits && w.startsWith(p)) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of LUCENE_SUFFIXES) {
    if (w.length >= s.length + 2 && w.endsWith(s)) w = w.slice(0, w.length - s.length);
  }
  return w;
}
