/**
 * Public API of src/case: loading and checking a case folder, its citations, the one name
 * matcher, computed conflicts and the case in time.
 */
export { loadCase, loadCaseWithWarnings, DEFAULTS as CASE_DEFAULTS, type LoadedCase, type CaseWarning, type Where } from './load.js';
export { builtInCaseDir, resolveCaseDir } from './case-dir.js';
export { CaseProblemsError } from './problems.js';
export { SECTIONS, SECTION_NAMES, type CaseSectionName } from './sections.js';
export { citationProblems, corpusTextReader } from './check.js';
export { collectCitations, resolveCitation, foldQuote, type CitationRef } from './citations.js';
export { CitationIndex, type CitationLocation } from './citation-index.js';
export { tagMentions, buildGazetteer, cliticForms, type GazetteerSource } from './gazetteer.js';
export { entityNames, expandEntityQuery, findEntityMentions, type EntityMention } from './entities.js';
export { findClaimConflicts, findStanceConflicts, claimPeriod, valueInterval } from './conflicts.js';
export { upcomingDeadlines, deadlines, latestEvents } from './timeline.js';
