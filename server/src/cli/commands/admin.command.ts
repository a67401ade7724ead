import { Command } from 'commander';
import { AppError } from '../../platform/errors.js';
import { printSecretWarning, readPasswordFile, withStore } from '../admin-support.js';
import type { CliOutput, CliRuntime } from '../cli-runtime.js';
import { formatTable } from '../table.js';

/** `admin init` and `admin demo`: first-run setup without starting the server. */
export const adminCommand = (runtime: CliRuntime, io: CliOutput): Command => {
  const admin = new Command('admin').description('Set up the installation');

  admin
    .command('init')
    .description(
      'Create the operator tenant and the first administrator (does nothing once accounts exist)',
    )
    .option('--username <name>', 'username of the administrator (default: CARBON_ADMIN_USERNAME)')
    .option(
      '--password-file <path>',
      'file whose first line is the password (default: generate one and print it once)',
    )
    .action(async (options: { username?: string; passwordFile?: string }) => {
      const password =
        options.passwordFile === undefined ? null : readPasswordFile(options.passwordFile);
      if (password !== null && password.length < 12) {
        throw new AppError('invalid_request', 'The administrator password is too short.', {
          fields: [{ field: '--password-file', message: 'must hold 12–256 characters' }],
        });
      }
      const config = runtime.loadConfig();
      const created = await withStore(runtime, (services) =>
        services.bootstrap.ensureOperator({
          // Never a built-in password: it comes from the file or is generated; an API key is made as well.
          production: false,
          adminUsername: options.username ?? config.auth.adminUsername,
          adminPassword: password,
          operatorMarkets: config.sim.enabled ? ['SIM'] : [],
        }),
      );
      if (created === null) {
        io.out.write('Accounts already exist; nothing changed.\n');
        return;
      }
      io.out.write(
        `Created the operator tenant's first administrator:\n` +
          `  username: ${created.username}\n` +
          `  password: ${created.password ?? `(from ${options.passwordFile ?? 'the file'})`}\n` +
          (created.apiKey ? `  API key:  ${created.apiKey}\n` : ''),
      );
      printSecretWarning(io);
    });

  admin
    .command('demo')
    .description(
      'Create the demo pilot tenants, their entitlements and one user each, where missing',
    )
    .action(async () => {
      const created = await withStore(runtime, (services) => services.bootstrap.seedDemoTenants());
      if (created.length === 0) {
        io.out.write('The demo tenants and users already exist; nothing changed.\n');
        return;
      }
      io.out.write(
        formatTable(
          ['tenant', 'username', 'password'],
          created.map((c) => [c.tenantId, c.username, c.password]),
        ),
      );
      printSecretWarning(io);
    });
  return admin;
};
