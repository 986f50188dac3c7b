/**
 * Serves the built web app (dist/web) as static files. Paths are decoded once and refused when
 * they would leave the folder (`..`, backslashes, NUL, symlinks pointing out); anything refused
 * or missing is a plain 404, so probing learns nothing about the rest of the disk.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
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
    const body = await readFile(found);
    const type = TYPES[extname(found).toLowerCase()] ?? 'application/octet-stream';
    // Hashed asset names never change content; index.html must be re-read after a rebuild.
    const cache = found.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const headers = { 'Content-Type': type, 'Cache-Control': cache };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(new Uint8Array(body), 200, headers);
  };
}

async function existingFileInside(root: string, file: string): Promise<string | null> {
  let real: string;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') {
      return null;
    }
    throw error;
  }
  if (!real.startsWith(realRoot + sep)) return null;
  const info = await stat(real);
  if (info.isDirectory()) return existingFileInside(root, join(real, 'index.html'));
  return info.isFile() ? real : null;
}
