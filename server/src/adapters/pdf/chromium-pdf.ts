import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { PdfRenderer, PdfRendering } from '../../ports/pdf-renderer.js';

/** Debian's Chromium, as CI and the container image install it. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless flags for a server without a display or sandbox privileges (as the web hub's browser tests use). */
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Prints pages with headless Chromium through playwright-core. One browser per document: reports are rare (a few a
 * day per market), and a fresh browser leaks nothing between tenants. The page may not reach the network: the
 * reports are self-contained, and a request elsewhere would be a bug or an injection.
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  readonly #executablePath: string;
  readonly #timeoutMs: number;

  constructor(options: { executablePath?: string; timeoutMs?: number } = {}) {
    this.#executablePath = options.executablePath ?? DEFAULT_CHROMIUM_PATH;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  async render(html: string, options: { readonly readySelector: string }): Promise<PdfRendering> {
    if (!existsSync(this.#executablePath)) {
      return {
        status: 'unavailable',
        reason: `Chromium is not installed at ${this.#executablePath}; the HTML report is available, the PDF is not`,
      };
    }
    let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
    try {
      browser = await chromium.launch({
        executablePath: this.#executablePath,
        args: CHROMIUM_ARGS,
        timeout: this.#timeoutMs,
      });
      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
      await page.route('**/*', (route) =>
        route.request().url().startsWith('data:') ? route.continue() : route.abort(),
      );
      await page.setContent(html, { waitUntil: 'load', timeout: this.#timeoutMs });
      // The charts are drawn by the page's script; printing before they exist would give empty frames.
      await page.waitForSelector(options.readySelector, {
        state: 'attached',
        timeout: this.#timeoutMs,
      });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
      });
      return { status: 'rendered', pdf: new Uint8Array(pdf), pages: countPages(pdf) };
    } catch (error) {
      return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
    } finally {
      await browser?.close().catch(() => undefined);
    }
  }
}

/** Page objects in the PDF Chromium writes (uncompressed object headers); null when none can be found. */
const countPages = (pdf: Buffer): number | null => {
  const matches = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g);
  return matches ? matches.length : null;
};
