import { describe, expect, it } from 'vitest';
import { ChromiumPdfRenderer } from './chromium-pdf.js';

describe('ChromiumPdfRenderer', () => {
  it('reports the PDF as unavailable, not an error, when Chromium is not installed', async () => {
    const renderer = new ChromiumPdfRenderer({ executablePath: '/nonexistent/chromium' });
    const result = await renderer.render('<p>hi</p>', { readySelector: 'p' });
    expect(result).toEqual({
      status: 'unavailable',
      reason: expect.stringContaining('/nonexistent/chromium') as string,
    });
  });
});
