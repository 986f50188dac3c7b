/** Writes a throw-away case folder from file name → YAML text, for loader tests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export const META = `case:
  id: t
  title: { ar: تجربة, en: Test }
  question: { ar: سؤال؟, en: Question? }
`;

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function writeCase(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-case-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A minimal valid actor item (YAML, at list-item indentation). */
export function actor(id: string, extra = ''): string {
  return `  - id: ${id}
    type: state
    name: { ar: اسم, en: Name ${id} }
    cite: [{ doc: a.txt, quote: "quote text" }]
${extra}`;
}
