/** Bottom line up front: the leading hypothesis, the scenario's winners and losers, the next deadline. */
import { deadlineStatus, leadingSupport } from '../../analysis/bottom-line.js';
import type { Block, Section, Sentence } from '../briefing.js';
import { sentence } from '../briefing.js';
import type { SectionContext } from '../context.js';
import { formatDate, formatPercent } from '../format.js';
import { label } from '../labels.js';

export function blufSection(ctx: SectionContext): Section {
  const { lang, notes } = ctx;
  const items: Sentence[] = [];
  const ar = lang === 'ar';

  if (ctx.ach?.leading && ctx.case.hypotheses && ctx.case.evidence) {
    const h = ctx.case.hypotheses.find((x) => x.id === ctx.ach!.leading)!;
    // The evidence that most separates the hypotheses and fits the leader carries the claim.
    const support = leadingSupport(ctx.ach, ctx.case.evidence, h.id).map((x) => x.rating);
    items.push(
      sentence(
        ar
          ? `الفرضية الأكثر اتساقاً مع الأدلة: ${h.title.ar}.`
          : `The hypothesis the evidence contradicts least: ${h.title.en}.`,
        notes.add(support.flatMap((r) => r.cite)),
      ),
    );
  }

  const winners = ctx.payoffs.winners.slice(0, 3).map((w) => ctx.name(w.actor));
  const losers = ctx.payoffs.losers.slice(0, 3).map((w) => ctx.name(w.actor));
  const title = ctx.scenario.title[lang];
  items.push(
    sentence(
      ar
        ? `في سيناريو «${title}» يرجّح النموذج أن يربح ${winners.join('، ') || label('none', lang)} وأن يخسر ${losers.join('، ') || label('none', lang)}.`
        : `Under "${title}" the model has ${winners.join(', ') || label('none', lang)} gaining and ${losers.join(', ') || label('none', lang)} losing.`,
      notes.add(ctx.scenario.cite),
    ),
  );
  const mc = ctx.monteCarlo;
  if (mc && ctx.payoffs.winners[0]) {
    const top = mc.actors.find((a) => a.actor === ctx.payoffs.winners[0].actor);
    if (top) {
      items.push(
        sentence(
          ar
            ? `يبقى ${ctx.name(top.actor)} رابحاً في ${formatPercent(top.ahead, lang)} من ${mc.runs} محاكاة بأوزان معقولة.`
            : `${ctx.name(top.actor)} comes out ahead in ${formatPercent(top.ahead, lang)} of ${mc.runs} runs over plausible weights.`,
        ),
      );
    }
  }

  const { overdue, upcoming } = deadlineStatus(ctx.case.commitments, ctx.asOf);
  const late = overdue[0];
  if (late?.commitment.due) {
    items.push(
      sentence(
        ar
          ? `متأخر: ${late.commitment.title.ar} (موعده ${formatDate(late.commitment.due, lang)}، متأخر ${late.days} يوماً)${overdue.length > 1 ? ` و${overdue.length - 1} التزامات أخرى` : ''}.`
          : `Overdue: ${late.commitment.title.en} (due ${formatDate(late.commitment.due, lang)}, ${late.days} days late)${overdue.length > 1 ? ` and ${overdue.length - 1} more` : ''}.`,
        notes.add(late.commitment.cite),
      ),
    );
  }
  const next = upcoming[0]?.commitment;
  if (next?.due) {
    items.push(
      sentence(
        ar
          ? `أقرب موعد: ${next.title.ar} (${formatDate(next.due, lang)}).`
          : `Next deadline: ${next.title.en} (${formatDate(next.due, lang)}).`,
        notes.add(next.cite),
      ),
    );
  }

  // A conflict means both figures cannot be true; a discrepancy, that sources differ within
  // what their qualifiers allow. Both are worth a reader's attention up front.
  const conflicts = ctx.claimConflicts.filter((c) => c.kind === 'conflict');
  const discrepancies = ctx.claimConflicts.filter((c) => c.kind === 'discrepancy');
  const first = conflicts[0] ?? discrepancies[0];
  if (first) {
    items.push(
      sentence(
        ar
          ? `تتعارض المصادر في ${conflicts.length} من أزواج الأرقام وتتباين في ${discrepancies.length}، ومنها ${ctx.name(first.quantity)}.`
          : `Sources contradict each other on ${conflicts.length} ${conflicts.length === 1 ? 'pair' : 'pairs'} of figures and differ on ${discrepancies.length} more, among them ${ctx.name(first.quantity)}.`,
        notes.add([...first.a.cite, ...first.b.cite]),
      ),
    );
  }
  const blocks: Block[] = [{ kind: 'list', items }];
  return { id: 'bluf', heading: label('bluf', lang), blocks };
}
