/**
 * Fonts embedded in HTML and PDF briefings as data URIs, from the npm packages that ship them:
 * a briefing opens and prints the same on a machine without Arabic fonts and without network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const FACES = [
  { family: 'Noto Naskh Arabic', weight: 400, file: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2' },
  { family: 'Noto Naskh Arabic', weight: 700, file: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2' },
  { family: 'Noto Sans', weight: 400, file: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2' },
  { family: 'Noto Sans', weight: 700, file: '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2' },
] as const;

let cached: string | undefined;

/** `@font-face` rules with the font files inlined. */
export function embeddedFontFaces(): string {
  cached ??= FACES.map((f) => {
    const data = readFileSync(require.resolve(f.file)).toString('base64');
    return `@font-face{font-family:'${f.family}';font-weight:${f.weight};font-style:normal;font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');}`;
  }).join('\n');
  return cached;
}
