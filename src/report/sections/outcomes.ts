/** The scenario's outcomes, winners and losers, with Monte Carlo probabilities and charts. */
import type { Block, Section } from '../briefing.js';
import { sentence } from '../briefing.js';
import { barChartSvg, probabilityChartSvg } from '../charts.js';
import type { SectionContext } from '../context.js';
import { formatNumber, formatPercent, formatSequence, formatSigned } from '../format.js';
import { label } from '../labels.js';

export function outcomesSection(ctx: SectionContext): Section {
  const { lang, notes } = ctx;
  const mc = ctx.monteCarlo;
  const ar = lang === 'ar';
  const status = ctx.simulation.convergence.scenario;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      sentences: [
        sentence(ctx.scenario.description[lang], notes.add(ctx.scenario.cite)),
        sentence(
          ar
            ? `حالة التقارب في السيناريو: ${status.status}${mc ? `؛ لم تتقارب ${formatPercent(mc.nonConverged, lang)} من عمليات محاكاة مونت كارلو` : ''}.`
            : `Convergence of the scenario run: ${status.status}${mc ? `; ${formatPercent(mc.nonConverged, lang)} of Monte Carlo runs did not converge` : ''}.`,
        ),
      ],
    },
  ];
  const prob = new Map(mc?.outcomes.map((o) => [o.concept, o]) ?? []);
  const head = [label('concept', lang), label('change', lang)];
  if (mc) head.push(label('probRise', lang), label('probFall', lang));
  blocks.push({
    kind: 'table',
    head,
    rows: ctx.simulation.outcomes.map((o) => {
      const row = [
        sentence(ctx.name(o.concept)),
        sentence(`${formatSequence([formatNumber(o.baseline, lang, 2), formatNumber(o.value, lang, 2)], lang)} (${formatSigned(o.delta, lang)})`),
      ];
      const p = prob.get(o.concept);
      if (mc) row.push(sentence(p ? formatPercent(p.rise, lang) : '—'), sentence(p ? formatPercent(p.fall, lang) : '—'));
      return row;
    }),
  });
  const ahead = new Map(mc?.actors.map((a) => [a.actor, a.ahead]) ?? []);
  const ranked = [...ctx.payoffs.winners, ...ctx.payoffs.losers];
  blocks.push({
    kind: 'table',
    head: mc ? [label('actor', lang), label('payoff', lang), label('probAhead', lang)] : [label('actor', lang), label('payoff', lang)],
    rows: ranked.map((a) => {
      const row = [sentence(ctx.name(a.actor)), sentence(formatSigned(a.payoff, lang))];
      if (mc) row.push(sentence(ahead.has(a.actor) ? formatPercent(ahead.get(a.actor)!, lang) : '—'));
      return row;
    }),
  });
  if (ranked.length) {
    blocks.push({
      kind: 'chart',
      title: label('winnersLosers', lang),
      svg: barChartSvg(
        ranked.map((a) => ({ label: ctx.name(a.actor), value: a.payoff })),
        lang,
      ),
    });
  }
  if (mc && mc.outcomes.length) {
    blocks.push({
      kind: 'chart',
      title: label('probabilities', lang),
      svg: probabilityChartSvg(
        mc.outcomes.map((o) => ({ label: ctx.name(o.concept), rise: o.rise, fall: o.fall })),
        lang,
        { rise: label('probRise', lang), fall: label('probFall', lang) },
      ),
    });
  }
  return { id: 'outcomes', heading: `${label('outcomes', lang)}: ${ctx.scenario.title[lang]}`, blocks };
}
