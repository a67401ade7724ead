import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * uPlot's browser build and stylesheet, as the web hub uses them, read once so each report can inline them: a
 * brief must open and print without network access. Null when uPlot is not installed (a server-only install);
 * the reports then say their charts are unavailable instead of failing.
 */
export const loadUplotAssets = (): { script: string; css: string } | null => {
  try {
    const require = createRequire(import.meta.url);
    return {
      // A literal "</script" inside an inline script would end the element early.
      script: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8').replace(
        /<\/script/gi,
        '<\\/script',
      ),
      css: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
    };
  } catch {
    return null;
  }
};
