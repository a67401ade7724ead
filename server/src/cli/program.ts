import { Command } from 'commander';
import { AppError } from '../platform/errors.js';
import type { CliOutput, CliRuntime } from './cli-runtime.js';
import { adminCommand } from './commands/admin.command.js';
import { auditCommand } from './commands/audit.command.js';
import { curvesCommand } from './commands/curves.command.js';
import { exportsCommand } from './commands/exports.command.js';
import { reportsCommand } from './commands/reports.command.js';
import { entitlementsCommand } from './commands/entitlements.command.js';
import { backfillCommand, ingestCommand } from './commands/ingest.command.js';
import { jobsCommand } from './commands/jobs.command.js';
import { keysCommand } from './commands/keys.command.js';
import { pricesCommand } from './commands/prices.command.js';
import { qualityCommand } from './commands/quality.command.js';
import { referenceCommands } from './commands/reference.command.js';
import { serveCommand } from './commands/serve.command.js';
import { tenantsCommand } from './commands/tenants.command.js';
import { usersCommand } from './commands/users.command.js';

/** The `254carbon` command line. */
export const buildProgram = (runtime: CliRuntime, io: CliOutput): Command => {
  const program = new Command('254carbon')
    .description('254Carbon: market intelligence for wholesale power and gas')
    .version(runtime.version);
  program.addCommand(serveCommand(runtime, io));
  program.addCommand(
    new Command('migrate')
      .description('Apply pending database migrations and exit')
      .action(async () => {
        const services = await runtime.open(runtime.loadConfig());
        try {
          io.out.write(
            services.migrationsApplied.length === 0
              ? 'The schema is up to date.\n'
              : `Applied: ${services.migrationsApplied.join(', ')}\n`,
          );
        } finally {
          await services.close();
        }
      }),
  );
  program.addCommand(ingestCommand(runtime, io));
  program.addCommand(backfillCommand(runtime, io));
  program.addCommand(pricesCommand(runtime, io));
  program.addCommand(jobsCommand(runtime, io));
  program.addCommand(qualityCommand(runtime, io));
  program.addCommand(curvesCommand(runtime, io));
  program.addCommand(exportsCommand(runtime, io));
  program.addCommand(reportsCommand(runtime, io));
  for (const command of referenceCommands(runtime, io)) {
    program.addCommand(command);
  }
  for (const group of [
    adminCommand,
    tenantsCommand,
    usersCommand,
    keysCommand,
    entitlementsCommand,
    auditCommand,
  ]) {
    program.addCommand(group(runtime, io));
  }
  applyToTree(program, (command) =>
    command
      .exitOverride()
      .showHelpAfterError('(add --help for usage)')
      .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) }),
  );
  return program;
};

/** addCommand() does not pass settings down, so apply output and exit handling to every command. */
const applyToTree = (command: Command, apply: (c: Command) => void): void => {
  apply(command);
  for (const sub of command.commands) {
    applyToTree(sub, apply);
  }
};

/**
 * Runs the CLI and returns the exit code: 0 on success, 1 when the command failed, 2 for usage errors.
 * Errors print what went wrong and, for rejected inputs, each field.
 */
export const runCli = async (
  runtime: CliRuntime,
  io: CliOutput,
  argv: readonly string[],
): Promise<number> => {
  const program = buildProgram(runtime, io);
  // A command that completes but reports failure (a failed job run, a broken audit trail) sets process.exitCode;
  // it is returned as the exit code and the global put back, so the caller decides what the process exits with.
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    const commanderCode = (error as { code?: string }).code;
    if (commanderCode === 'commander.helpDisplayed' || commanderCode === 'commander.version') {
      return 0;
    }
    if (commanderCode?.startsWith('commander.')) {
      return 2;
    }
    if (error instanceof AppError) {
      io.err.write(`error: ${error.message}\n`);
      for (const field of error.fields.slice(0, 20)) {
        io.err.write(`  - ${field.field}: ${field.message}\n`);
      }
      return 1;
    }
    io.err.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    process.exitCode = previousExitCode;
  }
};
