import { Command } from 'commander';
import type { ApiKeyView } from '../../features/access/admin.service.js';
import { allPages, isoTime, listOption, withStore } from '../admin-support.js';
import type { CliOutput, CliRuntime } from '../cli-runtime.js';
import { positiveIntOption } from '../options.js';
import { formatTable } from '../table.js';

const keyStatus = (key: ApiKeyView, nowMs: number): string =>
  key.revokedAtMs !== null
    ? 'revoked'
    : key.expiresAtMs !== null && key.expiresAtMs <= nowMs
      ? 'expired'
      : 'active';

/** `keys …`: API keys for programs. The secret is printed once, at creation; only its hash is stored. */
export const keysCommand = (runtime: CliRuntime, io: CliOutput): Command => {
  const keys = new Command('keys').description('API keys');

  keys
    .command('list', { isDefault: true })
    .description('API keys (never their secrets), of every tenant or one')
    .option('--tenant <id>', 'only this tenant')
    .action(async (options: { tenant?: string }) => {
      const items = await withStore(runtime, (s) =>
        allPages(async (cursor) =>
          s.admin.listApiKeys(
            s.caller.principal,
            { tenantId: options.tenant, cursor },
            s.caller.context,
          ),
        ),
      );
      const now = Date.now();
      io.out.write(
        formatTable(
          [
            'id',
            'tenant',
            'name',
            'roles',
            'status',
            'created by',
            'created',
            'expires',
            'last used',
          ],
          items.map((k) => [
            k.id,
            k.tenantId,
            k.name,
            k.roles.join(','),
            keyStatus(k, now),
            k.createdBy,
            isoTime(k.createdAtMs),
            isoTime(k.expiresAtMs),
            isoTime(k.lastUsedAtMs),
          ]),
        ),
      );
    });

  keys
    .command('create')
    .description('Create an API key and print it once')
    .requiredOption('--name <name>', 'what the key is for, e.g. the program using it')
    .option('--tenant <id>', 'tenant of the key (default: the operator tenant)')
    .option('--roles <roles>', 'comma-separated: admin, analyst, viewer', 'viewer')
    .option(
      '--expires-in-days <n>',
      'expire after this many days (default: never)',
      positiveIntOption,
    )
    .action(
      async (options: { name: string; tenant?: string; roles: string; expiresInDays?: number }) => {
        const { key, record } = await withStore(runtime, (s) =>
          s.admin.createApiKey(
            s.caller.principal,
            {
              tenantId: options.tenant,
              name: options.name,
              roles: listOption(options.roles),
              expiresInDays: options.expiresInDays,
            },
            s.caller.context,
          ),
        );
        // The key alone on stdout, so it can be piped into a secret store.
        io.out.write(`${key}\n`);
        io.err.write(
          `Created API key ${record.id} "${record.name}" for ${record.tenantId} (${record.roles.join(', ')})` +
            (record.expiresAtMs === null ? '' : `, expiring ${isoTime(record.expiresAtMs)}`) +
            '. Store it now: only its hash is kept, and it is not shown again.\n',
        );
      },
    );

  keys
    .command('revoke <id>')
    .description('Revoke an API key at once')
    .action(async (id: string) => {
      const key = await withStore(runtime, (s) =>
        s.admin.revokeApiKey(s.caller.principal, id, s.caller.context),
      );
      io.out.write(`Revoked API key ${key.id} "${key.name}" of ${key.tenantId}.\n`);
    });
  return keys;
};
