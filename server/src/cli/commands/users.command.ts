import { Command } from 'commander';
import { AppError } from '../../platform/errors.js';
import {
  allPages,
  generatePassword,
  isoTime,
  listOption,
  printSecretWarning,
  readPasswordFile,
  withStore,
} from '../admin-support.js';
import type { CliOutput, CliRuntime } from '../cli-runtime.js';
import { formatTable } from '../table.js';

/** `users …`: accounts that sign in to the hub. Passwords come from a file or are generated, never from argv. */
export const usersCommand = (runtime: CliRuntime, io: CliOutput): Command => {
  const users = new Command('users').description('User accounts');

  users
    .command('list', { isDefault: true })
    .description('Users, of every tenant or one')
    .option('--tenant <id>', 'only this tenant')
    .action(async (options: { tenant?: string }) => {
      const items = await withStore(runtime, (s) =>
        allPages(async (cursor) =>
          s.admin.listUsers(
            s.caller.principal,
            { tenantId: options.tenant, cursor },
            s.caller.context,
          ),
        ),
      );
      io.out.write(
        formatTable(
          ['id', 'tenant', 'username', 'name', 'roles', 'status', 'created', 'last login'],
          items.map((u) => [
            u.id,
            u.tenantId,
            u.username,
            u.displayName,
            u.roles.join(','),
            u.status,
            isoTime(u.createdAtMs),
            isoTime(u.lastLoginAtMs),
          ]),
        ),
      );
    });

  users
    .command('create')
    .description('Create a user')
    .requiredOption('--tenant <id>', 'tenant of the user')
    .requiredOption('--username <name>', 'sign-in name, usually an e-mail address')
    .requiredOption('--roles <roles>', 'comma-separated: admin, analyst, viewer')
    .option('--name <display>', 'display name (default: the username)')
    .option(
      '--password-file <path>',
      'file whose first line is the password (default: generate one and print it once)',
    )
    .action(
      async (options: {
        tenant: string;
        username: string;
        roles: string;
        name?: string;
        passwordFile?: string;
      }) => {
        const password =
          options.passwordFile === undefined
            ? generatePassword(options.username)
            : readPasswordFile(options.passwordFile);
        const user = await withStore(runtime, (s) =>
          s.admin.createUser(
            s.caller.principal,
            {
              tenantId: options.tenant,
              username: options.username,
              displayName: options.name,
              roles: listOption(options.roles),
              password,
            },
            s.caller.context,
          ),
        );
        io.out.write(
          `Created user ${user.id}: ${user.username} in ${user.tenantId} (${user.roles.join(', ')}).\n`,
        );
        if (options.passwordFile === undefined) {
          io.out.write(`  password: ${password}\n`);
          printSecretWarning(io);
        }
      },
    );

  for (const [verb, status, description] of [
    ['disable', 'disabled', 'Disable a user: sign-in is refused and their sessions end'],
    ['enable', 'active', 'Enable a disabled user'],
  ] as const) {
    users
      .command(`${verb} <id>`)
      .description(description)
      .action(async (id: string) => {
        const user = await withStore(runtime, (s) =>
          s.admin.updateUser(s.caller.principal, id, { status }, s.caller.context),
        );
        io.out.write(`User ${user.id} (${user.username}) is now ${user.status}.\n`);
      });
  }

  users
    .command('roles <id>')
    .description("Replace a user's roles (their sessions end so the change applies now)")
    .requiredOption('--roles <roles>', 'comma-separated: admin, analyst, viewer')
    .action(async (id: string, options: { roles: string }) => {
      const user = await withStore(runtime, (s) =>
        s.admin.updateUser(
          s.caller.principal,
          id,
          { roles: listOption(options.roles) },
          s.caller.context,
        ),
      );
      io.out.write(`User ${user.id} (${user.username}) now has roles ${user.roles.join(', ')}.\n`);
    });

  users
    .command('passwd <id>')
    .description("Set a user's password (their sessions end)")
    .option(
      '--password-file <path>',
      'file whose first line is the password (default: generate one and print it once)',
    )
    .action(async (id: string, options: { passwordFile?: string }) => {
      const given =
        options.passwordFile === undefined ? null : readPasswordFile(options.passwordFile);
      const password = await withStore(runtime, async (s) => {
        for (let attempt = 1; ; attempt++) {
          // The username is not known here; a generated password that happens to contain it is simply redrawn.
          const candidate = given ?? generatePassword('');
          try {
            await s.admin.setPassword(s.caller.principal, id, candidate, s.caller.context);
            return candidate;
          } catch (error) {
            const redraw =
              given === null &&
              attempt < 5 &&
              error instanceof AppError &&
              error.fields.some((f) => f.field === 'password');
            if (!redraw) {
              throw error;
            }
          }
        }
      });
      io.out.write(`Password of user ${id} set; their sessions have ended.\n`);
      if (given === null) {
        io.out.write(`  password: ${password}\n`);
        printSecretWarning(io);
      }
    });
  return users;
};
