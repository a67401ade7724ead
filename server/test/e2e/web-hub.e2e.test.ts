import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type ConsoleMessage,
  type Locator,
  type Page,
} from 'playwright-core';
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

/** Chromium logs every 4xx answer to fetch as "Failed to load resource", even when the page handles it. */
const FAILED_LOAD = /^Failed to load resource: the server responded with a status of (\d+)/;

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
  /** Console errors and warnings written by the page itself, and uncaught exceptions. */
  const browserProblems: string[] = [];
  /** Failed requests the browser logged on its own (4xx/5xx answers), as "status path". */
  const failedLoads: string[] = [];

  const chart = () => page.getByTestId('price-chart');
  const mainNav = () => page.getByRole('navigation', { name: 'Main' });
  const url = (path: string) => `${server!.url}${path}`;
  const focusedName = () => page.evaluate<string | null>('document.activeElement?.name ?? null');
  const pathOf = () => {
    const { pathname, search } = new URL(page.url());
    return pathname + search;
  };

  const credentials = (tenantId: string, username?: string) => {
    const found = server!.created.find(
      (c) => c.tenantId === tenantId && (username === undefined || c.username === username),
    );
    if (!found?.password) {
      throw new Error(`the test server created no password for ${username ?? tenantId}`);
    }
    return { username: found.username, password: found.password };
  };

  const onConsole = (message: ConsoleMessage) => {
    const type = message.type();
    if (type !== 'error' && type !== 'warning') {
      return;
    }
    const failed = FAILED_LOAD.exec(message.text());
    if (type === 'error' && failed) {
      failedLoads.push(`${failed[1]} ${new URL(message.location().url).pathname}`);
      return;
    }
    browserProblems.push(`console.${type}: ${message.text()}`);
  };

  /** Fills the sign-in form and submits it with Enter. */
  const submitSignIn = async (username: string, password: string) => {
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
  };

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
    page.on('console', onConsole);
    page.on('pageerror', (error) => browserProblems.push(`pageerror: ${error.message}`));
    mkdirSync(artifacts, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a visitor to sign in, keeping the page asked for, and refuses a wrong password', async () => {
    await page.goto(url('/explorer'));
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(pathOf()).toBe('/login?next=%2Fexplorer');
    expect(await page.title()).toBe('Sign in · 254Carbon');
    expect(await mainNav().count()).toBe(0);
    // The username field has focus, so typing can start at once.
    await expect.poll(() => focusedName()).toBe('username');
    await page.screenshot({ path: `${artifacts}/web-hub-sign-in.png` });

    const { username } = credentials('operator');
    await submitSignIn(username, 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Wrong username or password.');
    expect(pathOf()).toBe('/login?next=%2Fexplorer');
    // The password is cleared and focused for the next attempt.
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    await expect.poll(() => focusedName()).toBe('password');
    await page.screenshot({ path: `${artifacts}/web-hub-sign-in-error.png` });
  });

  it('signs the administrator in and opens the explorer with day-ahead and real-time prices of the default hub', async () => {
    const admin = credentials('operator');
    await submitSignIn(admin.username, admin.password);
    await page.getByRole('heading', { level: 1, name: 'Price explorer' }).waitFor();
    expect(pathOf()).toBe('/explorer');
    const header = page.getByRole('banner');
    expect(await header.textContent()).toContain('Administrator');
    expect(await header.textContent()).toContain('operator');
    await header.getByRole('button', { name: 'Sign out' }).waitFor();

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

  it('shows the administrator the ingest jobs with their last run succeeded', async () => {
    await mainNav().getByRole('link', { name: 'Jobs' }).click();
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

  it('sends the user back to sign in when the session ends elsewhere, then returns to the page', async () => {
    // Signing out from another tab ends this tab's session too.
    const ended = await page.request.post(url('/api/v1/auth/logout'), {
      headers: { 'x-requested-with': '254carbon' },
    });
    expect(ended.status()).toBe(204);

    await mainNav().getByRole('link', { name: 'Price explorer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(pathOf()).toBe('/login?next=%2Fexplorer');
    expect(
      await page.getByRole('status').filter({ hasText: 'Your session has ended' }).count(),
    ).toBe(1);

    const admin = credentials('operator');
    await submitSignIn(admin.username, admin.password);
    await page.getByRole('heading', { level: 1, name: 'Price explorer' }).waitFor();
    expect(pathOf()).toBe('/explorer');
  });

  it('signs out, after which the explorer and its data are closed', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(pathOf()).toBe('/login');
    await page.getByRole('status').filter({ hasText: 'You have signed out.' }).waitFor();
    expect(await mainNav().count()).toBe(0);

    const markets = await page.request.get(url('/api/v1/markets'));
    expect(markets.status()).toBe(401);

    await page.goto(url('/explorer'));
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(pathOf()).toBe('/login?next=%2Fexplorer');
    expect(await page.getByRole('heading', { name: 'Price explorer' }).count()).toBe(0);
  });

  for (const [tenantId, username, market] of [
    ['pilot_miso', 'trader@pilot-miso.example', 'MISO'],
    ['pilot_caiso', 'analyst@pilot-caiso.example', 'CAISO'],
  ] as const) {
    it(`shows the ${market} pilot user neither jobs nor the simulator's data`, async () => {
      await page.goto(url('/login'));
      const pilot = credentials(tenantId, username);
      await submitSignIn(pilot.username, pilot.password);
      await page.getByRole('heading', { level: 1, name: 'Price explorer' }).waitFor();
      expect(pathOf()).toBe('/explorer');
      expect(await page.getByRole('banner').textContent()).toContain(tenantId);

      // No jobs in the navigation, and none when asked for by address.
      await mainNav().getByRole('link', { name: 'Price explorer' }).waitFor();
      expect(await mainNav().getByRole('link', { name: 'Jobs' }).count()).toBe(0);

      // Entitled to a market this server holds no data for: an explanation, no market, no SIM.
      const empty = page.getByRole('heading', { level: 2, name: 'No data yet for your markets' });
      await empty.waitFor();
      expect(await page.getByRole('main').textContent()).toContain(market);
      expect(await page.getByRole('combobox', { name: 'Market' }).count()).toBe(0);
      expect(await page.getByTestId('price-chart').count()).toBe(0);
      expect(await page.getByText('Synthetic data').count()).toBe(0);
      expect(await page.getByRole('main').textContent()).not.toMatch(/\bSIM\b/);
      const markets = await page.request.get(url('/api/v1/markets'));
      expect(markets.status()).toBe(200);
      expect(((await markets.json()) as { data: unknown[] }).data).toEqual([]);
      if (market === 'MISO') {
        await page.screenshot({ path: `${artifacts}/web-hub-explorer-pilot.png` });
      }

      await page.goto(url('/jobs'));
      await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
      await page.getByText('Not available to your account').waitFor();
      expect(await page.getByRole('table').count()).toBe(0);

      await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    });
  }

  it('tells a user whose organisation holds no entitlements so, and hides CSV downloads from viewers', async () => {
    const adminKey = server!.created.find((c) => c.apiKey !== null)?.apiKey;
    const asAdmin = async (path: string, body: unknown) => {
      const response = await fetch(url(path), {
        method: 'POST',
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, `${path}: ${await response.clone().text()}`).toBe(201);
    };
    const password = 'correct-horse-battery-42';
    await asAdmin('/api/v1/admin/tenants', { id: 'acme', name: 'Acme Power' });
    await asAdmin('/api/v1/admin/users', {
      tenantId: 'acme',
      username: 'viewer@acme.example',
      roles: ['viewer'],
      password,
    });

    await page.goto(url('/login'));
    await submitSignIn('viewer@acme.example', password);
    await page
      .getByRole('heading', { level: 2, name: 'Your organisation has no data entitlements yet' })
      .waitFor();
    expect(pathOf()).toBe('/explorer');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await mainNav().getByRole('link', { name: 'Jobs' }).count()).toBe(0);

    // Once entitled to the simulator, the viewer sees its prices but may not download them.
    await asAdmin('/api/v1/admin/entitlements', {
      tenantId: 'acme',
      market: 'SIM',
      product: 'lmp',
      channels: ['hub'],
    });
    await page.reload();
    await page.getByText('Synthetic data', { exact: true }).waitFor();
    await expect
      .poll(() => numberAttribute(chart(), 'data-point-count'), { timeout: 30_000 })
      .toBeGreaterThan(100);
    expect(await page.getByRole('link', { name: 'Download CSV' }).count()).toBe(0);

    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  it('logs no errors or warnings in the browser', () => {
    expect(browserProblems).toEqual([]);
    // Only the answers the hub expects and handles: no session at start, the wrong password, the session that
    // ended elsewhere, and the markets of an organisation without entitlements.
    expect(failedLoads.length).toBeGreaterThan(0);
    for (const failed of failedLoads) {
      expect(failed).toMatch(
        /^(401 \/api\/v1\/(auth\/me|auth\/login|markets)|403 \/api\/v1\/markets)$/,
      );
    }
  });
});
