/**
 * Writes small PDFs for tests that need inputs no printer makes: decompression bombs, a page of
 * a million characters, thousands of pages, pages without text. Pages show Helvetica text (a
 * standard font, nothing embedded); the cross-reference table is exact.
 */
import { deflateSync } from 'node:zlib';

export interface TestPage {
  /** Lines of ASCII text drawn top-down; none for a page without a text layer. */
  lines?: string[];
  /** A content stream used as is (already a Buffer: compressed by the caller). */
  raw?: { data: Buffer; filter?: string };
}

function escapePdf(s: string): string {
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** A PDF of the given pages (Letter size), objects numbered in order, with an exact xref. */
export function writePdf(pages: TestPage[], opts: { compress?: boolean } = {}): Buffer {
  const objects: Buffer[] = [];
  const add = (body: string | Buffer): number => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const catalog = add('');
  const pagesRoot = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids: number[] = [];
  for (const page of pages) {
    let content: Buffer;
    let filter = '';
    if (page.raw) {
      content = page.raw.data;
      filter = page.raw.filter ? ` /Filter /${page.raw.filter}` : '';
    } else {
      const ops = (page.lines ?? []).map((l, i) => `BT /F1 12 Tf 72 ${720 - i * 16} Td (${escapePdf(l)}) Tj ET`).join('\n');
      content = Buffer.from(ops, 'latin1');
      if (opts.compress) {
        content = deflateSync(content);
        filter = ' /Filter /FlateDecode';
      }
    }
    const stream = add(Buffer.concat([Buffer.from(`<< /Length ${content.length}${filter} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]));
    kids.push(add(`<< /Type /Page /Parent ${pagesRoot} 0 R /MediaBox [0 0 612 792] /Contents ${stream} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`));
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesRoot} 0 R >>`, 'latin1');
  objects[pagesRoot - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');

  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/** A content stream of `megabytes` MB of spaces after one line of text, deflated (about 1 KB per MB). */
export function bombStream(megabytes: number): { data: Buffer; filter: string } {
  const raw = Buffer.alloc(megabytes * 1024 * 1024, 0x20);
  Buffer.from('BT /F1 12 Tf 72 700 Td (Hello) Tj ET').copy(raw, 0);
  return { data: deflateSync(raw, { level: 9 }), filter: 'FlateDecode' };
}
