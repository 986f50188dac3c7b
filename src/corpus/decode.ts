/**
 * Bytes to text. UTF-8 is expected; a BOM is dropped; UTF-16 with a byte-order mark is decoded. Rejected (InputError): empty files and
 * binary files (NUL bytes or many control characters). Accepted with a warning: UTF-8 with a few
 * invalid sequences (replaced by U+FFFD, since the rest of the document is still worth reading)
 * and Arabic in the legacy Windows-1256 encoding. Anything else is rejected naming what it looks
 * like, so the user can re-save it as UTF-8.
 */
import { InputError } from '../domain/errors.js';

export const DEFAULTS = {
  /** Share of control characters (other than tab, newline, CR, form feed) above which a file is binary. */
  maxControlRatio: 0.02,
  /** Valid multi-byte characters needed per invalid sequence to read a file as damaged UTF-8. */
  minValidPerInvalid: 3,
  /** Lowest share of Arabic letters among non-ASCII characters to accept Windows-1256. */
  minCp1256ArabicRatio: 0.7,
};

export interface Decoded {
  text: string;
  warnings: string[];
}

function controlRatio(bytes: Uint8Array): number {
  let controls = 0;
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  return controls / bytes.length;
}

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

export function decodeBytes(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new InputError('empty file', { file });
  // UTF-16 with its byte-order mark (Windows "Unicode" text): full of NUL bytes, yet text.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    let text: string;
    try {
      text = new TextDecoder(utf16, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch (error) {
      throw new InputError(`starts as ${utf16.toUpperCase()} but is not valid ${utf16.toUpperCase()}; re-save the file as UTF-8`, { file }, { cause: error });
    }
    if (text.trim() === '') throw new InputError('empty file (only whitespace)', { file });
    if (text.includes('\u0000')) throw new InputError('binary file (not text): it has NUL characters', { file });
    return { text, warnings: [`decoded as ${utf16.toUpperCase()} (byte-order mark); UTF-8 is preferred`] };
  }
  if (bytes.includes(0) || controlRatio(bytes) > DEFAULTS.maxControlRatio) {
    throw new InputError('binary file (not text): it has NUL bytes or control characters', { file });
  }
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  const warnings: string[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    const bad = count(lenient, /\uFFFD/g);
    // Characters that decoded from valid multi-byte sequences: plentiful in UTF-8 with a few
    // damaged bytes, rare in legacy single-byte encodings.
    const multibyte = count(lenient, /[^\x00-\x7f\uFFFD]/g);
    if (multibyte >= DEFAULTS.minValidPerInvalid * bad) {
      text = lenient;
      warnings.push(`invalid UTF-8: ${bad} byte sequence(s) replaced with U+FFFD`);
    } else {
      const cp1256 = new TextDecoder('windows-1256').decode(body);
      const nonAscii = count(cp1256, /[^\x00-\x7f]/g);
      const arabic = count(cp1256, /[\u0621-\u064a]/g);
      if (nonAscii > 0 && arabic / nonAscii >= DEFAULTS.minCp1256ArabicRatio) {
        text = cp1256;
        warnings.push('not UTF-8: decoded as Windows-1256 (legacy Arabic encoding); check the text');
      } else {
        throw new InputError(
          'not UTF-8 text (and not recognisable as Windows-1256 Arabic); re-save the file as UTF-8',
          { file },
          { cause: error },
        );
      }
    }
  }
  if (text.trim() === '') throw new InputError('empty file (only whitespace)', { file });
  return { text, warnings };
}
