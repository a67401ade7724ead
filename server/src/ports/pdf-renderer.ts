/** What printing a page to PDF gave: the document, or why there is none (a missing browser is not an error). */
export type PdfRendering =
  | { readonly status: 'rendered'; readonly pdf: Uint8Array; readonly pages: number | null }
  | { readonly status: 'unavailable'; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string };

/** Prints a self-contained HTML page (scripts included) to PDF once the element `readySelector` exists. */
export interface PdfRenderer {
  render(html: string, options: { readonly readySelector: string }): Promise<PdfRendering>;
}
