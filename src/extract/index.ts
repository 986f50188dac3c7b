/**
 * Extraction assist (SPEC C4): `extractDocument(text, { case, publishedDate })` tags known actors
 * and places, dates and figures, and proposes candidates the case does not hold yet.
 *
 * Order matters: dates are found first and their spans handed to the figure parser, so a year
 * inside a date is never a figure.
 */
import type { ExtractionResult } from '../domain/extract.js';
import { findDates, parseAnchor } from '../text/dates.js';
import { findFigures } from '../text/numbers.js';
import { actorCandidates, eventCandidates, figureCandidates, quoteCandidates, type CandidateSource } from './candidates.js';
import { tagMentions, type GazetteerSource } from '../case/gazetteer.js';

export { tagMentions, buildGazetteer, cliticForms, type GazetteerSource } from '../case/gazetteer.js';
export { actorCandidates, eventCandidates, figureCandidates, quoteCandidates, sentenceAt, type CandidateSource } from './candidates.js';

export type ExtractCase = GazetteerSource & CandidateSource;

export interface ExtractOptions {
  case: ExtractCase;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; relative dates ("أمس") need a day. InputError if malformed. */
  publishedDate?: string | null;
  /** Reported back as `file` in the result. */
  file?: string | null;
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
  const figures = findFigures(text, { exclude: [...dates, ...unresolved] });
  const mentions = tagMentions(opts.case, text);
  return {
    file: opts.file ?? null,
    published,
    mentions,
    dates,
    figures,
    candidates: {
      events: eventCandidates(opts.case, text, dates, mentions),
      figures: figureCandidates(opts.case, text, figures, mentions),
      actors: actorCandidates(text, mentions),
      quotes: quoteCandidates(opts.case, text, mentions),
    },
    warnings,
  };
}
