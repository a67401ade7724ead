import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  chromiumAvailability,
  describeIntegration,
} from '../support/integration.js';
import { startTestServer } from '../support/test-platform.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const webRoot = `${repoRoot}web`;
const artifacts = `${repoRoot}test-artifacts`;

const numberAttribute = async (locator: Locator, name: string): Promise<number> =>
  Number((await locator.getAttribute(name)) ?? 'NaN');

/** Builds web/dist as shipped. Vitest sets NODE_ENV=test, which would make Vite bundle React's development build. */
const buildWebHub = async (): Promise<void> => {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: webRoot, logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) {
      delete process.env.NODE_ENV;
    } else {
      process.env.NODE_ENV = nodeEnv;
    }
  }
};

describeIntegration('web hub in Chromium', chromiumAvailability(), () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const browserProblems: string[] = [];

  const chart = () => page.getByTestId('price-chart');

  beforeAll(async () => {
    await buildWebHub();
    server = await startTestServer({ CARBON_WEB_DIR: `${webRoot}/dist` });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        browserProblems.push(`console.${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => browserProblems.push(`pageerror: ${error.message}`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the explorer with day-ahead and real-time prices of the default hub', async () => {
    await page.goto(`${server!.url}/explorer`);
    await page.getByRole('heading', { level: 1, name: 'Price explorer' }).waitFor();
    await page.getByText('Synthetic data', { exact: true }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'SIM.HUB_NORTH' }).waitFor();

    await expect
      .poll(() => numberAttribute(chart(), 'data-point-count'), { timeout: 30_000 })
      .toBeGreaterThan(100);
    expect(await numberAttribute(chart(), 'data-series-count')).toBeGreaterThanOrEqual(2);
    expect(await chart().getAttribute('data-time-zone')).toBe('America/Chicago');

    // The latest-prices table lists both runs of the hub.
    const latest = page.getByRole('table', { name: /Latest price per instrument/ });
    await latest.getByRole('row').filter({ hasText: 'RT5' }).waitFor();
    await latest.getByRole('row').filter({ hasText: 'DA' }).first().waitFor();

    const csv = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(csv).toMatch(/^\/api\/v1\/prices\?.*instruments=SIM\.HUB_NORTH.*format=csv/);

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}/web-hub-explorer.png`, fullPage: true });
  });

  it('adds an instrument found by search and plots it', async () => {
    const seriesBefore = await numberAttribute(chart(), 'data-series-count');
    const pointsBefore = await numberAttribute(chart(), 'data-point-count');

    const search = page.getByRole('combobox', { name: 'Instruments' });
    await search.fill('SOUTH');
    const option = page.getByRole('option', { name: /SIM\.HUB_SOUTH/ });
    await option.waitFor();
    // Keyboard: move to the hub's option, then Enter.
    while ((await option.getAttribute('aria-selected')) !== 'true') {
      await search.press('ArrowDown');
    }
    await search.press('Enter');

    await page.getByRole('button', { name: 'Remove SIM.HUB_SOUTH' }).waitFor();
    await expect
      .poll(() => numberAttribute(chart(), 'data-series-count'), { timeout: 30_000 })
      .toBeGreaterThan(seriesBefore);
    await expect
      .poll(() => numberAttribute(chart(), 'data-point-count'), { timeout: 30_000 })
      .toBeGreaterThan(pointsBefore);
    expect(await search.inputValue()).toBe('');
  });

  it('switches the time axis to UTC and back', async () => {
    const points = await numberAttribute(chart(), 'data-point-count');
    await page.getByRole('radio', { name: 'UTC' }).check();
    await expect.poll(() => chart().getAttribute('data-time-zone')).toBe('UTC');
    expect(await numberAttribute(chart(), 'data-point-count')).toBe(points);

    await page.getByRole('radio', { name: 'Market time' }).check();
    await expect.poll(() => chart().getAttribute('data-time-zone')).toBe('America/Chicago');
    expect(await numberAttribute(chart(), 'data-point-count')).toBeGreaterThan(100);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('lists the ingest jobs with their last run succeeded', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Jobs' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/jobs');
    expect(await page.getByRole('link', { name: 'Jobs' }).getAttribute('aria-current')).toBe(
      'page',
    );

    for (const job of ['ingest.sim.prices.da', 'ingest.sim.prices.rt5']) {
      const status = page.locator(`tr[data-job="${job}"] [data-column="status"]`);
      // The server ran every job once before listening, so the first render already shows the outcome.
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('succeeded');
    }
    await page
      .getByRole('table', { name: /Recent job runs/ })
      .getByRole('row')
      .nth(1)
      .waitFor();
  }, 60_000);

  it('logs no errors or warnings in the browser', () => {
    expect(browserProblems).toEqual([]);
  });
});
