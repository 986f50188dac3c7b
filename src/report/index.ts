/**
 * Briefing formats: one entry each. `render` returns the file's bytes.
 */
import type { Briefing } from './briefing.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderPdf } from './render-pdf.js';

export interface RenderOptions {
  /** Chromium used to print PDFs. */
  chromiumPath?: string;
}

export const REPORT_FORMATS = {
  md: async (b: Briefing) => Buffer.from(renderMarkdown(b), 'utf8'),
  html: async (b: Briefing) => Buffer.from(renderHtml(b), 'utf8'),
  pdf: async (b: Briefing, o: RenderOptions) => renderPdf(renderHtml(b), { executablePath: o.chromiumPath }),
} as const satisfies Record<string, (b: Briefing, o: RenderOptions) => Promise<Buffer>>;

export type ReportFormat = keyof typeof REPORT_FORMATS;
export const REPORT_FORMAT_NAMES = Object.keys(REPORT_FORMATS) as ReportFormat[];

export { buildBriefing, SECTIONS } from './build.js';
export type { Briefing, CitationLocator, Footnote, Lang, PassageLocation } from './briefing.js';
export type { BriefingInput, BriefingCase } from './context.js';
