import { Command } from 'commander';
import { isoDay, isoTime, listOption, withStore } from '../admin-support.js';
import type { CliOutput, CliRuntime } from '../cli-runtime.js';
import { positiveIntOption } from '../options.js';
import { formatTable } from '../table.js';

/** `entitlements …`: what each tenant may see (market, product, channels, instruments, window, seats). */
export const entitlementsCommand = (runtime: CliRuntime, io: CliOutput): Command => {
  const entitlements = new Command('entitlements').description(
    'Entitlements: which data each tenant may use, and through which channels',
  );

  entitlements
    .command('list', { isDefault: true })
    .description('Entitlements, of every tenant or one')
    .option('--tenant <id>', 'only this tenant')
    .action(async (options: { tenant?: string }) => {
      const grants = await withStore(runtime, (s) =>
        s.grants.listEntitlements(
          s.caller.principal,
          { tenantId: options.tenant },
          s.caller.context,
        ),
      );
      io.out.write(
        formatTable(
          ['id', 'tenant', 'market', 'product', 'channels', 'instruments', 'from', 'to', 'seats'],
          grants.map((g) => [
            g.id,
            g.tenantId,
            g.market,
            g.product,
            g.channels.join(','),
            g.instruments === null ? 'all' : g.instruments.join(','),
            isoDay(g.dataFromMs),
            isoDay(g.dataToMs),
            g.seats ?? 'unlimited',
          ]),
        ),
      );
    });

  entitlements
    .command('grant')
    .description('Grant a tenant a market and product through some channels')
    .requiredOption('--tenant <id>', 'tenant to grant')
    .requiredOption('--market <id>', 'market code, e.g. MISO')
    .option('--product <product>', 'lmp, load, gen_mix or curve (forward curves)', 'lmp')
    .requiredOption('--channels <channels>', 'comma-separated: hub, api, downloads')
    .option(
      '--instruments <ids>',
      'comma-separated instrument ids, or curve ids for --product curve (default: all of the market)',
    )
    .option('--from <date>', 'first day of data granted, YYYY-MM-DD (UTC; default: open)')
    .option('--to <date>', 'day the granted data ends, exclusive, YYYY-MM-DD (UTC; default: open)')
    .option('--seats <n>', 'named users allowed (default: unlimited)', positiveIntOption)
    .action(
      async (options: {
        tenant: string;
        market: string;
        product: string;
        channels: string;
        instruments?: string;
        from?: string;
        to?: string;
        seats?: number;
      }) => {
        const grant = await withStore(runtime, (s) =>
          s.grants.grantEntitlement(
            s.caller.principal,
            {
              tenantId: options.tenant,
              market: options.market,
              product: options.product,
              channels: listOption(options.channels),
              instruments:
                options.instruments === undefined ? null : listOption(options.instruments),
              dataFrom: options.from ?? null,
              dataTo: options.to ?? null,
              seats: options.seats ?? null,
            },
            s.caller.context,
          ),
        );
        io.out.write(
          `Granted ${grant.tenantId} ${grant.market} ${grant.product} via ${grant.channels.join(', ')}: entitlement ${grant.id}.\n`,
        );
      },
    );

  entitlements
    .command('revoke <id>')
    .description('Revoke an entitlement at once')
    .action(async (id: string) => {
      await withStore(runtime, (s) =>
        s.grants.revokeEntitlement(s.caller.principal, id, s.caller.context),
      );
      io.out.write(`Revoked entitlement ${id}.\n`);
    });

  entitlements
    .command('seats <id>')
    .description('Who holds the seats of an entitlement')
    .action(async (id: string) => {
      const seats = await withStore(runtime, (s) =>
        s.grants.listSeats(s.caller.principal, id, s.caller.context),
      );
      io.out.write(
        formatTable(
          ['actor', 'assigned'],
          seats.map((seat) => [seat.actor, isoTime(seat.assignedAtMs)]),
        ),
      );
    });

  entitlements
    .command('release <id> <actor>')
    .description('Free the seat an actor (e.g. user:<id>) holds on an entitlement')
    .action(async (id: string, actor: string) => {
      await withStore(runtime, (s) =>
        s.grants.releaseSeat(s.caller.principal, id, actor, s.caller.context),
      );
      io.out.write(`Released the seat of ${actor} on entitlement ${id}.\n`);
    });
  return entitlements;
};
