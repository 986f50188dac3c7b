import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFiles, reasonOf } from './walk.js';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

describe('reasonOf', () => {
  it('names permission problems, loops and missing paths', () => {
    expect(reasonOf(errno('EACCES'))).toBe('unreadable: permission denied');
    expect(reasonOf(errno('ELOOP'))).toBe('symlink loop');
    expect(reasonOf(errno('ENOENT'))).toMatch(/no such file/);
  });
});

describe('findFiles', () => {
  it('lists supported files recursively in sorted order, once each, skipping hidden ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-walk-'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'z.md'), 'x');
    writeFileSync(join(dir, 'a.txt'), 'x');
    writeFileSync(join(dir, 'c.HTML'), 'x');
    writeFileSync(join(dir, '.h.txt'), 'x');
    writeFileSync(join(dir, 'sources.yaml'), '[]');
    symlinkSync(join(dir, 'a.txt'), join(dir, 'd.txt'));
    const r = await findFiles([dir, join(dir, 'a.txt')]);
    expect(r.files.map((f) => f.file)).toEqual(['a.txt', 'z.md', 'c.HTML']);
    expect(r.rejected).toEqual([]);
  });
});
