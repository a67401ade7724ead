import { parseIsoDate, type IsoDate } from '../../../domain/time/zoned.js';
import type { SourceDocument } from '../../../ports/market-feed.js';
import { sourceProblem } from '../kit/source-problem.js';
import { isZip, unzipDocument } from '../kit/zip.js';

/**
 * The one CSV inside a zipped MISO report (the weekly 5-minute LMP archive), or the document itself when it is
 * served plain. An archive with no CSV, or with several, is reported rather than guessed at.
 */
export const unwrapCsv = (document: SourceDocument): SourceDocument => {
  if (!isZip(document.bytes)) {
    return document;
  }
  const members = unzipDocument(document, (name) => name.toLowerCase().endsWith('.csv'));
  const [only, ...others] = members;
  if (only === undefined || others.length > 0) {
    throw sourceProblem(
      document.name,
      null,
      null,
      `expected one CSV in the archive, found ${members.length === 0 ? 'none' : members.map((m) => m.name).join(', ')}`,
    );
  }
  return only;
};

/** The first `count` lines of a document's text (report titles, dates and notes that precede the header). */
export const leadingLines = (document: SourceDocument, count: number): string[] => {
  const head = new TextDecoder('utf-8').decode(document.bytes.subarray(0, 64 * 1024));
  return head
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(0, count);
};

/** `07/14/2026` (how MISO writes dates in report preambles) → `2026-07-14`, or null. */
export const usDateToIso = (text: string): IsoDate | null => {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) {
    return null;
  }
  const date = `${match[3]}-${match[1]?.padStart(2, '0')}-${match[2]?.padStart(2, '0')}`;
  try {
    parseIsoDate(date);
    return date;
  } catch {
    return null;
  }
};

/** Most trailing lines a report footer is allowed to take (a disclaimer, perhaps with blank lines around it). */
const MAX_FOOTER_LINES = 3;

/**
 * The document without its trailing footer: MISO ends some CSV reports with a disclaimer line (and blank lines)
 * that has none of the data columns. Footer lines are recognised as trailing lines that are blank or do not start
 * like a data row (`startsLikeData`), so a data line cut short by truncation is kept and fails loudly in the CSV
 * reader instead of being dropped. The first `headerLines` lines (preamble and header) are always kept.
 */
export const withoutFooter = (
  document: SourceDocument,
  startsLikeData: RegExp,
  headerLines: number,
): SourceDocument => {
  const { bytes } = document;
  // The preamble and header are never footer, even in a report with no data rows.
  let bodyStart = 0;
  for (let i = 0; i < headerLines && bodyStart >= 0; i++) {
    bodyStart = bytes.indexOf(0x0a, bodyStart) + 1 || -1;
  }
  let end = bytes.length;
  for (let dropped = 0; dropped < MAX_FOOTER_LINES && end > 0; dropped++) {
    let lineEnd = end;
    while (lineEnd > 0 && (bytes[lineEnd - 1] === 0x0a || bytes[lineEnd - 1] === 0x0d)) {
      lineEnd--;
    }
    const lineStart = lineEnd === 0 ? 0 : bytes.lastIndexOf(0x0a, lineEnd - 1) + 1;
    const line = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, lineEnd));
    if (
      bodyStart < 0 ||
      lineStart < bodyStart ||
      (line.trim() !== '' && startsLikeData.test(line))
    ) {
      break;
    }
    end = lineStart;
  }
  return end === bytes.length ? document : { ...document, bytes: bytes.subarray(0, end) };
};
