/** Key events: the latest dated events up to the briefing's date, newest first. */
import type { Section } from '../briefing.js';
import { sentence } from '../briefing.js';
import type { SectionContext } from '../context.js';
import { latestEvents } from '../../case/timeline.js';
import { formatDate } from '../format.js';
import { label } from '../labels.js';

export const EVENT_LIMIT = 12;

export function eventsSection(ctx: SectionContext): Section {
  const { lang, notes } = ctx;
  const events = latestEvents(ctx.case, ctx.asOf, EVENT_LIMIT);
  return {
    id: 'events',
    heading: label('events', lang),
    blocks: [
      {
        kind: 'table',
        head: [label('date', lang), label('event', lang)],
        rows: events.map((e) => [sentence(formatDate(e.date, lang)), sentence(e.title[lang], notes.add(e.cite))]),
      },
    ],
  };
}
