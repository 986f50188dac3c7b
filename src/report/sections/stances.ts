/**
 * Actors and their stances: the latest stance of each actor on each issue in its own voice, and
 * apart from it the latest reading an author gives of it (marked "per <author>"), so a study
 * placing a party in a camp never stands in for what the party says.
 */
import type { Stance } from '../../domain/case.js';
import type { Section } from '../briefing.js';
import { sentence } from '../briefing.js';
import type { SectionContext } from '../context.js';
import { compareDates } from '../../domain/dates.js';
import { formatDate } from '../format.js';
import { label, term } from '../labels.js';

export const STANCE_LIMIT = 24;

export function stancesSection(ctx: SectionContext): Section {
  const { lang, notes } = ctx;
  const latest = new Map<string, Stance>();
  for (const s of ctx.case.stances) {
    const key = `${s.actor}|${s.issue}|${s.voice}`;
    const prev = latest.get(key);
    if (!prev || compareDates(s.date, prev.date) > 0) latest.set(key, s);
  }
  const issueOrder = new Map(ctx.case.issues.map((x, i) => [x.id, i]));
  const stances = [...latest.values()]
    .sort(
      (a, b) =>
        (issueOrder.get(a.issue) ?? 99) - (issueOrder.get(b.issue) ?? 99) ||
        compareDates(b.date, a.date) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, STANCE_LIMIT);
  return {
    id: 'stances',
    heading: label('stances', lang),
    blocks: [
      {
        kind: 'table',
        head: [label('actor', lang), label('issue', lang), label('position', lang), label('date', lang), label('summary', lang)],
        rows: stances.map((s) => [
          sentence(ctx.name(s.actor)),
          sentence(ctx.name(s.issue)),
          sentence(
            s.voice === 'attributed' && s.attributed_by
              ? `${term('position', s.position, lang)} (${label('attributedBy', lang)} ${ctx.name(s.attributed_by)})`
              : term('position', s.position, lang),
          ),
          sentence(formatDate(s.date, lang)),
          sentence(s.summary[lang], notes.add(s.cite)),
        ]),
      },
    ],
  };
}
