/**
 * Serves the built web app (dist/web) as static files. Paths are decoded once and refused when
 * they would leave the folder (`..`, backslashes, NUL, symlinks pointing out); anything refused
 * or missing is a plain 404, so probing learns nothing about the rest of the disk.
 *
 * The build writes brotli (`.br`) and gzip (`.gz`) copies beside text assets; the copy the
 * client accepts is sent as is (`Vary: Accept-Encoding`). Hashed assets are cached for a year
 * as immutable; everything else (index.html) is revalidated with an ETag on each load.
 */
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { NotFoundError } from '../domain/errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Returns the absolute file a URL path names inside `root`, or null when it must be refused. */
export function safeStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    // malformed percent-encoding names no file
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('..'))) return null;
  const rootAbs = resolve(root);
  const file = resolve(rootAbs, ...(segments.length ? segments : ['index.html']));
  if (file !== rootAbs && !file.startsWith(rootAbs + sep)) return null;
  return file;
}

export function staticFiles(root: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const rawPath = new URL(c.req.url).pathname;
    if (rawPath.startsWith('/api/')) return next();
    const file = safeStaticPath(root, rawPath);
    if (!file) throw new NotFoundError(`no such file: ${rawPath}`);
    const found = await existingFileInside(root, file);
    if (!found) throw new NotFoundError(`no such file: ${rawPath}`);
    const type = TYPES[extname(found).toLowerCase()] ?? 'application/octet-stream';
    // Hashed asset names never change content; index.html must be re-read after a rebuild.
    const hashed = found.includes(`${sep}assets${sep}`);
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    const encoded = await precompressed(found, c.req.header('accept-encoding') ?? '');
    if (encoded.variants) headers.Vary = 'Accept-Encoding';
    if (encoded.encoding) headers['Content-Encoding'] = encoded.encoding;
    const etag = `W/"${encoded.info.size.toString(16)}-${Math.floor(encoded.info.mtimeMs).toString(16)}${encoded.encoding ? `-${encoded.encoding}` : ''}"`;
    headers.ETag = etag;
    if (!hashed && c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    headers['Content-Length'] = String(encoded.info.size);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(new Uint8Array(await readFile(encoded.file)), 200, headers);
  };
}

const ENCODINGS = [
  { token: 'br', suffix: '.br' },
  { token: 'gzip', suffix: '.gz' },
] as const;

/** The encodings a client accepts (`q=0` refuses one), from an Accept-Encoding header. */
export function acceptedEncodings(header: string): Set<string> {
  const accepted = new Set<string>();
  for (const part of header.toLowerCase().split(',')) {
    const [token, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (token && !(q && Number(q.slice(2)) === 0)) accepted.add(token.trim());
  }
  return accepted;
}

/** The file to send for `file`: its brotli or gzip copy when one exists and the client takes it. */
async function precompressed(file: string, acceptEncoding: string): Promise<{ file: string; info: Stats; encoding?: string; variants: boolean }> {
  const accepted = acceptedEncodings(acceptEncoding);
  let variants = false;
  for (const e of ENCODINGS) {
    const info = await lstat(file + e.suffix).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    // lstat: a symlinked copy (which could point anywhere) is never sent.
    if (!info?.isFile()) continue;
    variants = true;
    if (accepted.has(e.token)) return { file: file + e.suffix, info, encoding: e.token, variants };
  }
  return { file, info: await stat(file), variants };
}

async function existingFileInside(root: string, file: string): Promise<string | null> {
  let real: string;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(file);
  } catch (error) {
    // No such file, or a name no file can have (too long, a loop): the same 404.
    if (['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP'].includes((error as NodeJS.ErrnoException).code ?? '')) return null;
    throw error;
  }
  if (!real.startsWith(realRoot + sep)) return null;
  const info = await stat(real);
  if (info.isDirectory()) return existingFileInside(root, join(real, 'index.html'));
  return info.isFile() ? real : null;
}
