/**
 * Extraction assist over one document file: known actors and places, dates and figures, and the
 * candidates the case does not hold yet.
 */
import type { ExtractionResult } from '../domain/extract.js';
import { extractDocument } from '../extract/index.js';
import { readDocument, type ReadDocument } from '../extract/read-document.js';
import type { Workbench } from './workbench.js';

export interface ExtractFileRequest {
  /** The file, absolute or relative to `cwd`. */
  path: string;
  /** Publication date relative dates are resolved against; overrides the file's metadata. */
  published?: string;
  maxBytes?: number;
}

export interface ExtractFileResult {
  result: ExtractionResult;
  /** Where the publication date came from. */
  publishedFrom: ReadDocument['publishedFrom'];
}

export async function extractFile(wb: Workbench, req: ExtractFileRequest): Promise<ExtractFileResult> {
  const doc = await readDocument(req.path, { published: req.published, maxBytes: req.maxBytes });
  const c = await wb.case();
  return { result: extractDocument(doc.text, { case: c, publishedDate: doc.published, file: doc.file }), publishedFrom: doc.publishedFrom };
}
