import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const config = require(`${repoRoot}.dependency-cruiser.cjs`) as IConfiguration;

const violationsIn = async (
  baseDir: string,
): Promise<{ rule: string; from: string; to: string }[]> => {
  const output = await cruise(['server/src'], {
    baseDir,
    ruleSet: { forbidden: config.forbidden ?? [] },
    validate: true,
    ...config.options,
    outputType: 'json',
  });
  const result = (
    typeof output.output === 'string' ? JSON.parse(output.output) : output.output
  ) as ICruiseResult;
  return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
};

describe('import boundaries', () => {
  it('fail on a domain module that imports an adapter and on a route that skips the use cases', async () => {
    const violations = await violationsIn(
      fileURLToPath(new URL('../fixtures/boundaries/', import.meta.url)),
    );
    expect(violations).toEqual(
      expect.arrayContaining([
        {
          rule: 'domain-is-pure',
          from: 'server/src/domain/impure-model.ts',
          to: 'server/src/adapters/database.ts',
        },
        {
          rule: 'http-calls-features',
          from: 'server/src/http/leaky-route.ts',
          to: 'server/src/adapters/database.ts',
        },
      ]),
    );
    // features → domain is the allowed direction.
    expect(violations.filter((v) => v.from.includes('use-case'))).toEqual([]);
  });

  it('hold for the real server code', async () => {
    expect(await violationsIn(repoRoot)).toEqual([]);
  });
});
