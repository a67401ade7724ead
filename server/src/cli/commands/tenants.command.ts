import { Command } from 'commander';
import { isoTime, withStore } from '../admin-support.js';
import type { CliOutput, CliRuntime } from '../cli-runtime.js';
import { formatTable } from '../table.js';

/** `tenants …`: the customer organisations of this installation. */
export const tenantsCommand = (runtime: CliRuntime, io: CliOutput): Command => {
  const tenants = new Command('tenants').description('Tenants (customer organisations)');

  tenants
    .command('list', { isDefault: true })
    .description('Every tenant')
    .action(async () => {
      const rows = await withStore(runtime, (s) =>
        s.admin.listTenants(s.caller.principal, s.caller.context),
      );
      io.out.write(
        formatTable(
          ['tenant', 'name', 'status', 'created'],
          rows.map((t) => [t.id, t.name, t.status, isoTime(t.createdAtMs)]),
        ),
      );
    });

  tenants
    .command('create')
    .description('Create a tenant')
    .requiredOption('--id <id>', 'tenant id: lower-case letters, digits, _ or -')
    .requiredOption('--name <name>', 'display name')
    .action(async (options: { id: string; name: string }) => {
      const tenant = await withStore(runtime, (s) =>
        s.admin.createTenant(s.caller.principal, options, s.caller.context),
      );
      io.out.write(`Created tenant ${tenant.id} (${tenant.name}).\n`);
    });

  for (const [verb, status, description] of [
    [
      'suspend',
      'suspended',
      'Suspend a tenant: its users and keys are refused until it is activated',
    ],
    ['activate', 'active', 'Activate a suspended tenant'],
  ] as const) {
    tenants
      .command(`${verb} <id>`)
      .description(description)
      .action(async (id: string) => {
        const tenant = await withStore(runtime, (s) =>
          s.admin.updateTenant(s.caller.principal, id, { status }, s.caller.context),
        );
        io.out.write(`Tenant ${tenant.id} is now ${tenant.status}.\n`);
      });
  }
  return tenants;
};
