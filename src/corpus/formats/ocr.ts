/**
 * OCR of PDF pages that have no text layer (scans), with Debian's command-line tools: poppler's
 * `pdftoppm` renders the page to a greyscale PNG and `tesseract` (with its Arabic data from
 * `tesseract-ocr-ara`) reads it. Both run as child processes with a time limit; the page image is
 * sized so that a huge page cannot ask for a gigapixel render. Tesseract's TSV output gives the
 * words with their confidence; a page's confidence is the mean over its words (0–100).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MarsadError } from '../../domain/errors.js';

export const DEFAULTS = {
  /** Tesseract languages used when installed, in this order. */
  languages: ['ara', 'eng'] as readonly string[],
  /** Resolution pages are rendered at for OCR, in dots per inch. */
  dpi: 300,
  /** Most pixels of one rendered page; larger pages are rendered at a lower resolution. */
  maxPixels: 40_000_000,
  /** Below this resolution OCR is pointless: such a page is refused. */
  minDpi: 70,
  /** Milliseconds one page may take to render or to read. */
  timeoutMs: 120_000,
};

export interface OcrPage {
  /** Paragraphs, one per line. */
  text: string;
  /** Mean word confidence, 0–100; null when no word was found. */
  confidence: number | null;
}

export interface OcrEngine {
  /** What reads the pages, for messages: "tesseract 5.3.0 (ara+eng)". */
  readonly name: string;
  /** Reads page `number` (1-based) of the PDF file at `pdfPath`; width and height in points. */
  readPage(pdfPath: string, page: { number: number; width: number; height: number }): Promise<OcrPage>;
}

/** An engine, or why there is none (shown to the user as is). */
export type OcrAvailability = { engine: OcrEngine; warning?: string } | { missing: string };

interface RunResult {
  stdout: string;
}

function run(command: string, args: string[], timeout = DEFAULTS.timeoutMs): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      // One thread: the machine is shared, and Tesseract's threads bring little on one page.
      { timeout, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, OMP_THREAD_LIMIT: '1' }, encoding: 'utf8' },
      (error, stdout) => (error ? reject(error) : resolve({ stdout })),
    );
  });
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Resolution to render a page of width × height points at: DEFAULTS.dpi unless too many pixels. */
export function ocrDpi(width: number, height: number): number {
  const squareInches = (width / 72) * (height / 72);
  return Math.min(DEFAULTS.dpi, Math.floor(Math.sqrt(DEFAULTS.maxPixels / Math.max(squareInches, 1e-6))));
}

/** Text and confidence from Tesseract's TSV: words grouped into lines and paragraphs. */
export function parseTesseractTsv(tsv: string): OcrPage {
  const paragraphs = new Map<string, Map<string, string[]>>();
  let sum = 0;
  let words = 0;
  for (const row of tsv.split('\n').slice(1)) {
    const cols = row.split('\t');
    if (cols.length < 12 || cols[0] !== '5') continue;
    const text = cols.slice(11).join('\t').trim();
    const conf = Number(cols[10]);
    if (text === '') continue;
    const paragraph = `${cols[1]}/${cols[2]}/${cols[3]}`;
    const lines = paragraphs.get(paragraph) ?? new Map<string, string[]>();
    const line = lines.get(cols[4]) ?? [];
    line.push(text);
    lines.set(cols[4], line);
    paragraphs.set(paragraph, lines);
    if (Number.isFinite(conf) && conf >= 0) {
      sum += conf;
      words++;
    }
  }
  const text = [...paragraphs.values()].map((lines) => [...lines.values()].map((w) => w.join(' ')).join(' ')).join('\n');
  return { text, confidence: words === 0 ? null : Math.round((sum / words) * 10) / 10 };
}

class TesseractEngine implements OcrEngine {
  constructor(
    readonly name: string,
    private readonly languages: string,
  ) {}

  async readPage(pdfPath: string, page: { number: number; width: number; height: number }): Promise<OcrPage> {
    const dpi = ocrDpi(page.width, page.height);
    if (dpi < DEFAULTS.minDpi) {
      throw new MarsadError(
        `page ${page.number} is too large to read by OCR (${Math.round(page.width)}×${Math.round(page.height)} points)`,
      );
    }
    const dir = await mkdtemp(join(tmpdir(), 'marsad-ocr-'));
    try {
      const image = join(dir, 'page');
      const n = String(page.number);
      await run('pdftoppm', ['-r', String(dpi), '-f', n, '-l', n, '-gray', '-png', '-singlefile', pdfPath, image]);
      const { stdout } = await run('tesseract', [`${image}.png`, 'stdout', '-l', this.languages, 'tsv']);
      return parseTesseractTsv(stdout);
    } catch (error) {
      if (error instanceof MarsadError) throw error;
      const e = error as NodeJS.ErrnoException & { killed?: boolean; stderr?: string };
      const why = e.killed ? `took longer than ${DEFAULTS.timeoutMs / 1000} s` : (e.message.split('\n')[0] ?? 'failed');
      throw new MarsadError(`OCR of page ${page.number} failed: ${why}`, { cause: error });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/**
 * Tesseract with the Arabic and English data it has, or the reason OCR is not available (what to
 * install). Asks the programs themselves, so it reflects the machine as it is now.
 */
export async function findTesseract(): Promise<OcrAvailability> {
  const install = 'install Debian\'s tesseract-ocr and tesseract-ocr-ara (and poppler-utils) to read scans by OCR';
  let langs: string[];
  let version: string;
  try {
    const listed = await run('tesseract', ['--list-langs'], 10_000);
    langs = listed.stdout.split('\n').map((l) => l.trim());
    version = (await run('tesseract', ['--version'], 10_000)).stdout.split('\n')[0]?.trim() ?? 'tesseract';
  } catch (error) {
    if (isMissing(error)) return { missing: `tesseract is not installed: ${install}` };
    return { missing: `tesseract does not run (${(error as Error).message.split('\n')[0]}): ${install}` };
  }
  try {
    await run('pdftoppm', ['-v'], 10_000);
  } catch (error) {
    if (isMissing(error)) return { missing: `pdftoppm is not installed: ${install}` };
    // `pdftoppm -v` exits 99 after printing its version on older poppler releases.
    if ((error as { code?: unknown }).code !== 99) {
      return { missing: `pdftoppm does not run (${(error as Error).message.split('\n')[0]}): ${install}` };
    }
  }
  const use = DEFAULTS.languages.filter((l) => langs.includes(l));
  if (use.length === 0) return { missing: `tesseract has neither Arabic nor English data: ${install}` };
  const engine = new TesseractEngine(`${version} (${use.join('+')})`, use.join('+'));
  return use.includes('ara')
    ? { engine }
    : { engine, warning: 'tesseract has no Arabic data (tesseract-ocr-ara): Arabic scans will read poorly' };
}
