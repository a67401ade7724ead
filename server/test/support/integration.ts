import { existsSync } from 'node:fs';
import { describe } from 'vitest';

/**
 * Integration suites need real servers or binaries (Chromium, PostgreSQL, NATS …). On a laptop without them the
 * suite is reported as skipped with the reason; CI sets REQUIRE_INTEGRATION_TESTS=1, which turns a missing
 * dependency into a failure so nothing is silently skipped there.
 */
export const REQUIRE_INTEGRATION = process.env.REQUIRE_INTEGRATION_TESTS === '1';

export interface Availability {
  readonly available: boolean;
  readonly reason: string;
}

/** `describe` when the dependency is there; otherwise a skip that names why (or a failure in CI). */
export const describeIntegration = (
  name: string,
  availability: Availability,
  body: () => void,
): void => {
  if (availability.available) {
    describe(name, body);
    return;
  }
  if (REQUIRE_INTEGRATION) {
    describe(name, () => {
      throw new Error(
        `${name}: ${availability.reason} (REQUIRE_INTEGRATION_TESTS=1 forbids skipping)`,
      );
    });
    return;
  }
  // Say why in the run's output, not only in the verbose test list.
  console.warn(`[integration] skipping "${name}": ${availability.reason}`);
  describe.skip(`${name} — skipped: ${availability.reason}`, body);
};

/** Debian's Chromium, as CI installs it (`apt-get install chromium`). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumAvailability = (): Availability =>
  existsSync(CHROMIUM_PATH)
    ? { available: true, reason: '' }
    : {
        available: false,
        reason: `Chromium not found at ${CHROMIUM_PATH} (install Debian's chromium package)`,
      };
