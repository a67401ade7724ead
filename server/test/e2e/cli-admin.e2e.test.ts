import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbDatabase } from '../../src/adapters/duckdb/duckdb-database.js';
import { loadConfig } from '../../src/platform/config.js';
import { cliHarness } from '../support/cli-harness.js';

let dataDir: string;
let env: Record<string, string>;

const { cli } = cliHarness(() => env);

/** The id in the first column of the table row that contains `text`. */
const idOfRow = (table: string, text: string): string => {
  const row = table.split('\n').find((line) => line.includes(text));
  expect(row, `a row with ${text} in:\n${table}`).toBeDefined();
  return (row ?? '').split(/\s+/)[0] ?? '';
};

const cliActor = `cli:${userInfo().username}`;
const KEY_PATTERN = /^c254_[a-f0-9]{16}\.[\w-]{43}$/;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'carbon-cli-admin-'));
  env = { CARBON_DATA_DIR: dataDir, CARBON_LOG_LEVEL: 'silent', CARBON_PORT: '0' };
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('254carbon administration commands', () => {
  it('creates the first administrator once, with a password and an API key shown once', async () => {
    const init = await cli('admin', 'init');
    expect(init.code).toBe(0);
    expect(init.out).toContain('username: admin');
    expect(init.out).toMatch(/password: [\w-]{20}\n/);
    const key = /API key: +(\S+)/.exec(init.out)?.[1] ?? '';
    expect(key).toMatch(KEY_PATTERN);
    expect(init.err).toContain('not shown again');

    const again = await cli('admin', 'init');
    expect(again).toMatchObject({ code: 0, out: 'Accounts already exist; nothing changed.\n' });
    expect((await cli('users', 'list')).out.match(/\badmin\b.*\bactive\b/g)).toHaveLength(1);
  });

  it('creates, lists, suspends and activates tenants', async () => {
    expect(await cli('tenants', 'create', '--id', 'acme', '--name', 'Acme Power')).toMatchObject({
      code: 0,
      out: 'Created tenant acme (Acme Power).\n',
    });
    expect((await cli('tenants', 'list')).out).toMatch(/acme\s+Acme Power\s+active/);
    const duplicate = await cli('tenants', 'create', '--id', 'acme', '--name', 'Again');
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain('Tenant acme already exists');
    const bad = await cli('tenants', 'create', '--id', 'Bad Id', '--name', 'x');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('  - --id: must be 2–32 characters');
    expect((await cli('tenants', 'suspend', 'acme')).out).toBe('Tenant acme is now suspended.\n');
    expect((await cli('tenants', 'list')).out).toMatch(/acme\s+Acme Power\s+suspended/);
    expect((await cli('tenants', 'activate', 'acme')).out).toBe('Tenant acme is now active.\n');
  });

  it('creates users with a password from a file or generated, lists and disables them', async () => {
    const passwordFile = join(dataDir, 'password.txt');
    writeFileSync(passwordFile, '  correct-horse-battery  \nsecond line ignored\n');
    const created = await cli(
      'users',
      'create',
      '--tenant',
      'acme',
      '--username',
      'Trader@Acme.example',
      '--roles',
      'viewer,analyst',
      '--name',
      'Acme trader',
      '--password-file',
      passwordFile,
    );
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/^Created user \S+: trader@acme\.example in acme/);
    expect(created.out).not.toContain('password');

    const list = (await cli('users', 'list', '--tenant', 'acme')).out;
    expect(list).toMatch(/trader@acme\.example\s+Acme trader\s+viewer,analyst\s+active/);
    expect(list).not.toContain('admin');
    const id = idOfRow(list, 'trader@acme.example');

    expect((await cli('users', 'disable', id)).out).toBe(
      `User ${id} (trader@acme.example) is now disabled.\n`,
    );
    expect((await cli('users', 'list', '--tenant', 'acme')).out).toMatch(
      /trader@acme\.example.*\bdisabled\b/,
    );
    expect((await cli('users', 'roles', id, '--roles', 'admin,analyst')).out).toContain(
      'now has roles admin, analyst',
    );
    const passwd = await cli('users', 'passwd', id);
    expect(passwd.code).toBe(0);
    expect(passwd.out).toMatch(/password: [\w-]{20}\n/);

    const generated = await cli(
      'users',
      'create',
      '--tenant',
      'acme',
      '--username',
      'viewer@acme.example',
      '--roles',
      'viewer',
    );
    expect(generated.out).toMatch(/password: [\w-]{20}\n/);
    const badRoles = await cli(
      'users',
      'create',
      '--tenant',
      'acme',
      '--username',
      'x@acme.example',
      '--roles',
      'root',
    );
    expect(badRoles.code).toBe(1);
    expect(badRoles.err).toContain('  - --roles: must be one or more of admin, analyst, viewer');
  });

  it('creates an API key shown once, lists it without the secret, and revokes it', async () => {
    const created = await cli(
      'keys',
      'create',
      '--name',
      'reporting',
      '--tenant',
      'acme',
      '--roles',
      'viewer',
      '--expires-in-days',
      '30',
    );
    expect(created.code).toBe(0);
    const key = created.out.trim();
    expect(key).toMatch(KEY_PATTERN);
    expect(created.err).toContain('not shown again');
    const [id, secret] = key.slice('c254_'.length).split('.') as [string, string];

    const list = (await cli('keys', 'list', '--tenant', 'acme')).out;
    expect(list).toMatch(
      new RegExp(`${id}\\s+acme\\s+reporting\\s+viewer\\s+active\\s+${cliActor}`),
    );
    expect(list).not.toContain(secret);

    expect((await cli('keys', 'revoke', id)).out).toBe(
      `Revoked API key ${id} "reporting" of acme.\n`,
    );
    expect((await cli('keys', 'list', '--tenant', 'acme')).out).toMatch(
      new RegExp(`${id}\\s+acme\\s+reporting\\s+viewer\\s+revoked`),
    );
    expect((await cli('keys', 'revoke', 'ffffffffffffffff')).code).toBe(1);
  });

  it('grants, lists and revokes entitlements, naming bad fields', async () => {
    const granted = await cli(
      'entitlements',
      'grant',
      '--tenant',
      'acme',
      '--market',
      'SIM',
      '--product',
      'lmp',
      '--channels',
      'hub,api',
      '--instruments',
      'SIM.HUB_NORTH,SIM.HUB_SOUTH',
      '--from',
      '2025-01-01',
      '--to',
      '2026-01-01',
      '--seats',
      '2',
    );
    expect(granted.code).toBe(0);
    const id = /entitlement (\S+)\.$/.exec(granted.out.trim())?.[1] ?? '';
    expect(id).not.toBe('');
    expect((await cli('entitlements', 'list', '--tenant', 'acme')).out).toMatch(
      new RegExp(
        `${id}\\s+acme\\s+SIM\\s+lmp\\s+hub,api\\s+SIM.HUB_NORTH,SIM.HUB_SOUTH\\s+2025-01-01\\s+2026-01-01\\s+2`,
      ),
    );
    expect((await cli('entitlements', 'seats', id)).out).toMatch(/^actor\s+assigned\n/);

    const bad = await cli(
      'entitlements',
      'grant',
      '--tenant',
      'acme',
      '--market',
      'SIM',
      '--channels',
      'radio',
      '--from',
      'January',
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('  - --channels: must be one or more of hub, api, downloads');
    expect(bad.err).toContain('  - --from: must be a date YYYY-MM-DD');

    expect((await cli('entitlements', 'revoke', id)).out).toBe(`Revoked entitlement ${id}.\n`);
    expect((await cli('entitlements', 'list', '--tenant', 'acme')).out).not.toContain(id);
    expect((await cli('entitlements', 'revoke', id)).err).toContain(`No entitlement ${id}`);
  });

  it('lists the changes just made in the audit trail, as the command-line user', async () => {
    const list = await cli(
      'audit',
      'list',
      '--actor',
      cliActor,
      '--action',
      'admin.',
      '--limit',
      '100',
    );
    expect(list.code).toBe(0);
    expect(list.out.split('\n')[0]).toMatch(
      /^seq\s+time\s+actor\s+tenant\s+action\s+resource\s+result$/,
    );
    for (const action of [
      'admin.tenant.create',
      'admin.tenant.update',
      'admin.user.create',
      'admin.user.update',
      'admin.user.password',
      'admin.key.create',
      'admin.key.revoke',
      'admin.entitlement.grant',
      'admin.entitlement.revoke',
    ]) {
      expect(list.out).toMatch(
        new RegExp(
          `${cliActor.replace('.', '\\.')}\\s+operator\\s+${action.replace(/\./g, '\\.')}\\s+\\S+\\s+success`,
        ),
      );
    }
    // The first administrator was created by the platform itself.
    expect((await cli('audit', 'list', '--actor', 'system')).out).toContain('admin.user.create');
    expect((await cli('audit', 'list', '--result', 'denied')).out.trim().split('\n')).toHaveLength(
      2,
    );
  });

  it('verifies the audit trail, and names the record changed behind its back', async () => {
    const intact = await cli('audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/^Audit trail intact: \d+ records checked from #1 to #\d+\.\n$/);

    const db = await DuckDbDatabase.open({
      file: loadConfig(env).store.duckdbFile,
      threads: 1,
      memoryLimit: null,
      readers: 1,
    });
    try {
      await db.write(({ connection }) =>
        connection.run("UPDATE audit_log SET actor = 'user:mallory' WHERE seq = $1", [3n]),
      );
    } finally {
      await db.close();
    }

    const broken = await cli('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('#3 edited: its content does not match its hash');
    expect(broken.err).toContain('Audit trail broken');
    expect(process.exitCode).toBeUndefined();
  });
});
