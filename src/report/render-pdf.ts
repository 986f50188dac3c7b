/**
 * PDF by printing the HTML briefing in headless Chromium (playwright-core driving the system's
 * Chromium), which shapes Arabic correctly with the embedded fonts. Nothing is fetched: the HTML
 * is self-contained and the browser runs with networking features off.
 */
import { MarsadError } from '../domain/errors.js';

export const PDF_DEFAULTS = {
  executablePath: '/usr/bin/chromium',
  /** Milliseconds to wait for the browser to start and print. */
  timeout: 60_000,
} as const;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export async function renderPdf(html: string, options: { executablePath?: string; timeout?: number } = {}): Promise<Buffer> {
  const executablePath = options.executablePath ?? PDF_DEFAULTS.executablePath;
  const timeout = options.timeout ?? PDF_DEFAULTS.timeout;
  // playwright-core takes ~0.7 s to load: only a PDF pays for it.
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout });
  } catch (error) {
    throw new MarsadError(
      `could not start Chromium at ${executablePath} to print the PDF (install Debian's chromium or set MARSAD_CHROMIUM)`,
      { cause: error },
    );
  }
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } });
  } finally {
    await browser.close();
  }
}
