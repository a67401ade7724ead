import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ChromiumPdfRenderer } from '../server/src/adapters/pdf/chromium-pdf.js';
import { openPlatform, prepareAccess, prepareDemoCurve } from '../server/src/composition.js';
import { CHARTS_READY_SELECTOR } from '../server/src/features/reports/brief-html.js';
import { ManualClock } from '../server/src/platform/clock.js';
import { loadConfig } from '../server/src/platform/config.js';
import { silentLogger } from '../server/src/platform/logger.js';

// Wednesday 2026-04-01 18:00 UTC: the simulator's March is complete, so the monthly brief covers a whole month.
const NOW = Date.UTC(2026, 3, 1, 18);
const BACKFILL_DAYS = 33;

export interface ReportsBenchResult {
  readonly storedDays: number;
  readonly dailySeconds: number;
  readonly monthlySeconds: number;
  readonly dailyHtmlBytes: number;
  readonly dailyPdfBytes: number;
  readonly monthlyHtmlBytes: number;
  readonly monthlyPdfBytes: number;
  /** Printing the daily brief's HTML alone (browser start, chart drawing, PDF), or null without Chromium. */
  readonly pdfOnlySeconds: number | null;
  readonly pdfStatus: string;
}

/** The simulator's SIM market over a month (3 hubs, DA and RT5, load and mix), then one daily and one monthly brief. */
export const runReportsBench = async (dataDir: string): Promise<ReportsBenchResult> => {
  const file = join(dataDir, 'reports-bench.duckdb');
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
  const clock = new ManualClock(NOW);
  const config = loadConfig({
    CARBON_DUCKDB_FILE: file,
    CARBON_LOG_LEVEL: 'silent',
    CARBON_SCHEDULER_ENABLED: 'false',
  });
  const platform = await openPlatform(config, { logger: silentLogger(), clock });
  try {
    await platform.ingest.ingest({
      feed: 'sim',
      range: { fromMs: NOW - BACKFILL_DAYS * 86_400_000, toMs: NOW },
    });
    await prepareAccess(platform);
    await prepareDemoCurve(platform);
    const { principal, context } = platform.caller;
    const timed = async (kind: 'daily' | 'monthly', period: string) => {
      const began = performance.now();
      const queued = await platform.reports.request(
        principal,
        { market: 'SIM', kind, period },
        context,
      );
      const done = await platform.reports.settled(queued.id);
      const seconds = (performance.now() - began) / 1000;
      if (done?.status !== 'succeeded') {
        throw new Error(`the ${kind} brief failed: ${done?.message ?? 'unknown'}`);
      }
      return { seconds, record: done };
    };
    const daily = await timed('daily', '2026-03-31');
    const monthly = await timed('monthly', '2026-03');
    let pdfOnlySeconds: number | null = null;
    if (daily.record.pdfStatus === 'rendered') {
      const html = await platform.reports.document(principal, daily.record.id, 'html', context);
      const began = performance.now();
      await new ChromiumPdfRenderer().render(Buffer.from(html.bytes).toString('utf8'), {
        readySelector: CHARTS_READY_SELECTOR,
      });
      pdfOnlySeconds = (performance.now() - began) / 1000;
    }
    return {
      storedDays: BACKFILL_DAYS,
      dailySeconds: daily.seconds,
      monthlySeconds: monthly.seconds,
      dailyHtmlBytes: daily.record.htmlBytes,
      dailyPdfBytes: daily.record.pdfBytes,
      monthlyHtmlBytes: monthly.record.htmlBytes,
      monthlyPdfBytes: monthly.record.pdfBytes,
      pdfOnlySeconds,
      pdfStatus: daily.record.pdfStatus,
    };
  } finally {
    await platform.close();
    rmSync(file, { force: true });
    rmSync(`${file}.wal`, { force: true });
  }
};

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

export const reportsSection = (r: ReportsBenchResult): string => `## Market briefs (HTML and PDF)

The simulator's SIM market with ${r.storedDays} days stored (3 hubs, DA and RT5, load and generation mix) and its
demo forward curve; one brief generated end to end through \`ReportsService\` (hourly prices through the price
query, statistics, quality summary, curve, HTML with uPlot inline, then the PDF printed by headless Chromium and
both stored).

| brief | end to end | HTML | PDF |
| --- | --- | --- | --- |
| daily (2026-03-31) | ${r.dailySeconds.toFixed(2)} s | ${kb(r.dailyHtmlBytes)} | ${r.dailyPdfBytes > 0 ? kb(r.dailyPdfBytes) : r.pdfStatus} |
| monthly (2026-03) | ${r.monthlySeconds.toFixed(2)} s | ${kb(r.monthlyHtmlBytes)} | ${r.monthlyPdfBytes > 0 ? kb(r.monthlyPdfBytes) : r.pdfStatus} |

${r.pdfOnlySeconds === null ? 'Chromium was not available: no PDF timings.' : `Printing alone (browser start, charts drawn, A4 PDF): ${r.pdfOnlySeconds.toFixed(2)} s of the daily brief's time.`}
`;
