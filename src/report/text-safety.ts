/**
 * Case and document text is hostile until proven otherwise: bidi overrides and isolates would
 * reorder the surrounding briefing, so they are removed before rendering; HTML special
 * characters are escaped.
 */
import { stripBidiControls } from '../text/invisible.js';

export { stripBidiControls };

export function escapeHtml(text: string): string {
  return stripBidiControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Markdown special characters that would turn text into markup (links, emphasis, HTML, tables). */
export function escapeMarkdown(text: string): string {
  return stripBidiControls(text)
    .replace(/\\/g, '\\\\')
    .replace(/([`*_[\]<>|#])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}
