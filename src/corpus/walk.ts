/**
 * Finding the documents under the paths a user names: files as given, folders recursively in
 * sorted order (so ingest order and ids are deterministic), hidden entries skipped, each real
 * folder visited once (symlink loops end there), unreadable or dangling paths reported.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, isAbsolute } from 'node:path';
import type { IngestProblem } from '../domain/corpus.js';
import { SUPPORTED_EXTENSIONS } from './formats/index.js';

export { SUPPORTED_EXTENSIONS };

export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** Name without folders. */
  file: string;
  /** Folder holding it (where a sources.yaml would be). */
  dir: string;
  size: number;
}

export interface WalkResult {
  files: FoundFile[];
  rejected: IngestProblem[];
  warnings: IngestProblem[];
}

function supported(name: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase());
}

/** The user-facing reason for a failed stat/read. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder (or a dangling symlink)';
  if (code === 'ELOOP') return 'symlink loop';
  if (code === 'EACCES' || code === 'EPERM') return 'unreadable: permission denied';
  return `unreadable: ${(error as Error).message}`;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function findFiles(paths: readonly string[], cwd = process.cwd()): Promise<WalkResult> {
  const result: WalkResult = { files: [], rejected: [], warnings: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  const addFile = async (path: string, size: number): Promise<void> => {
    const real = await realpath(path);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    result.files.push({ path, file: basename(path), dir: resolve(path, '..'), size });
  };

  const walkDir = async (dir: string, root?: string): Promise<void> => {
    const real = await realpath(dir);
    // A folder named by the user is the root: symlinks under it may not lead out of it.
    root ??= real;
    if (seenDirs.has(real)) {
      result.warnings.push({ path: dir, reason: 'symlink loop (folder already visited); skipped' });
      return;
    }
    seenDirs.add(real);
    let names: string[];
    try {
      names = (await readdir(dir)).sort(byName);
    } catch (error) {
      result.rejected.push({ path: dir, reason: reasonOf(error) });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      let info;
      try {
        if ((await lstat(path)).isSymbolicLink() && !inside(root, await realpath(path))) {
          if (supported(name)) result.rejected.push({ path, reason: 'symlink to a file outside the folder; name the file itself to ingest it' });
          else result.warnings.push({ path, reason: 'symlink leading outside the folder; skipped' });
          continue;
        }
        info = await stat(path);
      } catch (error) {
        // A dangling link or loop among ordinary files: report it only if it would be a document.
        if (supported(name) || (error as NodeJS.ErrnoException).code === 'ELOOP') {
          result.rejected.push({ path, reason: reasonOf(error) });
        }
        continue;
      }
      if (info.isDirectory()) await walkDir(path, root);
      else if (info.isFile() && supported(name)) await addFile(path, info.size);
      else if (supported(name)) result.rejected.push({ path, reason: 'not a regular file (a device, pipe or socket)' });
    }
  };

  for (const given of paths) {
    const path = resolve(cwd, given);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      result.rejected.push({ path, reason: reasonOf(error) });
      continue;
    }
    if (info.isDirectory()) await walkDir(path);
    else if (!info.isFile()) result.rejected.push({ path, reason: 'not a regular file or folder' });
    else if (!supported(path)) {
      result.rejected.push({
        path,
        reason: `unsupported file type "${extname(path) || '(none)'}"; Marsad reads ${SUPPORTED_EXTENSIONS.join(' ')}`,
      });
    } else await addFile(path, info.size);
  }
  return result;
}
