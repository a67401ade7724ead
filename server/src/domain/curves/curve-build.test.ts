import { describe, expect, it } from 'vitest';
import { US_EASTERN, bucketHours } from '../calendar/peak-buckets.js';
import { localDayBounds } from '../time/zoned.js';
import { CurveBuildError, buildCurve, selectQuotes } from './curve-build.js';
import type { CurveBucket, CurveDefinition, ForwardQuote, ShapeModel } from './curve-model.js';
import { curveSeries } from './curve-series.js';
import { parseDeliveryPeriod } from './delivery-period.js';

const AS_OF = '2026-11-20';

const midnight = (zone: string, date: string): number => localDayBounds(zone, date).startMs;

const POWER: CurveDefinition = {
  id: 'PJM-WH-POWER',
  name: 'PJM Western Hub',
  market: 'PJM',
  commodity: 'power',
  calendar: 'US_EASTERN',
  currency: 'USD',
  unit: 'USD/MWh',
  shapeInstrument: null,
  extension: { longRunLevel: 55, escalationPerYear: 0.02, reversionYears: 3 },
  method: { smoothness: 1, priorWeight: 1e-4, shapeHistoryYears: 3, staleAfterDays: 5 },
};

const GAS: CurveDefinition = {
  ...POWER,
  id: 'HH-GAS',
  name: 'Henry Hub',
  commodity: 'gas',
  calendar: 'US_CENTRAL',
  unit: 'USD/MMBtu',
  extension: { longRunLevel: null, escalationPerYear: 0.02, reversionYears: 2 },
};

const quote = (
  contract: string,
  bucket: CurveBucket,
  prices: Partial<Pick<ForwardQuote, 'settle' | 'mid' | 'bid' | 'ask'>>,
  extra: Partial<ForwardQuote> = {},
): ForwardQuote => ({
  curveId: extra.curveId ?? POWER.id,
  asOf: AS_OF,
  ...parseDeliveryPeriod(contract, AS_OF),
  bucket,
  settle: null,
  mid: null,
  bid: null,
  ask: null,
  source: 'test',
  quoteDate: AS_OF,
  ...prices,
  ...extra,
});

/** A desk's typical marks: front months with peak, quarters, calendars to 2031. */
const deskQuotes = (): ForwardQuote[] => [
  quote('Dec-26', '7x24', { settle: 48.1 }),
  quote('Dec-26', '5x16', { settle: 57.3 }),
  quote('Jan-27', '7x24', { settle: 62.4 }),
  quote('Jan-27', '5x16', { settle: 74.9 }),
  quote('Feb-27', '7x24', { settle: 55.2 }),
  quote('Mar-27', '7x24', { settle: 44.75 }),
  quote('Q2-27', '7x24', { settle: 39.5 }),
  quote('Q2-27', '5x16', { settle: 46.1 }),
  quote('Q3-27', '7x24', { settle: 58.3 }),
  quote('Q3-27', '5x16', { settle: 73.0 }),
  quote('Q4-27', '7x24', { settle: 47.2 }),
  quote('Cal-28', '7x24', { settle: 50.6 }),
  quote('Cal-29', '7x24', { settle: 49.9 }),
  quote('Cal-30', '7x24', { settle: 50.3 }),
  quote('Cal-31', '7x24', { settle: 51.0 }),
];

/** Hourly prices of a bucket over a quote's delivery, straight from the served hourly curve. */
const hourlyAverage = (
  definition: CurveDefinition,
  built: ReturnType<typeof buildCurve>,
  q: ForwardQuote,
) => {
  const lastDay = new Date(Date.parse(q.deliveryEnd) - 86_400_000).toISOString().slice(0, 10);
  const points = curveSeries(definition, built.values, {
    granularity: 'hour',
    bucket: q.bucket,
    fromDay: q.deliveryStart,
    toDay: lastDay,
  });
  return { mean: points.reduce((s, p) => s + p.price, 0) / points.length, hours: points.length };
};

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('buildCurve (power, US buckets)', () => {
  const built = buildCurve({ definition: POWER, asOf: AS_OF, quotes: deskQuotes(), shape: null });

  it('reproduces every quote as the plain average of its hours, DST and holidays included', () => {
    for (const q of deskQuotes()) {
      const { mean, hours } = hourlyAverage(POWER, built, q);
      const zone = US_EASTERN.zone;
      const expectedHours = bucketHours(
        US_EASTERN,
        q.bucket,
        midnight(zone, q.deliveryStart),
        midnight(zone, q.deliveryEnd),
      );
      expect(hours, `${q.contract} ${q.bucket} hours`).toBe(expectedHours);
      expect(relative(mean, q.settle as number), `${q.contract} ${q.bucket}`).toBeLessThan(1e-9);
    }
    expect(built.diagnostics.maxAbsResidual).toBeLessThan(1e-9);
    expect(built.diagnostics.residuals.every((r) => r.constraint === 'equal')).toBe(true);
  });

  it('counts the 23- and 25-hour days: March 2027 has 743 hours of 7x24, November 2027 721', () => {
    const march = curveSeries(POWER, built.values, {
      granularity: 'hour',
      bucket: '7x24',
      fromDay: '2027-03-01',
      toDay: '2027-03-31',
    });
    const november = curveSeries(POWER, built.values, {
      granularity: 'hour',
      bucket: '7x24',
      fromDay: '2027-11-01',
      toDay: '2027-11-30',
    });
    expect(march).toHaveLength(743);
    expect(november).toHaveLength(721);
    // The repeated hour is labelled with both offsets, so no label is given twice.
    expect(new Set(november.map((p) => p.label)).size).toBe(721);
    expect(
      november.filter((p) => p.label.startsWith('2027-11-07T01:00')).map((p) => p.label),
    ).toEqual(['2027-11-07T01:00-04:00', '2027-11-07T01:00-05:00']);
  });

  it('derives off-peak from base and peak with hour weights, and the curve holds it', () => {
    const jan = deskQuotes().filter((q) => q.contract === 'Jan-2027');
    const zone = US_EASTERN.zone;
    const from = midnight(zone, '2027-01-01');
    const to = midnight(zone, '2027-02-01');
    const hBase = bucketHours(US_EASTERN, '7x24', from, to);
    const hPeak = bucketHours(US_EASTERN, '5x16', from, to);
    // Jan 2027: 21 weekdays, less New Year's Day (a NERC holiday), of 16 peak hours each.
    expect(hPeak).toBe(20 * 16);
    const derived = (62.4 * hBase - 74.9 * hPeak) / (hBase - hPeak);
    const wrap = hourlyAverage(POWER, built, { ...jan[0]!, bucket: 'wrap' });
    expect(relative(wrap.mean, derived)).toBeLessThan(1e-9);
    const note = built.diagnostics.warnings.find(
      (w) => w.code === 'derived-offpeak' && w.message.startsWith('Jan-2027'),
    );
    expect(note?.message).toContain(String(Math.round(derived * 1e4) / 1e4));
  });

  it('runs to 31 December 2050 and reverts towards the long-run level without a cliff', () => {
    const months = curveSeries(POWER, built.values, { granularity: 'month', bucket: '7x24' });
    expect(months[0]?.label).toBe('2026-11');
    expect(months.at(-1)?.label).toBe('2050-12');
    const days = curveSeries(POWER, built.values, { granularity: 'day', bucket: '7x24' });
    expect(days.at(-1)?.label).toBe('2050-12-31');
    const lastQuoted = days.findIndex((p) => p.label === '2031-12-31');
    const steps = days
      .slice(lastQuoted - 60, lastQuoted + 60)
      .slice(1)
      .map((p, i) => Math.abs(p.price - (days[lastQuoted - 60 + i]?.price ?? 0)));
    expect(Math.max(...steps)).toBeLessThan(0.25);
    // 2050 sits near the long-run level escalated from the as-of date (55 · 1.02^24 ≈ 88.2).
    const cal50 = months.filter((m) => m.label.startsWith('2050'));
    const mean50 = cal50.reduce((s, m) => s + m.price, 0) / cal50.length;
    expect(mean50).toBeGreaterThan(80);
    expect(mean50).toBeLessThan(95);
    expect(built.diagnostics.lastQuotedDay).toBe('2031-12-31');
    expect(built.diagnostics.warnings.some((w) => w.code === 'extension')).toBe(true);
  });

  it('adds up: hour-weighted days give the month, months the quarter, quarters the calendar year', () => {
    const zone = US_EASTERN.zone;
    const hoursOf = (from: string, to: string, bucket: CurveBucket) =>
      bucketHours(US_EASTERN, bucket, midnight(zone, from), midnight(zone, to));
    for (const bucket of ['7x24', '5x16', 'wrap', '7x8'] as const) {
      const months = curveSeries(POWER, built.values, {
        granularity: 'month',
        bucket,
        fromDay: '2028-01-01',
        toDay: '2028-12-31',
      });
      const days = curveSeries(POWER, built.values, {
        granularity: 'day',
        bucket,
        fromDay: '2028-01-01',
        toDay: '2028-12-31',
      });
      const monthHours = months.map((m) => {
        const [y, mo] = m.label.split('-').map(Number) as [number, number];
        const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
        return hoursOf(`${m.label}-01`, next, bucket);
      });
      const weighted = (prices: number[], weights: number[]) =>
        prices.reduce((s, p, i) => s + p * (weights[i] as number), 0) /
        weights.reduce((s, w) => s + w, 0);
      // Days → months.
      months.forEach((m, i) => {
        const inMonth = days.filter((d) => d.label.startsWith(m.label));
        const dayHours = inMonth.map((d) =>
          hoursOf(
            d.label,
            new Date(Date.parse(d.label) + 86_400_000).toISOString().slice(0, 10),
            bucket,
          ),
        );
        expect(
          relative(
            weighted(
              inMonth.map((d) => d.price),
              dayHours,
            ),
            m.price,
          ),
        ).toBeLessThan(1e-12);
        expect(dayHours.reduce((s, h) => s + h, 0)).toBe(monthHours[i]);
      });
      // Months → quarters → year; the 7x24 year is the Cal-28 settlement.
      const quarters = [0, 1, 2, 3].map((q) =>
        weighted(
          months.slice(q * 3, q * 3 + 3).map((m) => m.price),
          monthHours.slice(q * 3, q * 3 + 3),
        ),
      );
      const quarterHours = [0, 1, 2, 3].map((q) =>
        monthHours.slice(q * 3, q * 3 + 3).reduce((s, h) => s + h, 0),
      );
      const year = weighted(quarters, quarterHours);
      expect(
        relative(
          year,
          weighted(
            months.map((m) => m.price),
            monthHours,
          ),
        ),
      ).toBeLessThan(1e-12);
      if (bucket === '7x24') {
        expect(relative(year, 50.6)).toBeLessThan(1e-9);
      }
    }
  });

  it('gives the same numbers for the same inputs', () => {
    const again = buildCurve({
      definition: POWER,
      asOf: AS_OF,
      quotes: deskQuotes().reverse(),
      shape: null,
    });
    again.values.daily.forEach((values, e) => {
      expect(Array.from(values)).toEqual(Array.from(built.values.daily[e] ?? []));
    });
  });
});

describe('buildCurve diagnostics and refusals', () => {
  it('names the quotes that contradict each other instead of averaging them', () => {
    const quotes = [
      quote('Jan-27', '7x24', { settle: 60 }),
      quote('Feb-27', '7x24', { settle: 55 }),
      quote('Mar-27', '7x24', { settle: 45 }),
      quote('Q1-27', '7x24', { settle: 58 }),
    ];
    const attempt = () => buildCurve({ definition: POWER, asOf: AS_OF, quotes, shape: null });
    expect(attempt).toThrow(CurveBuildError);
    try {
      attempt();
    } catch (error) {
      expect((error as CurveBuildError).contracts).toEqual(
        expect.arrayContaining(['Jan-2027 7x24', 'Feb-2027 7x24', 'Mar-2027 7x24', 'Q1-2027 7x24']),
      );
    }
  });

  it('uses a quote that follows from others when it agrees with them, and says so', () => {
    const hours = (contract: string) => {
      const p = parseDeliveryPeriod(contract, AS_OF);
      return bucketHours(
        US_EASTERN,
        '7x24',
        midnight(US_EASTERN.zone, p.deliveryStart),
        midnight(US_EASTERN.zone, p.deliveryEnd),
      );
    };
    const q1 =
      (60 * hours('Jan-27') + 55 * hours('Feb-27') + 45 * hours('Mar-27')) / hours('Q1-27');
    const built = buildCurve({
      definition: POWER,
      asOf: AS_OF,
      quotes: [
        quote('Jan-27', '7x24', { settle: 60 }),
        quote('Feb-27', '7x24', { settle: 55 }),
        quote('Mar-27', '7x24', { settle: 45 }),
        quote('Q1-27', '7x24', { settle: q1 }),
      ],
      shape: null,
    });
    expect(built.diagnostics.maxAbsResidual).toBeLessThan(1e-8);
    expect(built.diagnostics.warnings.some((w) => w.code === 'redundant-quote')).toBe(true);
  });

  it('keeps bid/ask quotes inside their band and reports crossed markets and stale quotes', () => {
    const built = buildCurve({
      definition: POWER,
      asOf: AS_OF,
      quotes: [
        quote('Jan-27', '7x24', { settle: 60 }),
        quote('Feb-27', '7x24', { bid: 30, ask: 31 }),
        quote('Mar-27', '7x24', { bid: 52, ask: 50 }),
        quote('Cal-28', '7x24', { settle: 50 }, { quoteDate: '2026-11-02' }),
      ],
      shape: null,
    });
    const feb = built.diagnostics.residuals.find((r) => r.contract === 'Feb-2027');
    expect(feb?.side).toBe('band');
    expect(feb?.average).toBeGreaterThanOrEqual(30 - 1e-9);
    expect(feb?.average).toBeLessThanOrEqual(31 + 1e-9);
    // Between Jan at 60 and a low band, the smooth curve leans on the band's upper side.
    expect(feb?.constraint).toBe('high');
    const mar = built.diagnostics.residuals.find((r) => r.contract === 'Mar-2027');
    expect(mar?.target).toBe(51);
    const codes = built.diagnostics.warnings.map((w) => w.code);
    expect(codes).toContain('crossed-band');
    expect(codes).toContain('stale-quote');
    expect(codes).toContain('gap');
  });

  it('allows negative prices, with no multiplicative shaping near zero', () => {
    const built = buildCurve({
      definition: POWER,
      asOf: AS_OF,
      quotes: [
        quote('Apr-27', '5x16', { settle: -5 }),
        quote('Apr-27', '7x24', { settle: 2 }),
        quote('May-27', '7x24', { settle: -1.5 }),
      ],
      shape: null,
    });
    expect(built.diagnostics.maxAbsResidual).toBeLessThan(1e-9);
    const days = curveSeries(POWER, built.values, { granularity: 'day', bucket: '5x16' });
    expect(days.some((d) => d.price < 0)).toBe(true);
    expect(days.every((d) => Number.isFinite(d.price))).toBe(true);
  });

  it('refuses a quote whose bucket has no hours in its delivery', () => {
    const attempt = () =>
      buildCurve({
        definition: POWER,
        asOf: AS_OF,
        quotes: [quote('2027-01-05', '2x16', { settle: 40 })],
        shape: null,
      });
    expect(attempt).toThrow(/2027-01-05 2x16 delivers no hours/);
  });
});

describe('buildCurve (gas, whole days)', () => {
  it('weighs every gas day alike, 23- and 25-hour days included', () => {
    const quotes = [
      quote('Mar-27', '7x24', { settle: 3.1 }, { curveId: GAS.id }),
      quote('Nov-27', '7x24', { settle: 3.6 }, { curveId: GAS.id }),
      quote('Cal-28', '7x24', { settle: 3.9 }, { curveId: GAS.id }),
    ];
    const built = buildCurve({ definition: GAS, asOf: AS_OF, quotes, shape: null });
    for (const q of quotes) {
      const days = curveSeries(GAS, built.values, {
        granularity: 'day',
        bucket: '7x24',
        fromDay: q.deliveryStart,
        toDay: new Date(Date.parse(q.deliveryEnd) - 86_400_000).toISOString().slice(0, 10),
      });
      const mean = days.reduce((s, d) => s + d.price, 0) / days.length;
      expect(relative(mean, q.settle as number)).toBeLessThan(1e-9);
    }
  });
});

describe('buildCurve with a seasonal and hourly shape', () => {
  it('shapes the hours and seasons without moving any contract average', () => {
    const hourly = Array.from({ length: 12 }, () =>
      [0, 1].map(() =>
        Float64Array.from({ length: 24 }, (_, h) => 8 * Math.sin(((h - 6) / 24) * 2 * Math.PI)),
      ),
    );
    const shape: ShapeModel = {
      buckets: ['5x16', '2x16', '7x8'],
      seasonal: [
        Float64Array.from({ length: 12 }, (_, m) => 10 + (m === 6 || m === 7 ? 15 : 0)),
        Float64Array.from({ length: 12 }, () => 3),
        Float64Array.from({ length: 12 }, () => -8),
      ],
      hourly,
      days: 730,
      fromDay: '2024-11-01',
      toDay: '2026-10-31',
    };
    const quotes = deskQuotes();
    const built = buildCurve({ definition: POWER, asOf: AS_OF, quotes, shape });
    for (const q of quotes) {
      expect(relative(hourlyAverage(POWER, built, q).mean, q.settle as number)).toBeLessThan(1e-9);
    }
    // The summer premium of the shape shows in the extension's 5x16 months.
    const months = curveSeries(POWER, built.values, { granularity: 'month', bucket: '5x16' });
    const july40 = months.find((m) => m.label === '2040-07')?.price ?? 0;
    const april40 = months.find((m) => m.label === '2040-04')?.price ?? 0;
    expect(july40 - april40).toBeGreaterThan(10);
  });
});

describe('selectQuotes', () => {
  it('takes the latest mark per contract, settlements before mids, and drops expired deliveries', () => {
    const older = quote('Jan-27', '7x24', { settle: 60 }, { asOf: '2026-11-18' });
    const newer = quote('Jan-27', '7x24', { mid: 61 }, { asOf: '2026-11-19' });
    const settle = quote('Jan-27', '7x24', { settle: 61.5 }, { asOf: '2026-11-19', source: 'zz' });
    const future = quote('Feb-27', '7x24', { settle: 50 }, { asOf: '2026-11-21' });
    const expired = quote('2026-11-20', '7x24', { settle: 40 });
    expect(selectQuotes([older, newer, settle, future, expired], AS_OF)).toEqual([settle]);
  });
});
