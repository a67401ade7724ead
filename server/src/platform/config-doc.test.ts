import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderConfigDoc } from './config-doc.js';

describe('docs/CONFIGURATION.md', () => {
  it('matches the settings table (regenerate with `npm run docs:config`)', () => {
    const committed = readFileSync(
      new URL('../../../docs/CONFIGURATION.md', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(renderConfigDoc());
  });
});
