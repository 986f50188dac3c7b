/**
 * Reading a file a user named, bounded: only a regular file (never a device, FIFO or socket,
 * whatever the name or a symlink says), its size checked on the open handle (a device reports 0),
 * and never more than the limit read even if the file grows meanwhile.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { InputError, TooLargeError } from '../domain/errors.js';

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * The bytes of `path`, at most `maxBytes`. InputError for anything but a regular file;
 * TooLargeError past the limit. `file` is how the file is named in messages (default `path`).
 */
/** Opens `path` for reading if it is a regular file within `maxBytes`; the caller closes the handle. */
async function openRegularFile(path: string, maxBytes: number, file: string): Promise<{ handle: FileHandle; size: number }> {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      const what = info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : info.isFIFO() ? 'a pipe (FIFO)' : info.isSocket() ? 'a socket' : info.isDirectory() ? 'a folder' : 'not a regular file';
      throw new InputError(`${what}, not a regular file (a symlink to it is refused too)`, { file });
    }
    if (info.size > maxBytes) {
      throw new TooLargeError(`file is ${megabytes(info.size)}, over the limit of ${megabytes(maxBytes)}`, { file });
    }
    return { handle, size: info.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * The bytes of `path`, at most `maxBytes`. InputError for anything but a regular file;
 * TooLargeError past the limit. `file` is how the file is named in messages (default `path`).
 */
export async function readRegularFile(path: string, maxBytes: number, file = path): Promise<Buffer> {
  const { handle, size } = await openRegularFile(path, maxBytes, file);
  try {
    // Read up to one byte past the limit, so a file that grew since the stat is caught.
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > maxBytes) throw new TooLargeError(`file grew past the limit of ${megabytes(maxBytes)} while being read`, { file });
        break;
      }
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Where a part of a text file taken from `bytes` should end so that no paragraph, or failing
 * that no line, or failing that no UTF-8 character is cut: just after the last blank line in the
 * window's second half, else after its last line break, else before a character's first byte.
 * Only ASCII bytes are looked at, so the cut is safe in UTF-8 and in single-byte encodings.
 */
export function partEnd(bytes: Uint8Array): number {
  const length = bytes.length;
  const floor = Math.floor(length / 2);
  let lastLine = -1;
  for (let i = length - 1; i >= floor; i--) {
    if (bytes[i] !== LF) continue;
    if (lastLine < 0) lastLine = i + 1;
    let j = i - 1;
    if (j >= 0 && bytes[j] === CR) j--;
    if (j >= 0 && bytes[j] === LF) return i + 1;
  }
  if (lastLine > 0) return lastLine;
  // No line break: keep the last character whole. Find its first byte (skipping UTF-8
  // continuation bytes, 10xxxxxx) and the length that byte announces.
  let start = length - 1;
  while (start > 0 && length - start < 4 && (bytes[start] & 0xc0) === 0x80) start--;
  const lead = bytes[start];
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return start > 0 && start + size > length ? start : length;
}

/** One part of a large text file: its bytes and where they start in the file. */
export interface FilePart {
  bytes: Buffer;
  offset: number;
  /** The file's size when it was opened. */
  size: number;
}

/**
 * The bytes of the regular file `path` in parts of at most `partBytes`, each ending on a
 * paragraph when it can (see `partEnd`), so a file of any size within `maxBytes` is read with
 * one part in memory at a time. Same refusals as `readRegularFile`.
 */
export async function* readRegularFileInParts(
  path: string,
  opts: { maxBytes: number; partBytes: number; file?: string },
): AsyncGenerator<FilePart> {
  const file = opts.file ?? path;
  const { handle, size } = await openRegularFile(path, opts.maxBytes, file);
  try {
    let carry: Buffer = Buffer.alloc(0);
    let position = 0;
    let offset = 0;
    for (;;) {
      const window = Buffer.alloc(opts.partBytes);
      carry.copy(window, 0);
      let length = carry.length;
      let eof = false;
      while (length < window.length) {
        const { bytesRead } = await handle.read(window, length, window.length - length, position);
        if (bytesRead === 0) {
          eof = true;
          break;
        }
        length += bytesRead;
        position += bytesRead;
        if (position > opts.maxBytes) throw new TooLargeError(`file grew past the limit of ${megabytes(opts.maxBytes)} while being read`, { file });
      }
      if (length === 0) return;
      const filled = window.subarray(0, length);
      const end = eof ? length : partEnd(filled);
      // A copy: the caller may keep the part while the next window is filled.
      carry = Buffer.from(filled.subarray(end));
      yield { bytes: filled.subarray(0, end), offset, size };
      offset += end;
      if (eof && carry.length === 0) return;
    }
  } finally {
    await handle.close();
  }
}
