/**
 * Builds the briefing from the case and the computed results: each section is a function of
 * the context, in this order. Adding a section is one entry in SECTIONS.
 */
import type { Briefing, CitationLocator, Lang, Section } from './briefing.js';
import { FootnoteList } from './briefing.js';
import type { BriefingInput, SectionContext } from './context.js';
import { nameIndex } from './context.js';
import { formatDate } from './format.js';
import { label } from './labels.js';
import { achSection } from './sections/ach.js';
import { blufSection } from './sections/bluf.js';
import { deadlinesSection } from './sections/deadlines.js';
import { eventsSection } from './sections/events.js';
import { figuresSection } from './sections/figures.js';
import { indicatorsSection } from './sections/indicators.js';
import { outcomesSection } from './sections/outcomes.js';
import { stancesSection } from './sections/stances.js';

export const SECTIONS: Array<(ctx: SectionContext) => Section | null> = [
  blufSection,
  eventsSection,
  deadlinesSection,
  stancesSection,
  figuresSection,
  achSection,
  outcomesSection,
  indicatorsSection,
];

export function buildBriefing(input: BriefingInput, lang: Lang, locate: CitationLocator): Briefing {
  const notes = new FootnoteList(locate);
  const ctx: SectionContext = { ...input, lang, notes, name: nameIndex(input.case, lang) };
  const sections = SECTIONS.map((make) => make(ctx)).filter((s): s is Section => s !== null);
  return {
    lang,
    title: `${label('briefing', lang)}: ${input.case.meta.title[lang]}`,
    subtitle: `${input.case.meta.question[lang]} — ${label('scenario', lang)}: ${input.scenario.title[lang]} — ${label('asOf', lang)} ${formatDate(input.asOf, lang)}`,
    sections,
    footnotes: notes.notes,
  };
}
