/** Public API of src/corpus: from files to documents and passages. */
export { ingestPaths, DEFAULTS as INGEST_DEFAULTS, type IngestOptions } from './ingest.js';
export { prepareDocument, type Prepared, type PrepareOptions } from './prepare.js';
export { splitPassages } from './passages.js';
export { decodeBytes } from './decode.js';
export {
  FORMATS,
  formatFor,
  readDocumentBytes,
  findTesseract,
  htmlToText,
  isHtmlFile,
  type ReadResult,
  type OcrEngine,
} from './formats/index.js';
export { splitFrontMatter } from './front-matter.js';
export { parseSources, readSources, SOURCES_FILE } from './sources-file.js';
export { isBoilerplate, BOILERPLATE_RULES } from './boilerplate.js';
export { findFiles, SUPPORTED_EXTENSIONS } from './walk.js';
export { headlineOf } from './headline.js';
