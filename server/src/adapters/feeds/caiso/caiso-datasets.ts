import { floorToMinutes } from '../../../domain/time/interval.js';
import { addDays, localDayBounds, utcMsToLocal } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedDataset } from '../../../ports/market-feed.js';
import { CAISO_TIMEZONE } from './caiso-market.js';

export type CaisoDatasetId =
  'lmp.da' | 'lmp.rt15' | 'lmp.rt5' | 'load' | 'load.forecast' | 'genmix' | 'genmix.forecast';

const at = (cron: string): FeedDataset['schedule'] => ({ cron, timezone: CAISO_TIMEZONE });

export const CAISO_DATASETS: readonly FeedDataset[] = Object.freeze([
  {
    id: 'lmp.da',
    kind: 'prices',
    run: 'DA',
    description:
      'Day-ahead (IFM) hourly LMPs with energy, congestion, loss and GHG components for every APNode ' +
      '(OASIS PRC_LMP, DAM), published around 13:00 Pacific for the next day.',
    // Results post around 13:00; the 15:10 run catches a late publication.
    schedule: at('0 10 13,15 * * *'),
    files: /PRC_LMP_DAM.*\.(csv|zip)$/i,
  },
  {
    id: 'lmp.rt15',
    kind: 'prices',
    run: 'RT15',
    description: 'Fifteen-minute market (FMM) LMPs with components (OASIS PRC_RTPD_LMP, RTPD).',
    schedule: at('30 3,18,33,48 * * * *'),
    files: /PRC_RTPD_LMP.*\.(csv|zip)$/i,
  },
  {
    id: 'lmp.rt5',
    kind: 'prices',
    run: 'RT5',
    description:
      'Real-time dispatch (RTD) 5-minute LMPs with components (OASIS PRC_INTVL_LMP, RTM).',
    schedule: at('30 1-59/5 * * * *'),
    files: /PRC_INTVL_LMP.*\.(csv|zip)$/i,
  },
  {
    id: 'load',
    kind: 'series',
    description:
      "CAISO system demand every 5 minutes from Today's Outlook (netdemand.csv or demand.csv).",
    schedule: at('20 */5 * * * *'),
    files: /(^|[^a-z])(net)?demand\.csv$/i,
  },
  {
    id: 'load.forecast',
    kind: 'series',
    description:
      'Day-ahead demand forecast by TAC area, CAISO-wide as SYSTEM_LOAD (OASIS SLD_FCST, DAM; saved 7DA, ' +
      '2DA and RTM files load too). Vintage = when OASIS produced the file.',
    // The day-ahead forecast feeds the day-ahead market, whose bids close at 10:00.
    schedule: at('0 15 10,16 * * *'),
    files: /SLD_FCST.*\.(csv|zip|xml)$/i,
  },
  {
    id: 'genmix',
    kind: 'series',
    description: "CAISO generation by fuel every 5 minutes from Today's Outlook (fuelsource.csv).",
    schedule: at('40 */5 * * * *'),
    files: /fuelsource\.csv$/i,
  },
  {
    id: 'genmix.forecast',
    kind: 'series',
    description:
      'Day-ahead wind and solar forecast by trading hub region (OASIS SLD_REN_FCST, DAM) as gen.wind and ' +
      'gen.solar of GEN.NP15/SP15/ZP26. Vintage = when OASIS produced the file.',
    schedule: at('0 20 10,16 * * *'),
    files: /SLD_REN_FCST.*\.(csv|zip)$/i,
  },
] satisfies FeedDataset[]);

export const caisoDatasetId = (datasetId: string): CaisoDatasetId => {
  if (CAISO_DATASETS.some((d) => d.id === datasetId)) {
    return datasetId as CaisoDatasetId;
  }
  throw new AppError(
    'invalid_request',
    `Unknown CAISO dataset "${datasetId}"; known datasets: ${CAISO_DATASETS.map((d) => d.id).join(', ')}.`,
  );
};

/** End of the local day `nowMs` falls in, or of the next day once local time reaches `hour`. */
const throughTomorrowAfter = (hour: number, nowMs: number): number => {
  const local = utcMsToLocal(CAISO_TIMEZONE, nowMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const today = `${local.year}-${pad(local.month)}-${pad(local.day)}`;
  return localDayBounds(CAISO_TIMEZONE, local.hour >= hour ? addDays(today, 1) : today).endMs;
};

/** Day-ahead market results for the next day post around 13:00 Pacific. */
const DA_RESULTS_HOUR = 13;
/** Day-ahead load and renewables forecasts are in place before the day-ahead market closes at 10:00. */
const DA_FORECAST_HOUR = 10;

export const caisoPublishedUntil = (datasetId: CaisoDatasetId, nowMs: number): number => {
  switch (datasetId) {
    case 'lmp.da':
      return throughTomorrowAfter(DA_RESULTS_HOUR, nowMs);
    case 'load.forecast':
    case 'genmix.forecast':
      return throughTomorrowAfter(DA_FORECAST_HOUR, nowMs);
    case 'lmp.rt15':
      return floorToMinutes(nowMs, 15);
    case 'lmp.rt5':
    case 'load':
    case 'genmix':
      // Pacific offsets are whole hours, so UTC 5- and 15-minute boundaries are local ones too.
      return floorToMinutes(nowMs, 5);
  }
};
