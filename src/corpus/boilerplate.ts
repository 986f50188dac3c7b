/**
 * Web boilerplate: lines that pages carry around the article (share buttons, font-size widgets,
 * copy-protection notices, audio-summary buttons). Found in the corpus; a line is dropped from the
 * passages only when it is nothing but one of these, so article text mentioning them is kept.
 */

export interface BoilerplateRule {
  /** What the line is, for the record. */
  why: string;
  pattern: RegExp;
}

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  { why: 'share widget (WordPress)', pattern: /^spread the love$/i },
  { why: 'copy-protection plugin notice', pattern: /^error: content is protected !*$/i },
  { why: 'font-size widget', pattern: /^[+\-]?\s*(?:الخط|حجم الخط)\s*[+\-]?$/ },
  { why: 'font-size widget', pattern: /^(?:a\s*){2,3}$/i },
  { why: 'audio/summary buttons', pattern: /^(?:استمع إلى الملخص|اظهر الملخص|أظهر الملخص|إخفاء الملخص|اخفاء الملخص)$/ },
  { why: 'share buttons', pattern: /^(?:شارك|مشاركة|share)(?:\s*(?:facebook|twitter|whatsapp|telegram|email|x|فيسبوك|تويتر|واتساب))*:?$/i },
  { why: 'share buttons', pattern: /^(?:(?:facebook|twitter|whatsapp|telegram|linkedin|email|print)\s*)+$/i },
  { why: 'contributors byline stub', pattern: /^المساهمون$/ },
];

/** True when the whole (trimmed) line is boilerplate. */
export function isBoilerplate(line: string): boolean {
  const s = line.trim().replace(/\s+/g, ' ');
  return s.length > 0 && s.length <= 80 && BOILERPLATE_RULES.some((r) => r.pattern.test(s));
}
