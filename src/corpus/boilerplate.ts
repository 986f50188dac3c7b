/**
 * Page noise: lines that pages carry around the article — share buttons, menus, font-size
 * widgets, copy-protection notices, addresses (URLs), page timestamps, photo credits and file
 * names, "read more" links, and lines of a single word (a scraped page cut into fragments). A line
 * is dropped from the passages only when it is nothing but one of these, so article text
 * mentioning them is kept (the text itself is stored whole; only passages leave the noise out).
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
  { why: 'address (URL) alone', pattern: /^(?:(?:https?:\/\/|www\.)\S+\s*)+$/i },
  {
    why: 'page timestamp',
    pattern:
      /^(?:(?:updated|published|last updated|آخر تحديث|تاريخ النشر|نشر في|تم النشر)\s*[:：]?\s*)?[\d٠-٩]{1,4}(?:[-/.:][\d٠-٩]{1,4}){1,2}(?:\s*[,،]?\s*[\d٠-٩]{1,2}[:：][\d٠-٩]{2}(?:\s*(?:am|pm|ص|م))?)?(?:\s*(?:gmt|utc|بتوقيت [^\s]+))?$/i,
  },
  { why: 'page timestamp', pattern: /^(?:منذ\s+[\d٠-٩]+\s+(?:دقيقة|دقائق|ساعة|ساعات|يوم|أيام)|[\d]+\s+(?:minutes?|hours?|days?)\s+ago)$/i },
  { why: 'clock time alone', pattern: /^[\d٠-٩]{1,2}[:：][\d٠-٩]{2}(?:\s*(?:am|pm|ص|م))?$/i },
  { why: 'image file name or id', pattern: /^\S+\.(?:jpe?g|png|gif|webp|svg)$|^(?:img|dsc|photo)[-_ ]?\d+$/i },
  {
    why: 'photo credit alone',
    pattern: /^[(\[]?(?:(?:photo|image|صورة|الصورة)\s*[:：]\s*)?(?:getty images|afp|reuters|ap|epa|رويترز|فرانس برس|أ ف ب|الأناضول|صورة أرشيفية)[)\]]?$/i,
  },
  {
    why: 'menu or navigation',
    pattern: /^(?:[^|•›»]{1,25}\s*[|•›»]\s*){2,}[^|•›»]{1,25}$/,
  },
  {
    why: 'link to other articles, subscription, advertisement',
    pattern: /^(?:read more|read also|related(?: articles| stories)?|see also|subscribe|advertisement|sponsored|comments?|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|مواضيع ذات صلة|أخبار ذات صلة|إقرأ أيضاً|إعلان|اشترك|التعليقات|تابعنا)\s*[:：]?$/i,
  },
  // A word alone on a line is a fragment of a scraped page (a button, a tag, a cut heading), not a passage.
  { why: 'a single word alone', pattern: /^[\p{L}\p{M}\u0640'’-]+[:：.!؟?]?$/u },
];

/** True when the whole (trimmed) line is boilerplate. */
export function isBoilerplate(line: string): boolean {
  const s = line.trim().replace(/\s+/g, ' ');
  return s.length > 0 && s.length <= 80 && BOILERPLATE_RULES.some((r) => r.pattern.test(s));
}
