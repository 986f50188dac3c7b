/**
 * Reading a file a user named, bounded: only a regular file (never a device, FIFO or socket,
 * whatever the name or a symlink says), its size checked on the open handle (a device reports 0),
 * and never more than the limit read even if the file grows meanwhile.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { InputError, TooLargeError } from '../domain/errors.js';

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * The bytes of `path`, at most `maxBytes`. InputError for anything but a regular file;
 * TooLargeError past the limit. `file` is how the file is named in messages (default `path`).
 */
export async function readRegularFile(path: string, maxBytes: number, file = path): Promise<Buffer> {
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
    // Read up to one byte past the limit, so a file that grew since the stat is caught.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
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
