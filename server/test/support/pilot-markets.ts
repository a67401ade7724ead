import type {
  InstrumentDefinition,
  InstrumentKind,
} from '../../src/domain/instruments/instrument.js';
import type { MarketDefinition } from '../../src/domain/markets/market.js';
import { PriceBatchBuilder } from '../../src/domain/prices/price-batch.js';
import type { MarketFeed } from '../../src/ports/market-feed.js';

/**
 * Hand-written MISO and CAISO instruments and day-ahead prices for access-control tests (the real connectors
 * come with their own recorded fixtures). Names follow the operators' conventions; the numbers are made up.
 */
const market = (id: string, timezone: string): MarketDefinition => ({
  id,
  name: `${id} (test data)`,
  timezone,
  currency: 'USD',
  runs: [{ id: 'DA', intervalMinutes: 60, description: 'Day-ahead hourly' }],
  synthetic: false,
});

const instrument = (
  marketId: string,
  code: string,
  kind: InstrumentKind,
): InstrumentDefinition => ({
  id: `${marketId}.${code}`,
  market: marketId,
  code,
  name: code,
  kind,
  product: 'lmp',
  aliases: [],
});

export const PILOT_INSTRUMENTS = {
  MISO: [
    instrument('MISO', 'INDIANA.HUB', 'hub'),
    instrument('MISO', 'MICHIGAN.HUB', 'hub'),
    instrument('MISO', 'AMIL.BGS6', 'node'),
  ],
  CAISO: [
    instrument('CAISO', 'TH_SP15_GEN-APND', 'hub'),
    instrument('CAISO', 'TH_NP15_GEN-APND', 'hub'),
    instrument('CAISO', 'TH_ZP26_GEN-APND', 'hub'),
    instrument('CAISO', 'DLAP_PGAE-APND', 'zone'),
    instrument('CAISO', 'ALAMT1G_7_B1', 'node'),
  ],
} as const;

const feedFor = (id: 'MISO' | 'CAISO', timezone: string): MarketFeed => {
  const instruments = PILOT_INSTRUMENTS[id];
  return {
    id: id.toLowerCase(),
    market: market(id, timezone),
    datasets: [
      {
        id: 'prices.da',
        kind: 'prices',
        run: 'DA',
        description: 'test DA prices',
        schedule: { cron: '0 0 0 1 1 *', timezone: 'UTC' },
      },
    ],
    instruments: () => Promise.resolve([...instruments]),
    publishedUntil: () => Date.UTC(2100, 0, 1),
    fetch: (_dataset, window) => {
      const builder = new PriceBatchBuilder();
      const run = builder.runSlot('DA');
      for (
        let t = Math.ceil(window.fromMs / 3_600_000) * 3_600_000;
        t < window.toMs;
        t += 3_600_000
      ) {
        instruments.forEach((inst, k) => {
          const lmp = 30 + k + ((t / 3_600_000) % 24);
          builder.addColumns(
            builder.instrumentSlot(inst.id),
            run,
            t,
            60,
            lmp,
            lmp - 1,
            0.5,
            0.5,
            Number.NaN,
          );
        });
      }
      return Promise.resolve({ kind: 'prices', prices: builder.build() });
    },
  };
};

export const pilotMarketFeeds = (): MarketFeed[] => [
  feedFor('MISO', 'America/Chicago'),
  feedFor('CAISO', 'America/Los_Angeles'),
];
