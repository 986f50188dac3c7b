/**
 * The headline of a pasted news page: the first line of the page's top that reads like a title.
 * A page copied from a browser starts with its menu, breadcrumbs, address, share buttons and
 * timestamps; the headline is the first line after them that is a short run of words (4 to 30)
 * with no separators of a menu and no address in it. Null when none of the first lines is one,
 * so the document keeps a name made from its outlet and date instead of a wrong title.
 */
import { isBoilerplate } from './boilerplate.js';

/** How far down the page a headline may sit (menus and bylines come first). */
const SCAN_LINES = 15;

const MENU = /\s[|>»›]\s|\s{3,}/;
const ADDRESS = /https?:\/\/|www\./i;
const BYLINE = /^(?:by\s|بقلم|كتب|كتبت|updated|published|last updated|آخر تحديث|تاريخ النشر|نشر في|home\b|الرئيسية)/i;

export function headlineOf(text: string): string | null {
  const lines = text.split(/\r?\n/, SCAN_LINES * 4).slice(0, SCAN_LINES);
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || isBoilerplate(line) || MENU.test(line) || ADDRESS.test(line) || BYLINE.test(line)) continue;
    const words = line.split(/\s+/).length;
    if (words < 4 || words > 30 || line.length > 250 || /[:：]$/.test(line)) continue;
    return line;
  }
  return null;
}
