import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_TYPES_FILE, generateClientTypes } from '../../scripts/client-types.js';

describe('client/src/openapi.ts', () => {
  it('matches the server’s current OpenAPI document (run `npm run client:generate` if not)', async () => {
    const checkedIn = readFileSync(CLIENT_TYPES_FILE, 'utf8');
    const fresh = await generateClientTypes();
    expect(fresh).toContain("'/api/v1/prices': {");
    // Compared as text rather than toEqual so a stale file fails with one clear message, not a 9,000-line diff.
    expect(
      checkedIn === fresh,
      'client/src/openapi.ts is stale: run `npm run client:generate` and commit the result',
    ).toBe(true);
  });
});
