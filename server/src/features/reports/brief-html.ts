import type { BriefChart, BriefData } from './brief-data.js';
import type { PriceStats } from './brief-stats.js';

/** The chart library's files, read by the composition from the web workspace's uPlot and inlined in every brief. */
export interface ChartAssets {
  readonly script: string;
  readonly css: string;
}

/** The element the page adds once every chart is drawn; the PDF printer waits for it. */
export const CHARTS_READY_SELECTOR = '#charts-ready';

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** Prices and spreads as the tables print them: two decimals, a real minus sign kept ASCII for searching. */
export const formatPrice = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : value.toFixed(2);

/** JSON inside a script element: `<` escaped so no data can close the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

const statsCells = (stats: PriceStats | null): string =>
  [stats?.average, stats?.min, stats?.max, stats?.onPeak, stats?.offPeak]
    .map((v) => `<td class="num">${formatPrice(v)}</td>`)
    .join('');

const priceTable = (data: BriefData): string => {
  const rt = data.realTimeRun ?? 'RT';
  const header = `<tr><th>Hub</th><th>Run</th><th>Average</th><th>Min</th><th>Max</th>
    <th>On-peak (${escapeHtml(data.onPeakBucket)})</th><th>Off-peak</th></tr>`;
  const rows = data.hubs
    .flatMap((hub) => [
      `<tr data-instrument="${escapeHtml(hub.instrumentId)}" data-run="DA"><td>${escapeHtml(hub.name)}</td><td>DA</td>${statsCells(hub.dayAhead)}</tr>`,
      `<tr data-instrument="${escapeHtml(hub.instrumentId)}" data-run="${escapeHtml(rt)}"><td>${escapeHtml(hub.name)}</td><td>${escapeHtml(rt)}</td>${statsCells(hub.realTime)}</tr>`,
    ])
    .join('\n');
  return `<table class="prices"><thead>${header}</thead><tbody>${rows}</tbody></table>`;
};

const spreadTable = (data: BriefData): string => {
  const rows = data.hubs
    .map(
      (hub) =>
        `<tr data-instrument="${escapeHtml(hub.instrumentId)}"><td>${escapeHtml(hub.name)}</td>` +
        `<td class="num">${formatPrice(hub.spread?.average)}</td><td class="num">${formatPrice(hub.spread?.min)}</td>` +
        `<td class="num">${formatPrice(hub.spread?.max)}</td><td class="num">${hub.spread?.hours ?? 0}</td></tr>`,
    )
    .join('\n');
  return `<table class="spread"><thead><tr><th>Hub</th><th>Average DA − ${escapeHtml(data.realTimeRun ?? 'RT')}</th>
    <th>Min</th><th>Max</th><th>Hours</th></tr></thead><tbody>${rows}</tbody></table>`;
};

const qualitySection = (data: BriefData): string => {
  const q = data.quality;
  if (q.note !== null) {
    return `<p class="note">${escapeHtml(q.note)}</p>`;
  }
  const rows = q.lines
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.dataset)}</td><td class="num">${l.complete}</td><td class="num">${l.incomplete}</td>` +
        `<td class="num">${l.partial}</td><td class="num">${l.missingIntervals}</td></tr>`,
    )
    .join('\n');
  return `<p>Open problems recorded for the period: <strong class="open-problems">${q.openProblems}</strong>.</p>
    ${q.lines.length === 0 ? '<p class="note">No completeness records for the period.</p>' : `<table class="quality"><thead><tr><th>Dataset</th><th>Complete instrument-days</th><th>Incomplete</th><th>Partial</th><th>Missing intervals</th></tr></thead><tbody>${rows}</tbody></table>`}`;
};

const curveSection = (data: BriefData, chartIndex: number): string => {
  const c = data.curve;
  if (c === null) {
    return '<p class="note">No forward curve of this market is available to you.</p>';
  }
  const rows = c.months
    .map(
      (m) => `<tr><td>${escapeHtml(m.label)}</td><td class="num">${formatPrice(m.price)}</td></tr>`,
    )
    .join('\n');
  return `<p>${escapeHtml(c.name)} (${escapeHtml(c.id)}), as of ${escapeHtml(c.asOf)}, bucket ${escapeHtml(c.bucket)}.</p>
    <div class="chart" data-chart="${chartIndex}"></div>
    <table class="curve"><thead><tr><th>Delivery month</th><th>Price</th></tr></thead><tbody>${rows}</tbody></table>`;
};

const formatMw = (value: number): string => value.toFixed(0);

const fundamentalsSection = (data: BriefData, loadChartIndex: number): string => {
  const { load, mix } = data.fundamentals;
  if (load === null && mix === null) {
    return '<p class="note">No load or generation mix of this market is stored or available to you.</p>';
  }
  const loadPart =
    load === null
      ? ''
      : `<table class="load"><thead><tr><th>${escapeHtml(load.name)}</th><th>Average MW</th><th>Min MW</th><th>Peak MW</th><th>Energy MWh</th></tr></thead>
    <tbody><tr data-instrument="${escapeHtml(load.instrumentId)}"><td>Actual load</td><td class="num">${formatMw(load.averageMw)}</td><td class="num">${formatMw(load.minMw)}</td><td class="num">${formatMw(load.peakMw)}</td><td class="num">${formatMw(load.energyMwh)}</td></tr></tbody></table>
    <div class="chart" data-chart="${loadChartIndex}"></div>`;
  const mixPart =
    mix === null
      ? ''
      : `<table class="mix"><thead><tr><th>${escapeHtml(mix.name)}</th><th>Average MW</th><th>Share</th></tr></thead><tbody>${mix.shares
          .map(
            (f) =>
              `<tr data-fuel="${escapeHtml(f.fuel)}"><td>${escapeHtml(f.fuel)}</td><td class="num">${formatMw(f.averageMw)}</td><td class="num">${f.percent.toFixed(1)} %</td></tr>`,
          )
          .join('\n')}</tbody></table>`;
  return loadPart + mixPart;
};

/** The charts the page draws, in order, and where each section finds its own (-1: none). */
const chartsOf = (
  data: BriefData,
): { charts: BriefChart[]; price: number; load: number; curve: number } => {
  const charts: BriefChart[] = [...data.charts];
  const load = data.fundamentals.load ? 1 : -1;
  let curve = -1;
  if (data.curve) {
    curve = charts.length;
    charts.push({
      title: `${data.curve.id} monthly`,
      xs: data.curve.months.map((m) => Date.parse(`${m.label}-15T00:00:00Z`) / 1000),
      series: [{ label: data.curve.id, values: data.curve.months.map((m) => m.price) }],
    });
  }
  return { charts, price: 0, load, curve };
};

const PALETTE = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#bf3989', '#0a7b83'];

/** Draws each chart with uPlot into its `[data-chart=i]` element, then marks the page ready for printing. */
const DRAW_SCRIPT = `
(function () {
  var spec = JSON.parse(document.getElementById('brief-data').textContent);
  var palette = ${JSON.stringify(PALETTE)};
  if (typeof uPlot !== 'function') {
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      el.textContent = 'Charts unavailable: the chart library is not installed on this server.';
    });
    spec.charts = [];
  }
  spec.charts.forEach(function (chart, i) {
    var el = document.querySelector('[data-chart="' + i + '"]');
    if (!el) return;
    var opts = {
      title: chart.title,
      width: 900,
      height: 300,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), spec.zone); },
      series: [{}].concat(chart.series.map(function (s, j) {
        return { label: s.label, stroke: palette[j % palette.length], width: 1.5, spanGaps: false };
      })),
      axes: [{}, { label: chart.unit || spec.currency + '/MWh' }]
    };
    new uPlot(opts, [chart.xs].concat(chart.series.map(function (s) { return s.values; })), el);
  });
  var done = document.createElement('div');
  done.id = 'charts-ready';
  done.hidden = true;
  document.body.appendChild(done);
})();
`;

const STYLE = `
body { font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1f2328; margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 22px 0 8px; border-bottom: 1px solid #d0d7de; }
.meta { color: #59636e; margin: 0 0 12px; } .note { color: #59636e; font-style: italic; }
.synthetic { background: #fff8c5; border: 1px solid #d4a72c; padding: 4px 8px; display: inline-block; }
table { border-collapse: collapse; margin: 6px 0; } th, td { border: 1px solid #d0d7de; padding: 3px 8px; }
th { background: #f6f8fa; text-align: left; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart { margin: 8px 0; break-inside: avoid; } section { break-inside: avoid-page; }
`;

/** A self-contained brief: inline CSS, the chart library and the data inline, charts drawn on load. */
export const renderBriefHtml = (data: BriefData, assets: ChartAssets): string => {
  const { market, period } = data;
  const title = `${market.name} ${period.kind === 'daily' ? 'daily' : 'monthly'} brief — ${period.label}`;
  const layout = chartsOf(data);
  const spec = {
    zone: market.timezone,
    currency: market.currency,
    charts: layout.charts.map((c) => ({
      title: c.title,
      unit: c.unit ?? null,
      xs: c.xs,
      series: c.series,
    })),
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="generator" content="254Carbon reports">
<style>${assets.css}</style><style>${STYLE}</style></head>
<body data-market="${escapeHtml(market.id)}" data-period="${escapeHtml(period.label)}">
<h1>${escapeHtml(title)}</h1>
<p class="meta">Market-local ${period.kind === 'daily' ? 'day' : 'month'} ${escapeHtml(period.firstDay)} to ${escapeHtml(period.lastDay)} (${escapeHtml(market.timezone)}); prices in ${escapeHtml(market.currency)}/MWh, hourly averages; on-peak = ${escapeHtml(data.onPeakBucket)} of ${escapeHtml(data.calendar.id)}. Generated ${new Date(data.generatedAtMs).toISOString()}.</p>
${market.synthetic ? '<p class="synthetic">Synthetic market: generated data, not a real market.</p>' : ''}
<section><h2>Hub prices</h2>${priceTable(data)}</section>
<section><h2>${escapeHtml(layout.charts[layout.price]?.title ?? 'Prices')}</h2><div class="chart" data-chart="${layout.price}"></div></section>
<section><h2>Day-ahead − real-time spread</h2>${spreadTable(data)}</section>
<section><h2>Load and generation mix</h2>${fundamentalsSection(data, layout.load)}</section>
<section><h2>Data quality</h2>${qualitySection(data)}</section>
<section><h2>Forward curve</h2>${curveSection(data, layout.curve)}</section>
<script type="application/json" id="brief-data">${scriptJson(spec)}</script>
<script>${assets.script}</script>
<script>${DRAW_SCRIPT}</script>
</body></html>
`;
};
