/**
 * Ingesting files and folders into a store: find the files, read each within the size limit,
 * prepare it, and write it (one transaction per document, in the store). A bad file is listed
 * with its reason and the others go on; nothing is printed, progress is reported by callback.
 */
import { readRegularFile } from './read-file.js';
import { basename } from 'node:path';
import type { DocumentMeta, DocumentSink, IngestProgress, IngestSummary } from '../domain/corpus.js';
import { describeWhere, InputError, TooLargeError } from '../domain/errors.js';
import { findTesseract, type OcrAvailability } from './formats/index.js';
import { prepareDocument } from './prepare.js';
import { readSources, SOURCES_FILE, type SourcesResult } from './sources-file.js';
import { findFiles } from './walk.js';
import { LIMITS } from '../domain/names.js';

export const DEFAULTS = {
  /** Largest file read, in bytes (10 MB). */
  maxBytes: LIMITS.ingest.maxBytes,
};

export interface IngestOptions {
  /** Largest file read, in bytes; default 10 MB. */
  maxBytes?: number;
  /** Called after each file (added, unchanged or rejected). */
  onProgress?: (progress: IngestProgress) => void;
  /** Folder relative paths are resolved against; default process.cwd(). */
  cwd?: string;
  /** Read PDF pages without a text layer by OCR when Tesseract is installed; default true. */
  ocr?: boolean;
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export async function ingestPaths(
  sink: DocumentSink,
  paths: readonly string[],
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  const maxBytes = opts.maxBytes ?? DEFAULTS.maxBytes;
  const found = await findFiles(paths, opts.cwd);
  const summary: IngestSummary = {
    added: [],
    unchanged: [],
    updated: [],
    rejected: [...found.rejected],
    warnings: [...found.warnings],
  };
  // Looked for once per run, and only when a PDF has a page without text.
  let tesseract: Promise<OcrAvailability> | undefined;
  const ocr = opts.ocr === false ? undefined : () => (tesseract ??= findTesseract());
  const sourcesByDir = new Map<string, SourcesResult>();
  const sourcesFor = async (dir: string): Promise<SourcesResult> => {
    let sources = sourcesByDir.get(dir);
    if (!sources) {
      try {
        sources = await readSources(dir);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        summary.warnings.push({ path: `${dir}/${SOURCES_FILE}`, reason: `${describeWhere(error)}${error.message}; ignored` });
        sources = { byFile: new Map(), warnings: [] };
      }
      for (const w of sources.warnings) summary.warnings.push({ path: `${dir}/${SOURCES_FILE}`, reason: w });
      // Entries naming files that are not in the folder are probably typos.
      const present = new Set(found.files.filter((f) => f.dir === dir).map((f) => f.file));
      for (const name of sources.byFile.keys()) {
        if (!present.has(name)) {
          summary.warnings.push({ path: `${dir}/${SOURCES_FILE}`, reason: `names "${name}", which is not in the folder` });
        }
      }
      sourcesByDir.set(dir, sources);
    }
    return sources;
  };

  let done = 0;
  for (const f of found.files) {
    try {
      if (f.size > maxBytes) {
        throw new TooLargeError(
          `file is ${megabytes(f.size)}, over the limit of ${megabytes(maxBytes)} (raise it with --max-bytes)`,
          { file: f.file },
        );
      }
      let bytes: Uint8Array;
      try {
        bytes = await readRegularFile(f.path, maxBytes, f.file);
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError(`unreadable: ${(error as Error).message}`, { file: f.file }, { cause: error });
      }
      const meta: DocumentMeta | undefined = (await sourcesFor(f.dir)).byFile.get(f.file);
      const prepared = await prepareDocument(bytes, { path: f.path, file: basename(f.path), meta }, { ocr });
      for (const w of prepared.warnings) summary.warnings.push({ path: f.path, reason: w });
      const put = await sink.putDocument(prepared.draft);
      const entry = {
        path: f.path,
        file: f.file,
        documentId: put.documentId,
        passages: put.passages,
        ...(put.sameAs ? { sameAs: put.sameAs } : {}),
      };
      if (put.status === 'added') summary.added.push(entry);
      else if (put.status === 'unchanged') summary.unchanged.push(entry);
      else summary.updated.push(entry);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      summary.rejected.push({ path: f.path, reason: error.message });
    }
    done++;
    opts.onProgress?.({ done, total: found.files.length, path: f.path });
  }
  return summary;
}
