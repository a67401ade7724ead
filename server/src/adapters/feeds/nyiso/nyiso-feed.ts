import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import type { TimeRange } from '../../../domain/time/interval.js';
import { addDays, localDateOf, type IsoDate } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData, MarketFeed, SourceDocument } from '../../../ports/market-feed.js';
import type { FeedContext } from '../kit/feed-context.js';
import type { HttpSource } from '../kit/http-source.js';
import { unzipDocument } from '../kit/zip.js';
import { ArchiveCache } from './nyiso-archive-cache.js';
import { emptyFeedData, mergeFeedData } from '../kit/merge-feed-data.js';
import { NYISO_DATASET_SPECS, NYISO_DATASETS, type NyisoDatasetSpec } from './nyiso-datasets.js';
import {
  dailyFileName,
  monthlyArchiveName,
  parseDailyOrArchive,
  reportPath,
} from './nyiso-documents.js';
import { NYISO_MARKET, NYISO_TIMEZONE, nyisoInstruments } from './nyiso-market.js';

export const NYISO_FEED_ID = 'nyiso';

export interface NyisoFeedOptions {
  /** Where NYISO's MIS is served; tests point this at a loopback server. */
  readonly baseUrl?: string;
  /** The clock deciding which days are recent enough for daily files; tests fix it. */
  readonly now?: () => number;
}

const DEFAULT_BASE_URL = 'https://mis.nyiso.com';
/**
 * NYISO keeps roughly the last ten days as daily CSVs and everything older in monthly archives. Days within a
 * week are asked for as daily files, older ones from the archive; either way, when the first choice is missing
 * the other is tried (a day that has just moved into the archive, or an archive not yet holding a day).
 */
const RECENT_DAYS = 7;
/** NYISO publishes no request limit; one request per 200 ms keeps a backfill polite. */
const MIN_REQUEST_INTERVAL_MS = 200;
const ARCHIVES_HELD = 2;
const ARCHIVE_MAX_AGE_MS = 30 * 60_000;

const KNOWN = NYISO_DATASETS.map((d) => d.id).join(', ');

const specOf = (datasetId: string): NyisoDatasetSpec => {
  const spec = NYISO_DATASET_SPECS.find((d) => d.id === datasetId);
  if (!spec) {
    throw new AppError(
      'invalid_request',
      `Unknown NYISO dataset "${datasetId}"; known datasets: ${KNOWN}.`,
    );
  }
  return spec;
};

/** Every local date the window touches, in order. */
const localDatesOf = (window: TimeRange): IsoDate[] => {
  const first = localDateOf(NYISO_TIMEZONE, window.fromMs);
  const last = localDateOf(NYISO_TIMEZONE, window.toMs - 1);
  const dates: IsoDate[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    dates.push(date);
  }
  return dates;
};

/** An empty body is how a not-yet-written file can look; it holds no data, and is not an error. */
const published = (document: SourceDocument | null): SourceDocument | null =>
  document !== null && document.bytes.length > 0 ? document : null;

/**
 * NYISO's public MIS: keyless CSV reports by day (damlbmp, realtime, rtlbmp, pal, isolf, rtfuelmix), daily files
 * for recent days and monthly zip archives of daily files for older ones. Eastern wall-clock stamps are turned
 * into UTC intervals in the parsers (nyiso-clock.ts), and nowhere else.
 */
export const createNyisoFeed = (
  context: FeedContext,
  options: NyisoFeedOptions = {},
): MarketFeed => {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const http: HttpSource = context.http({
    name: 'NYISO MIS',
    minIntervalMs: MIN_REQUEST_INTERVAL_MS,
  });
  const archives = new ArchiveCache({
    maxEntries: ARCHIVES_HELD,
    maxAgeMs: ARCHIVE_MAX_AGE_MS,
    now,
  });

  const parse = (spec: NyisoDatasetSpec, document: SourceDocument): Promise<FeedData> =>
    parseDailyOrArchive(spec.kind, document, (daily) => spec.parse(context.csv, daily));

  const dailyFile = async (
    spec: NyisoDatasetSpec,
    date: IsoDate,
    signal?: AbortSignal,
  ): Promise<SourceDocument | null> => {
    const url = `${baseUrl}${reportPath(spec.report, dailyFileName(spec.report, date))}`;
    return published(await http.getOptional(url, { signal }));
  };

  const archivedFile = async (
    spec: NyisoDatasetSpec,
    date: IsoDate,
    signal?: AbortSignal,
  ): Promise<SourceDocument | null> => {
    const url = `${baseUrl}${reportPath(spec.report, monthlyArchiveName(spec.report, date))}`;
    const archive = published(await archives.get(url, () => http.getOptional(url, { signal })));
    if (archive === null) {
      return null;
    }
    const member = dailyFileName(spec.report, date);
    return published(unzipDocument(archive, (name) => name.endsWith(member))[0] ?? null);
  };

  /** The day's document from wherever NYISO keeps it now, or null when it is not published (yet). */
  const documentFor = async (
    spec: NyisoDatasetSpec,
    date: IsoDate,
    signal?: AbortSignal,
  ): Promise<SourceDocument | null> => {
    const today = localDateOf(NYISO_TIMEZONE, now());
    if (date >= addDays(today, -RECENT_DAYS)) {
      const daily = await dailyFile(spec, date, signal);
      // Yesterday and later are never archived-only, so a missing file there just means "not yet".
      return daily ?? (date < addDays(today, -1) ? archivedFile(spec, date, signal) : null);
    }
    return (await archivedFile(spec, date, signal)) ?? dailyFile(spec, date, signal);
  };

  return {
    id: NYISO_FEED_ID,
    market: NYISO_MARKET,
    datasets: NYISO_DATASETS,
    instruments: (): Promise<InstrumentDefinition[]> => Promise.resolve(nyisoInstruments()),
    publishedUntil: (datasetId: string, nowMs: number): number =>
      specOf(datasetId).publishedUntil(nowMs),
    fetch: async (
      datasetId: string,
      window: TimeRange,
      signal?: AbortSignal,
    ): Promise<FeedData> => {
      const spec = specOf(datasetId);
      if (
        !Number.isFinite(window.fromMs) ||
        !Number.isFinite(window.toMs) ||
        !(window.toMs > window.fromMs)
      ) {
        throw new AppError(
          'invalid_request',
          'NYISO fetch window must be a finite, non-empty range.',
        );
      }
      const parts: FeedData[] = [];
      for (const date of localDatesOf(window)) {
        const document = await documentFor(spec, date, signal);
        parts.push(document === null ? emptyFeedData(spec.kind) : await parse(spec, document));
      }
      return mergeFeedData(spec.kind, parts);
    },
    parseDocument: (datasetId: string, document: SourceDocument): Promise<FeedData> =>
      parse(specOf(datasetId), document),
  };
};
