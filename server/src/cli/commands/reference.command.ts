import type { InstrumentPage, MarketList } from '@254carbon/contracts';
import { Command, Option } from 'commander';
import type { CliOutput, CliRuntime } from '../cli-runtime.js';
import { positiveIntOption } from '../options.js';
import { formatTable } from '../table.js';
import { fetchFromServer, readWithFallback } from '../with-services.js';

/** `markets`, `instruments` and `feeds`: what this installation holds and can fetch. */
export const referenceCommands = (runtime: CliRuntime, io: CliOutput): Command[] => [
  new Command('markets').description('Markets held by this installation').action(async () => {
    const markets = await readWithFallback(
      runtime,
      (services) =>
        services.catalog.listMarkets(services.caller.principal, services.caller.context),
      async (server) => ((await fetchFromServer(server, '/api/v1/markets')) as MarketList).data,
    );
    if (markets.length === 0) {
      io.err.write(
        'No markets yet. Start the server (`254carbon serve`) or ingest a feed (`254carbon ingest --feed sim --from <date> --to <date>`).\n',
      );
      return;
    }
    io.out.write(
      formatTable(
        ['market', 'name', 'timezone', 'currency', 'runs'],
        markets.map((m) => [
          m.id,
          m.name,
          m.timezone,
          m.currency,
          m.runs.map((r) => r.id).join(','),
        ]),
      ),
    );
  }),
  new Command('instruments')
    .description('Search instruments')
    .option('--market <id>', 'only this market')
    .addOption(
      new Option('--kind <kind>', 'only this kind').choices(['hub', 'node', 'zone', 'system']),
    )
    .option('--q <text>', 'text in id, code or name')
    .option('--limit <n>', 'how many', positiveIntOption, 100)
    .action(
      async (options: {
        market?: string;
        kind?: 'hub' | 'node' | 'zone' | 'system';
        q?: string;
        limit: number;
      }) => {
        const items = await readWithFallback(
          runtime,
          async (services) =>
            (
              await services.catalog.listInstruments(
                services.caller.principal,
                options,
                services.caller.context,
              )
            ).items.map((i) => [i.id, i.kind, i.product, i.name]),
          async (server) => {
            const params = new URLSearchParams(
              Object.entries({ ...options, limit: String(options.limit) }).filter(
                (e): e is [string, string] => e[1] !== undefined,
              ),
            );
            const page = (await fetchFromServer(
              server,
              `/api/v1/instruments?${params.toString()}`,
            )) as InstrumentPage;
            return page.data.map((i) => [i.id, i.kind, i.product, i.name]);
          },
        );
        io.out.write(formatTable(['instrument', 'kind', 'product', 'name'], items));
      },
    ),
  new Command('feeds')
    .description('Feeds this installation can ingest, with their datasets')
    .action(async () => {
      const config = runtime.loadConfig();
      const services = await runtime.open(config);
      try {
        // The simulator is scheduled whenever it is enabled; operators when named in CARBON_FEEDS.
        const scheduled = new Set(['sim', ...config.feeds.scheduled]);
        const rows = services.ingest
          .feeds()
          .flatMap((f) =>
            f.datasets.map((d) => [
              f.id,
              d.id,
              !d.schedule
                ? 'files only'
                : scheduled.has(f.id)
                  ? `${d.schedule.cron} (${d.schedule.timezone})`
                  : 'on demand',
              d.files ? 'yes' : 'no',
              d.description,
            ]),
          );
        io.out.write(formatTable(['feed', 'dataset', 'schedule', 'files', 'description'], rows));
        io.err.write(
          'Operators are fetched on demand (`254carbon ingest`/`backfill`); name them in CARBON_FEEDS to keep them up to date.\n',
        );
      } finally {
        await services.close();
      }
    }),
];
