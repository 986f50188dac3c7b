/**
 * Names and aliases of actors and places must be plain text. A bidi override (U+202E) can make
 * a name display as something else, and a zero-width character makes two names that look equal
 * differ; both have to be fixed at the source, so the loader refuses them with the code point
 * named rather than silently stripping them (the gazetteer, the search expansion and the web app
 * all show these strings).
 */
import { firstInvisible } from '../text/invisible.js';
import type { FieldPath } from './locate.js';
import type { Report } from './references.js';
import type { SectionItems } from './sections.js';

/** The first invisible control character in `s`, as `U+202E`, or null. */
export const findInvisible = firstInvisible;

export function checkNames(c: Pick<SectionItems, 'actors' | 'places'>, report: Report): void {
  for (const item of [...c.actors, ...c.places]) {
    const fields: Array<[FieldPath, string]> = [
      [['name', 'ar'], item.name.ar],
      [['name', 'en'], item.name.en],
      ...item.aliases.map((a, i): [FieldPath, string] => [['aliases', i], a]),
    ];
    for (const [path, value] of fields) {
      const found = findInvisible(value);
      if (found) {
        report(
          item,
          path,
          `invisible control character ${found} (bidi override or zero-width) in a name; remove it from the YAML`,
        );
      }
    }
  }
}
