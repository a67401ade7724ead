import type { PriceResponse, PriceRow } from '@254carbon/contracts';
import { Command, Option } from 'commander';
import { priceCsv, priceRows } from '../../features/prices/price-rows.js';
import type { PriceQueryInput } from '../../features/prices/price-query.service.js';
import type { CliOutput, CliRuntime } from '../cli-runtime.js';
import { formatTable } from '../table.js';
import { fetchFromServer, readWithFallback } from '../with-services.js';

type Format = 'table' | 'csv' | 'json';

const tableOf = (rows: readonly PriceRow[]): string =>
  formatTable(
    [
      'instrument',
      'run',
      'interval_start_utc',
      'minutes',
      'lmp',
      'energy',
      'congestion',
      'loss',
      ...(rows[0]?.samples !== undefined ? ['samples'] : []),
    ],
    rows.map((r) => [
      r.instrument,
      r.run,
      r.intervalStart.replace('.000Z', 'Z'),
      r.intervalMinutes,
      r.lmp,
      r.energy,
      r.congestion,
      r.loss,
      ...(r.samples !== undefined ? [r.samples] : []),
    ]),
  );

export const pricesCommand = (runtime: CliRuntime, io: CliOutput): Command =>
  new Command('prices')
    .description(
      'Print prices for instruments over a time range (works while `serve` runs, through its API)',
    )
    .requiredOption(
      '--instruments <ids>',
      'comma-separated instrument ids, e.g. SIM.HUB_NORTH,SIM.HUB_SOUTH',
    )
    .requiredOption(
      '--from <time>',
      'start: YYYY-MM-DD (market-local midnight) or ISO time with offset',
    )
    .requiredOption('--to <time>', 'end (exclusive), same forms as --from')
    .option('--runs <runs>', 'comma-separated market runs, e.g. DA,RT5 (default: all)')
    .option('--resample <size>', 'bucket: 5m, 15m, 1h, 1d or 1mo')
    .option('--agg <agg>', 'with --resample: avg, min, max, first or last')
    .option(
      '--tz <zone>',
      'zone for date-only times and day/month buckets: market, UTC or an IANA zone',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'csv', 'json'])
        .default('table'),
    )
    .action(
      async (options: {
        instruments: string;
        from: string;
        to: string;
        runs?: string;
        resample?: string;
        agg?: string;
        tz?: string;
        format: Format;
      }) => {
        const input: PriceQueryInput = {
          instruments: options.instruments,
          start: options.from,
          end: options.to,
          runs: options.runs,
          resample: options.resample,
          agg: options.agg,
          tz: options.tz,
        };
        const text = await readWithFallback(
          runtime,
          async (services) => {
            const result = await services.prices.query(
              services.caller.principal,
              input,
              services.caller.context,
              { asFile: options.format === 'csv' },
            );
            if (options.format === 'csv') {
              return priceCsv(result.prices, result.samples);
            }
            const rows = priceRows(result.prices, result.samples);
            return options.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : tableOf(rows);
          },
          async (server) => {
            const params = new URLSearchParams();
            for (const [key, value] of Object.entries(input) as [string, string | undefined][]) {
              if (value !== undefined) {
                params.set(key, value);
              }
            }
            if (options.format === 'csv') {
              params.set('format', 'csv');
              return (await fetchFromServer(
                server,
                `/api/v1/prices?${params.toString()}`,
                'text',
              )) as string;
            }
            const response = (await fetchFromServer(
              server,
              `/api/v1/prices?${params.toString()}`,
            )) as PriceResponse;
            return options.format === 'json'
              ? `${JSON.stringify(response.data, null, 2)}\n`
              : tableOf(response.data);
          },
        );
        io.out.write(text);
      },
    );
