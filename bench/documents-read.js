// Reading speed of the document readers on the fixtures of test/fixtures/documents: pages per
// second for PDFs (pdf.js plus Marsad's layout: reading order, paragraphs, footnotes) beside
// poppler's `pdftotext` (C, one process per file) on the same files, milliseconds per file for
// Word and HTML, and seconds per page for OCR. Prints figures, asserts nothing.
// Build first (npx tsc -p tsconfig.json), then: node bench/run.js documents
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findTesseract, readDocumentBytes } from '../dist/corpus/index.js';

const DIR = fileURLToPath(new URL('../test/fixtures/documents/', import.meta.url));
const ROUNDS = 10;

async function timeRead(file, rounds, ocr) {
  const bytes = readFileSync(DIR + file);
  const context = { file, ...(ocr ? { ocr } : {}) };
  await readDocumentBytes(bytes, context); // warm-up: loads the libraries
  const started = process.hrtime.bigint();
  let result;
  for (let i = 0; i < rounds; i++) result = await readDocumentBytes(bytes, context);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9 / rounds, result };
}

function timePdftotext(file, rounds) {
  execFileSync('pdftotext', [DIR + file, '-']);
  const started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) execFileSync('pdftotext', [DIR + file, '-']);
  return Number(process.hrtime.bigint() - started) / 1e9 / rounds;
}

export async function run() {
  const lines = [];
  for (const file of ['study-ar.pdf', 'report-en.pdf']) {
    const { seconds, result } = await timeRead(file, ROUNDS);
    const pages = result.pages.length;
    const reference = timePdftotext(file, ROUNDS);
    lines.push(
      `${file}: ${pages} pages in ${(seconds * 1000).toFixed(0)} ms = ${(pages / seconds).toFixed(0)} pages/s ` +
        `(pdftotext: ${(reference * 1000).toFixed(0)} ms, ${(seconds / reference).toFixed(1)}× its time)`,
    );
  }
  for (const file of ['report-ar.docx', 'news-ar.html']) {
    const { seconds, result } = await timeRead(file, ROUNDS);
    lines.push(`${file}: ${(seconds * 1000).toFixed(0)} ms per file (${result.text.length} characters)`);
  }
  const found = await findTesseract();
  if ('engine' in found) {
    const { seconds, result } = await timeRead('scanned-ar.pdf', 2, findTesseract);
    lines.push(`scanned-ar.pdf by OCR (${found.engine.name}): ${seconds.toFixed(2)} s per page, confidence ${result.pages[0].ocrConfidence}`);
  } else lines.push(`OCR not measured: ${found.missing}`);
  return lines;
}
