/**
 * Just enough of the ZIP format to open a Word file safely: the central directory lists each
 * entry with its declared sizes, so limits on the number of entries and on the bytes to inflate
 * are checked before anything is inflated, and each entry is inflated by Node's zlib with an
 * output cap at its declared size, so an entry that lies about its size (a zip bomb) stops at
 * the cap instead of filling memory. ZIP64, encrypted entries and compression methods other than
 * stored and deflate are refused: Word files need none of them.
 */
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../../domain/errors.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** Uncompressed size as declared by the archive. */
  size: number;
  /** Offset of the local header. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function damaged(file: string, what: string): InputError {
  return new InputError(`damaged zip package (${what}); re-save the file from its program`, { file });
}

/** The central directory's entries; refuses more than `maxEntries` before reading them. */
export function listZip(bytes: Uint8Array, file: string, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged(file, 'no end of central directory');
  const total = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (total === 0xffff || dirOffset === 0xffffffff) throw damaged(file, 'ZIP64 archive');
  if (total > maxEntries) {
    throw new InputError(`the package has ${total} entries, over the limit of ${maxEntries} (a zip bomb?); refused`, { file });
  }
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  for (let k = 0; k < total; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw damaged(file, 'bad central directory');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) throw new InputError(`the package entry "${name}" is encrypted; save the file without a password`, { file });
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw damaged(file, 'ZIP64 entry');
    entries.push({ name, method, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of one entry, inflated no further than its declared size. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, file: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw damaged(file, `bad local header for "${entry.name}"`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw damaged(file, `"${entry.name}" is cut short`);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new InputError(`the package entry "${entry.name}" inflates past its declared ${entry.size} bytes (a zip bomb?); refused`, { file }, { cause: error });
      }
      throw new InputError(`damaged zip package ("${entry.name}" does not inflate: ${(error as Error).message})`, { file }, { cause: error });
    }
  } else throw damaged(file, `"${entry.name}" uses compression method ${entry.method}`);
  if (out.length !== entry.size) throw damaged(file, `"${entry.name}" is ${out.length} bytes, not the ${entry.size} declared`);
  return out;
}
