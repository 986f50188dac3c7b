/** Figures and the conflicts between sources, side by side with their periods and sources. */
import type { ClaimSide } from '../../domain/case-analysis.js';
import type { Section, Sentence } from '../briefing.js';
import { sentence } from '../briefing.js';
import type { SectionContext } from '../context.js';
import { formatClaimValue, formatPeriod } from '../format.js';
import { label } from '../labels.js';

const KIND = {
  conflict: { ar: 'تعارض', en: 'conflict' },
  discrepancy: { ar: 'تباين', en: 'discrepancy' },
  'different-periods': { ar: 'فترات مختلفة', en: 'different periods' },
} as const;

export function figuresSection(ctx: SectionContext): Section {
  const { lang, notes } = ctx;
  const side = (s: ClaimSide): Sentence =>
    sentence(
      `${formatClaimValue(s, lang)} (${formatPeriod(s.period, lang)}; ${s.reported_by.map(ctx.name).join(', ')})`,
      notes.add(s.cite),
    );
  const order = { conflict: 0, discrepancy: 1, 'different-periods': 2 } as const;
  const conflicts = [...ctx.claimConflicts].sort(
    (a, b) => order[a.kind] - order[b.kind] || a.quantity.localeCompare(b.quantity) || a.a.claim.localeCompare(b.a.claim),
  );
  const intro =
    lang === 'ar'
      ? `تتضمن الحالة ${ctx.case.claims.length} رقماً عن ${ctx.case.quantities.length} كمية؛ فيما يلي كل زوج من المصادر يختلف في رقم الكمية نفسها.`
      : `The case holds ${ctx.case.claims.length} figures about ${ctx.case.quantities.length} quantities; below, every pair of sources that gives a different figure for the same quantity.`;
  return {
    id: 'figures',
    heading: label('figures', lang),
    blocks: [
      { kind: 'paragraph', sentences: [sentence(intro)] },
      {
        kind: 'table',
        head: [label('quantity', lang), label('status', lang), `${label('source', lang)} 1`, `${label('source', lang)} 2`],
        rows: conflicts.map((c) => [sentence(ctx.name(c.quantity)), sentence(KIND[c.kind][lang]), side(c.a), side(c.b)]),
      },
    ],
  };
}
