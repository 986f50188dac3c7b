/** The example case in docs/readme/30-case.md is exactly test/fixtures/mini-case, which loads. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const README = readFileSync(new URL('../../docs/readme/30-case.md', import.meta.url), 'utf8');
const FIXTURE = new URL('../fixtures/mini-case/', import.meta.url);

describe('README example case', () => {
  for (const name of ['case.yaml', 'actors.yaml', 'facts.yaml', 'model.yaml']) {
    it(`docs/readme/30-case.md shows ${name} as it is in test/fixtures/mini-case`, () => {
      const block = new RegExp('`' + name.replace('.', '\\.') + '`[^\\n]*:\\n\\n```yaml\\n([\\s\\S]*?)```').exec(README);
      expect(block, `no yaml block after \`${name}\``).not.toBeNull();
      expect(block![1]).toBe(readFileSync(new URL(name, FIXTURE), 'utf8'));
    });
  }
});
