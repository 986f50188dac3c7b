/** The competing-hypotheses result: ranking, critical evidence, and the ranking without weak evidence. */
import type { Section, Sentence } from '../briefing.js';
import { sentence } from '../briefing.js';
import type { SectionContext } from '../context.js';
import { formatNumber } from '../format.js';
import { label } from '../labels.js';

export function achSection(ctx: SectionContext): Section | null {
  const { lang, notes, ach } = ctx;
  const hypotheses = ctx.case.hypotheses ?? [];
  const evidence = ctx.case.evidence ?? [];
  if (!ach || hypotheses.length === 0) return null;
  const ar = lang === 'ar';
  const title = (id: string | null) => (id ? (hypotheses.find((h) => h.id === id)?.title[lang] ?? id) : label('none', lang));
  const rows = ach.scores.map((s) => {
    // Each hypothesis row cites the passages behind the ratings that count against it.
    const against = evidence.flatMap((e) =>
      e.ratings.filter((r) => r.hypothesis === s.hypothesis && (r.rating === 'I' || r.rating === 'II')),
    );
    return [
      sentence(String(s.rank)),
      sentence(title(s.hypothesis), notes.add(against.flatMap((r) => r.cite).slice(0, 4))),
      sentence(String(s.inconsistency)),
      sentence(formatNumber(s.weightedInconsistency, lang, 2)),
      sentence(formatNumber(s.weightedScore, lang, 2)),
    ];
  });
  const after: Sentence[] = [];
  const evTitle = (id: string) => evidence.find((e) => e.id === id)?.title[lang] ?? id;
  const evCite = (id: string) => evidence.find((e) => e.id === id)?.ratings.flatMap((r) => r.cite).slice(0, 1) ?? [];
  if (ach.critical.length === 0) {
    after.push(
      sentence(
        ar
          ? 'لا يغيّر حذف أي دليل منفرد الفرضية المتصدرة.'
          : 'Removing any single evidence item leaves the leading hypothesis unchanged.',
      ),
    );
  }
  for (const c of ach.critical) {
    after.push(
      sentence(
        ar
          ? `دليل حاسم: «${evTitle(c.evidence)}»؛ بدونه تتصدر «${title(c.leadingWithout)}».`
          : `Critical evidence: "${evTitle(c.evidence)}"; without it "${title(c.leadingWithout)}" leads.`,
        notes.add(evCite(c.evidence)),
      ),
    );
  }
  const w = ach.withoutLowCredibility;
  after.push(
    sentence(
      ar
        ? `بعد استبعاد ${w.dropped.length} من الأدلة ضعيفة المصداقية تتصدر «${title(w.leading)}».`
        : `With the ${w.dropped.length} low-credibility items dropped, "${title(w.leading)}" leads.`,
    ),
  );
  return {
    id: 'ach',
    heading: label('ach', lang),
    blocks: [
      {
        kind: 'table',
        head: ['#', label('hypothesis', lang), label('inconsistency', lang), label('weighted', lang), label('score', lang)],
        rows,
      },
      { kind: 'list', items: after },
    ],
  };
}
