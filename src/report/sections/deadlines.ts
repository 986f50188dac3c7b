/** Deadlines: what is overdue on the briefing's date (most late first), then what falls due next. */
import { deadlineStatus } from '../../analysis/bottom-line.js';
import type { Section } from '../briefing.js';
import { sentence } from '../briefing.js';
import type { SectionContext } from '../context.js';
import { formatDate } from '../format.js';
import { label, scoreText } from '../labels.js';

export function deadlinesSection(ctx: SectionContext): Section {
  const { lang, notes } = ctx;
  const { overdue, upcoming } = deadlineStatus(ctx.case.commitments, ctx.asOf);
  const rows = [...overdue, ...upcoming].map(({ commitment: c, current, days, timeliness }) => {
    const when = timeliness === 'overdue' ? `${label('overdueBy', lang)} ${days} ${label('days', lang)}` : `${label('dueIn', lang)} ${days} ${label('days', lang)}`;
    return [
      sentence(c.title[lang], notes.add(c.cite)),
      sentence(`${formatDate(c.due!, lang)} (${when})`),
      sentence(`${scoreText(current.score, lang)}: ${current.note[lang]}`, notes.add(current.cite)),
    ];
  });
  return {
    id: 'deadlines',
    heading: label('deadlines', lang),
    blocks: [{ kind: 'table', head: [label('commitment', lang), label('due', lang), label('status', lang)], rows }],
  };
}
