/** Upcoming deadlines: commitments due after the briefing's date, with their current status. */
import { upcomingDeadlines } from '../../case/timeline.js';
import type { Section } from '../briefing.js';
import { sentence } from '../briefing.js';
import type { SectionContext } from '../context.js';
import { formatDate } from '../format.js';
import { label, scoreText } from '../labels.js';

export function deadlinesSection(ctx: SectionContext): Section {
  const { lang, notes } = ctx;
  const rows = upcomingDeadlines(ctx.case, ctx.asOf).map((c) => {
    const current = c.history[c.history.length - 1];
    return [
      sentence(c.title[lang], notes.add(c.cite)),
      sentence(formatDate(c.due!, lang)),
      sentence(`${scoreText(current.score, lang)}: ${current.note[lang]}`, notes.add(current.cite)),
    ];
  });
  return {
    id: 'deadlines',
    heading: label('deadlines', lang),
    blocks: [{ kind: 'table', head: [label('commitment', lang), label('due', lang), label('status', lang)], rows }],
  };
}
