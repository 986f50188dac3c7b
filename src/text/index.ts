/** Public API of src/text: normalization, tokenization, stemming, analysis for search. */
export { normalizeText, normalizeArabic } from './normalize.js';
export { tokenize, type Token } from './tokenize.js';
export { stemArabic, arabicTerms } from './stem-arabic.js';
export { stemEnglish } from './stem-english.js';
export { luceneLightStem, luceneNormalize } from './lucene-arabic.js';
export { detectLanguage, type Language } from './language.js';
export { analyze, indexTerms, queryGroups, queryWords, type AnalyzedToken } from './analyze.js';
export { ARABIC_STOPWORDS, ENGLISH_STOPWORDS, isArabicStopword, isEnglishStopword, isQuestionWord } from './stopwords.js';
export { findPhrase, findGroupsInTokens, matchingSpans, type Span } from './match.js';
export { INVISIBLE_CODES, BIDI_CONTROL_CODES, isInvisible, hasInvisible, firstInvisible, stripInvisible, stripBidiControls } from './invisible.js';
export { foldWithOffsets, type FoldedText } from './fold.js';
