/**
 * Ingesting files and folders into a store: find the files, read each within the size limit,
 * prepare it, and write it (one transaction per document, in the store). A bad file is listed
 * with its reason and the others go on; nothing is printed, progress is reported by callback.
 */
import { readRegularFile, readRegularFileInParts } from './read-file.js';
import { basename, extname } from 'node:path';
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
  /** A text file over this many bytes is stored in parts of at most this size (8 MB). */
  partBytes: LIMITS.ingest.partBytes,
};

/** Formats whose bytes can be cut on a blank line and each piece read on its own. */
const PART_EXTENSIONS = new Set(['.txt', '.md']);

/** The name a part of a large text file is stored under: `news.txt` → `news.part-0003.txt`. */
export function partFileName(file: string, part: number): string {
  const ext = extname(file);
  return `${file.slice(0, file.length - ext.length)}.part-${String(part).padStart(4, '0')}${ext}`;
}

export interface IngestOptions {
  /** Largest file read, in bytes; default 10 MB. */
  maxBytes?: number;
  /** Called after each file (added, unchanged or rejected). */
  onProgress?: (progress: IngestProgress) => void;
  /** Folder relative paths are resolved against; default process.cwd(). */
  cwd?: string;
  /** Read PDF pages without a text layer by OCR when Tesseract is installed; default true. */
  ocr?: boolean;
  /** A .txt or .md file over this many bytes is stored in parts of at most this size; default 8 MB. */
  partBytes?: number;
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
  const partBytes = opts.partBytes ?? DEFAULTS.partBytes;
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
  /**
   * A large text file, one part at a time: each part is a document of its own, stored in its
   * own transaction, so memory holds one part and a crash keeps the parts already stored (the
   * next ingest finds them unchanged and goes on).
   */
  const storeInParts = async (
    f: (typeof found.files)[number],
    meta: DocumentMeta | undefined,
    store: (bytes: Uint8Array, file: string, meta: DocumentMeta | undefined) => Promise<void>,
  ): Promise<void> => {
    let part = 0;
    try {
      for await (const chunk of readRegularFileInParts(f.path, { maxBytes, partBytes, file: f.file })) {
        part++;
        if (part === 1 && chunk.bytes.length >= 2 && ((chunk.bytes[0] === 0xff && chunk.bytes[1] === 0xfe) || (chunk.bytes[0] === 0xfe && chunk.bytes[1] === 0xff))) {
          throw new InputError(
            `UTF-16 text of ${megabytes(f.size)}: text over ${megabytes(partBytes)} is read in parts, which needs UTF-8 ` +
              `(convert it, e.g. iconv -f UTF-16 -t UTF-8)`,
            { file: f.file },
          );
        }
        const partMeta = meta?.title ? { ...meta, title: `${meta.title} (part ${part})` } : meta;
        try {
          await store(chunk.bytes, partFileName(f.file, part), partMeta);
        } catch (error) {
          // A part of blank lines or markup only is nothing to index, not a reason to stop.
          if (!(error instanceof InputError) || !/^no text to index/.test(error.message)) throw error;
          summary.warnings.push({ path: f.path, reason: `part ${part} (from byte ${chunk.offset}) has no text to index; skipped` });
        }
        opts.onProgress?.({ done, total: found.files.length, path: f.path, bytes: { done: chunk.offset + chunk.bytes.length, total: chunk.size } });
      }
    } catch (error) {
      if (error instanceof InputError) {
        if (part > 1) error.message = `${error.message} (in part ${part}; parts 1–${part - 1} are stored)`;
        throw error;
      }
      // A read that failed (the file vanished, an I/O error) is the file's problem; the store's are not.
      if (typeof (error as NodeJS.ErrnoException).syscall !== 'string') throw error;
      throw new InputError(`unreadable: ${(error as Error).message}`, { file: f.file }, { cause: error });
    }
  };
  for (const f of found.files) {
    try {
      if (f.size > maxBytes) {
        throw new TooLargeError(
          `file is ${megabytes(f.size)}, over the limit of ${megabytes(maxBytes)} (raise it with --max-bytes)`,
          { file: f.file },
        );
      }
      const meta: DocumentMeta | undefined = (await sourcesFor(f.dir)).byFile.get(f.file);
      const store = async (bytes: Uint8Array, file: string, partMeta: DocumentMeta | undefined): Promise<void> => {
        const prepared = await prepareDocument(bytes, { path: f.path, file, meta: partMeta }, { ocr });
        for (const w of prepared.warnings) summary.warnings.push({ path: f.path, reason: w });
        const put = await sink.putDocument(prepared.draft);
        const entry = {
          path: f.path,
          file,
          documentId: put.documentId,
          passages: put.passages,
          ...(put.sameAs ? { sameAs: put.sameAs } : {}),
        };
        if (put.status === 'added') summary.added.push(entry);
        else if (put.status === 'unchanged') summary.unchanged.push(entry);
        else summary.updated.push(entry);
      };
      if (f.size > partBytes && PART_EXTENSIONS.has(extname(f.file).toLowerCase())) {
        await storeInParts(f, meta, store);
      } else {
        let bytes: Uint8Array;
        try {
          bytes = await readRegularFile(f.path, maxBytes, f.file);
        } catch (error) {
          if (error instanceof InputError) throw error;
          throw new InputError(`unreadable: ${(error as Error).message}`, { file: f.file }, { cause: error });
        }
        await store(bytes, f.file, meta);
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      summary.rejected.push({ path: f.path, reason: error.message });
    }
    done++;
    opts.onProgress?.({ done, total: found.files.length, path: f.path });
  }
  return summary;
}
