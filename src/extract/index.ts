/**
 * Extraction assist (SPEC C4, C11): `extractDocument(text, { case, publishedDate })` tags known
 * actors and places, dates and figures, and proposes candidates the case does not hold yet —
 * actors, events, figures, stances, commitment updates and quotes — in one shape (`Candidate`).
 * A pure function of (text, case, options): no I/O, no clock.
 *
 * Order matters: dates are found first and their spans handed to the figure parser, so a year
 * inside a date is never a figure.
 */
import type { ExtractionResult } from '../domain/extract.js';
import { findDates, parseAnchor } from '../text/dates.js';
import { findFigures } from '../text/numbers.js';
import { proposeCandidates, textHash, type CandidateSource } from './candidates.js';
import { tagMentions, type GazetteerSource } from '../case/gazetteer.js';

export { tagMentions, buildGazetteer, cliticForms, type GazetteerSource } from '../case/gazetteer.js';
export { proposeCandidates, candidateId, textHash, type CandidateSource, type CandidateInput } from './candidates.js';
export { sentenceAt, sentences } from './sentences.js';
export { readLayout, isChrome, type Layout } from './layout.js';
export { findNewNames, type NameFind } from './names.js';

export type ExtractCase = GazetteerSource & CandidateSource;

export interface ExtractOptions {
  case: ExtractCase;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; relative dates ("أمس") need a day. InputError if malformed. */
  publishedDate?: string | null;
  /** Reported back as `file` in the result; a claim citing this file is not proposed again. */
  file?: string | null;
  /**
   * The document's content hash (SHA-256 hex of the text, as the store keeps it), the root of the
   * candidate ids. Computed from `text` when absent.
   */
  contentHash?: string;
}

export function extractDocument(text: string, opts: ExtractOptions): ExtractionResult {
  const published = opts.publishedDate ?? null;
  if (published !== null) parseAnchor(published, 'published');
  const warnings: string[] = [];
  const { dates, unresolved } = findDates(text, { published });
  for (const u of unresolved) {
    warnings.push(
      `relative date "${u.text}" at ${u.start} not resolved: ${published === null ? 'no publication date (use --published)' : `publication date ${published} is not precise enough`}`,
    );
  }
  // numbers inside web addresses ("…/2025-10-20", "story/859634") are never figures
  const urls = [...text.matchAll(/(?:https?:\/\/|www\.)\S+/giu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const figures = findFigures(text, { exclude: [...dates, ...unresolved, ...urls] });
  const mentions = tagMentions(opts.case, text);
  const candidates = proposeCandidates({
    text,
    case: opts.case,
    mentions,
    dates,
    figures,
    published,
    file: opts.file ?? null,
    contentHash: opts.contentHash ?? textHash(text),
  });
  return { file: opts.file ?? null, published, mentions, dates, figures, candidates, warnings };
}
