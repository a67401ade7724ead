import { instrumentId } from '../../../domain/instruments/instrument.js';
import { PriceBatchBuilder } from '../../../domain/prices/price-batch.js';
import { fixedOffsetToUtcMs } from '../../../domain/time/conventions.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { sourceProblem } from '../kit/source-problem.js';
import { kindFromCode, MISO_MARKET_ID, pricedLocation } from './miso-market.js';
import { EST_OFFSET_MINUTES } from './miso-time.js';

/*
 * MISO public API real-time 5-minute ex-post LMPs: `GET /api/MarketPricing/GetRealTimeFiveMinExPost/{Current,
 * Rolling,Previous}` (the latest interval, today so far, yesterday). The body is
 * `{"headers": ["INTERVAL", "CPNODE", "LMP", "MLC", "MCC"], "data": [["2025-12-03T00:00:00", "GRE.ALTW", "-1.64",
 * "-2.16", "-34.54"], …]}`: columns by header name, numbers as text, INTERVAL the interval start on the EST clock.
 */

const COLUMNS = ['INTERVAL', 'CPNODE', 'LMP', 'MLC', 'MCC'] as const;
type Column = (typeof COLUMNS)[number];

const FIVE_MINUTES_MS = 300_000;
const INTERVAL_TEXT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The line of a JSON syntax error, from the position V8 reports (or the last line when the text just ends). */
const syntaxErrorLine = (text: string, message: string): number => {
  const position = /at position (\d+)/.exec(message)?.[1];
  const upTo = position === undefined ? text.length : Number(position);
  let line = 1;
  for (let i = 0; i < upTo && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
    }
  }
  return line;
};

/**
 * The line on which row `row` of the top-level `data` array starts, found by scanning the text (JSON.parse keeps
 * no positions). Only called to report a problem, so the scan costs nothing on good files.
 */
const lineOfDataRow = (text: string, row: number): number | null => {
  const key = /"data"\s*:\s*\[/.exec(text);
  if (!key) {
    return null;
  }
  let line = 1 + (text.slice(0, key.index).match(/\n/g)?.length ?? 0);
  let depth = 0;
  let inString = false;
  let rows = -1;
  for (let i = key.index + key[0].length; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
    } else if (inString) {
      if (c === '\\') {
        i++;
      } else if (c === '"') {
        inString = false;
      }
    } else if (c === '"') {
      inString = true;
    } else if (c === '[' || c === '{') {
      if (depth === 0 && ++rows === row) {
        return line;
      }
      depth++;
    } else if (c === ']' || c === '}') {
      if (depth === 0) {
        return null;
      }
      depth--;
    }
  }
  return null;
};

const parseBody = (document: SourceDocument): { text: string; headers: unknown; data: unknown } => {
  const text = new TextDecoder('utf-8').decode(document.bytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw sourceProblem(
      document.name,
      syntaxErrorLine(text, message),
      null,
      `not valid JSON, truncated or malformed (${message})`,
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw sourceProblem(document.name, 1, null, 'expected a JSON object with headers and data');
  }
  const { headers, data } = body as Record<string, unknown>;
  return { text, headers, data };
};

const columnIndexes = (document: SourceDocument, headers: unknown): Record<Column, number> => {
  const names = Array.isArray(headers) ? headers.map((h) => String(h).trim()) : [];
  const missing = COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw sourceProblem(
      document.name,
      null,
      'headers',
      `missing ${missing.join(', ')}; the headers are: ${names.join(', ') || '(none)'}`,
    );
  }
  return Object.fromEntries(COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
};

/**
 * Parses a GetRealTimeFiveMinExPost response into RT5 prices for every CPNODE, energy derived as
 * LMP − MCC − MLC. Problems name the file and the record (`data[12].LMP`); a JSON syntax error names the line.
 */
export const parseMisoFiveMinuteApi = (document: SourceDocument): FeedData => {
  const { text, headers, data } = parseBody(document);
  const at = columnIndexes(document, headers);
  if (!Array.isArray(data)) {
    throw sourceProblem(document.name, null, 'data', 'expected an array of rows');
  }
  const builder = new PriceBatchBuilder(Math.max(16, data.length));
  const run = builder.runSlot('RT5');
  const slots = new Map<string, number>();
  const starts = new Map<string, number>();
  const problem = (row: number, column: Column | null, message: string): Error =>
    sourceProblem(
      document.name,
      lineOfDataRow(text, row),
      `data[${row}]${column ? `.${column}` : ''}`,
      message,
    );

  // Rows repeat the same few hundred interval texts and a few thousand node names: look them up as given first.
  const startOf = (row: number, value: unknown): number => {
    const known = typeof value === 'string' ? starts.get(value) : undefined;
    if (known !== undefined) {
      return known;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    let ms = starts.get(text);
    if (ms === undefined) {
      const m = INTERVAL_TEXT.exec(text);
      if (!m) {
        throw problem(
          row,
          'INTERVAL',
          `${JSON.stringify(value)} is not a time such as 2025-12-03T00:05:00`,
        );
      }
      const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
      if ((minute ?? 0) % 5 !== 0 || second !== 0) {
        throw problem(row, 'INTERVAL', `"${text}" is not the start of a 5-minute interval`);
      }
      try {
        ms = fixedOffsetToUtcMs(
          {
            year: year ?? 0,
            month: month ?? 0,
            day: day ?? 0,
            hour: hour ?? 0,
            minute: minute ?? 0,
          },
          EST_OFFSET_MINUTES,
        );
      } catch {
        throw problem(row, 'INTERVAL', `"${text}" is not a real date and time`);
      }
      starts.set(text, ms);
    }
    starts.set(value as string, ms);
    return ms;
  };
  const slotByCode = new Map<string, number>();
  const slotOf = (row: number, value: unknown): number => {
    const known = typeof value === 'string' ? slots.get(value) : undefined;
    if (known !== undefined) {
      return known;
    }
    const code = typeof value === 'string' ? value.trim() : '';
    if (code === '') {
      throw problem(row, 'CPNODE', 'no node');
    }
    let slot = slotByCode.get(code);
    if (slot === undefined) {
      slot = builder.instrumentSlot(instrumentId(MISO_MARKET_ID, code));
      slotByCode.set(code, slot);
    }
    slots.set(value as string, slot);
    return slot;
  };
  const priceOf = (row: number, column: Column, value: unknown): number => {
    const price =
      typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    // Number('') and Number('  ') are 0, not a missing price.
    if (
      !Number.isFinite(price) ||
      (price === 0 && typeof value === 'string' && value.trim() === '')
    ) {
      throw problem(row, column, `${JSON.stringify(value ?? null)} is not a price`);
    }
    return price;
  };

  // (node slot, interval) pairs already read, as numbers: a string key per row costs more than the parsing.
  const seen = new Set<number>();
  const INTERVALS_PER_SLOT = 2 ** 23; // 80 years of 5-minute intervals
  for (let row = 0; row < data.length; row++) {
    const record: unknown = data[row];
    if (!Array.isArray(record) || record.length < COLUMNS.length) {
      throw problem(row, null, `expected a row of ${COLUMNS.length} values`);
    }
    const slot = slotOf(row, record[at.CPNODE]);
    const start = startOf(row, record[at.INTERVAL]);
    const key = slot * INTERVALS_PER_SLOT + ((start / FIVE_MINUTES_MS) % INTERVALS_PER_SLOT);
    if (seen.has(key)) {
      const node = String(record[at.CPNODE]).trim();
      throw problem(row, 'CPNODE', `second row for ${node} at ${String(record[at.INTERVAL])}`);
    }
    seen.add(key);
    const lmp = priceOf(row, 'LMP', record[at.LMP]);
    const congestion = priceOf(row, 'MCC', record[at.MCC]);
    const loss = priceOf(row, 'MLC', record[at.MLC]);
    const energy = Math.round((lmp - congestion - loss) * 1e6) / 1e6;
    builder.addColumns(slot, run, start, 5, lmp, energy, congestion, loss, Number.NaN);
  }
  const instruments = [...slotByCode.keys()].map((code) =>
    pricedLocation(code, kindFromCode(code)),
  );
  return { kind: 'prices', prices: builder.build(), instruments };
};
