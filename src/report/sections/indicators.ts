/** Indicators to watch, each with what would be a warning sign. */
import type { Section } from '../briefing.js';
import { sentence } from '../briefing.js';
import type { SectionContext } from '../context.js';
import { label } from '../labels.js';

export function indicatorsSection(ctx: SectionContext): Section {
  const { lang, notes } = ctx;
  return {
    id: 'indicators',
    heading: label('indicators', lang),
    blocks: [
      {
        kind: 'table',
        head: [label('indicator', lang), label('watchFor', lang)],
        rows: ctx.case.indicators.map((i) => [
          sentence(`${i.label[lang]}: ${i.description[lang]}`, notes.add(i.cite)),
          sentence(i.watch_for?.[lang] ?? '—'),
        ]),
      },
    ],
  };
}
