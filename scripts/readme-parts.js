// How README.md and docs/guide/ are assembled from docs/readme/ (shared by scripts/readme.js and
// the docs test). A section may hold the line `<!-- more -->`: what comes before it goes into
// the README, followed by a link to the whole section in docs/guide/<name>.md; a section without
// it goes into the README whole. So the README stays what a user needs, and nothing is written twice.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MORE = '<!-- more -->';

export function assemble(readmeDir) {
  const guide = [];
  const parts = readdirSync(readmeDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(readmeDir, f), 'utf8').trim();
      const at = text.indexOf(MORE);
      if (at < 0) return text;
      const name = f.replace(/^\d+-/, '');
      const title = /^## (.+)$/m.exec(text)?.[1] ?? name;
      // Links written from the repository's root are rewritten for a page two folders down.
      const body = text.replace(MORE, '').replace(/\n{3,}/g, '\n\n').replace(/\]\((?![a-z]+:|#|\/)([^)]+)\)/g, '](../../$1)');
      guide.push({ file: name, text: `${body.trim()}\n` });
      return `${text.slice(0, at).trim()}\n\nMore: [${title}](docs/guide/${name}).`;
    });
  return { readme: `${parts.join('\n\n')}\n`, guide };
}
