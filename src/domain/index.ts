/**
 * Public API of src/domain: the only place shapes are defined. Entities of a case, the corpus,
 * the model and the competing hypotheses; requests and responses of every operation; the one
 * partial-date type; the vocabulary in both languages; the error hierarchy.
 */
export * from './errors.js';
export * from './dates.js';
export { DateString, DateParam, DayString, DateQualifier, PartialDate } from './date-schemas.js';
export * from './case.js';
export * from './corpus.js';
export * from './model.js';
export * from './ach.js';
export * from './extract.js';
export * from './case-analysis.js';
export * from './simulation.js';
export * from './requests.js';
export * from './responses.js';
export * from './vocabulary.js';
export { describeIssue, parseRequest } from './issues.js';
