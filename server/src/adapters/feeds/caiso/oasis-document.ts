import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { localToUtcMs } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { SourceDocument } from '../../../ports/market-feed.js';
import { sourceProblem } from '../kit/source-problem.js';
import { isZip, unzipDocument } from '../kit/zip.js';
import { CAISO_TIMEZONE } from './caiso-market.js';

/** One REPORT_DATA element of an OASIS XML report: its child elements as text, and where they are. */
export interface OasisXmlRow {
  readonly fields: Readonly<Record<string, string>>;
  /** The line of child element `field` (of the REPORT_DATA element itself when there is no such child). */
  readonly lineOf: (field: string) => number;
}

/** An OASIS XML report (`resultformat` other than 6): the header says what the rows mean. */
export interface OasisXmlReport {
  readonly document: SourceDocument;
  /** MessageHeader/TimeDate: when OASIS produced the report (UTC). */
  readonly producedAtMs: number;
  readonly items: readonly {
    readonly header: Readonly<Record<string, string>>;
    readonly rows: readonly OasisXmlRow[];
  }[];
}

/** What an OASIS answer holds once unpacked. */
export type OasisContent =
  | { readonly kind: 'csv'; readonly members: readonly SourceDocument[] }
  | { readonly kind: 'xml'; readonly report: OasisXmlReport }
  /** OASIS error 1000, "No data returned for the specified selection": not published (yet). */
  | { readonly kind: 'no-data' };

/** OASIS's in-band answer for "nothing matches": the report is not (yet) published for that window. */
const NO_DATA = '1000';
/** Request errors that mean the window lies outside what OASIS keeps (about 39 months back). */
const OUT_OF_RETENTION = '1014';

const META = XMLParser.getMetaDataSymbol() as unknown as string;

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  captureMetaData: true,
  isArray: (name) => name === 'REPORT_ITEM' || name === 'REPORT_DATA' || name === 'ERROR',
});

type XmlNode = Record<string, unknown>;

const asNode = (value: unknown): XmlNode | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as XmlNode)
    : undefined;

const asList = (value: unknown): XmlNode[] =>
  Array.isArray(value) ? value.map(asNode).filter((n): n is XmlNode => n !== undefined) : [];

/** Child elements with text content, e.g. REPORT_DATA's DATA_ITEM, VALUE, INTERVAL_START_GMT. */
const textFields = (node: XmlNode | undefined): Record<string, string> => {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(node ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') {
      fields[key] = String(value);
    }
  }
  return fields;
};

/** 1-based line of a character offset, by binary search over the offsets where lines start. */
const lineLocator = (text: string): ((offset: number) => number) => {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  };
};

const parseOasisXml = (document: SourceDocument): OasisContent => {
  const text = new TextDecoder('utf-8').decode(document.bytes).replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw sourceProblem(
      document.name,
      valid.err.line,
      null,
      `unreadable XML (truncated or malformed): ${valid.err.msg}`,
    );
  }
  const root = asNode(asNode(parser.parse(text))?.OASISReport);
  if (root === undefined) {
    throw sourceProblem(document.name, 1, 'OASISReport', 'not an OASIS report document');
  }
  const rto = asNode(asNode(root.MessagePayload)?.RTO);
  const error = asList(rto?.ERROR)[0];
  if (error !== undefined) {
    const { ERR_CODE: code = '?', ERR_DESC: description = 'no description' } = textFields(error);
    if (code === NO_DATA) {
      return { kind: 'no-data' };
    }
    const hint =
      code === OUT_OF_RETENTION
        ? ' OASIS keeps roughly the last 39 months; ask for a later window.'
        : ' The request or OASIS itself failed; the next scheduled run tries again.';
    throw new AppError(
      code === OUT_OF_RETENTION ? 'invalid_request' : 'upstream_unavailable',
      `CAISO OASIS answered ${document.name} with error ${code} "${description}".${hint}`,
    );
  }
  const producedAtMs = Date.parse(textFields(asNode(root.MessageHeader)).TimeDate ?? '');
  if (Number.isNaN(producedAtMs)) {
    throw sourceProblem(document.name, null, 'MessageHeader/TimeDate', 'missing or not a time');
  }
  const lineOf = lineLocator(text);
  const items = asList(rto?.REPORT_ITEM).map((item) => ({
    header: textFields(asNode(item.REPORT_HEADER)),
    rows: asList(item.REPORT_DATA).map((row) => {
      const start = (row[META] as { startIndex?: number } | undefined)?.startIndex ?? 0;
      return {
        fields: textFields(row),
        lineOf: (field: string) => {
          // Only this element's children: up to its closing tag.
          const element = text.slice(start, text.indexOf('REPORT_DATA>', text.indexOf('>', start)));
          const at = new RegExp(`<(?:\\w+:)?${field}>`).exec(element)?.index;
          return lineOf(start + (at ?? 0));
        },
      };
    }),
  }));
  return { kind: 'xml', report: { document, producedAtMs, items } };
};

const looksLikeXml = (bytes: Uint8Array): boolean => {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '');
  return head.trimStart().startsWith('<');
};

/**
 * Unpacks an OASIS answer as OASIS serves it (a SingleZip archive of one or more CSVs, or of an XML report or
 * error) or as a user saved it (the extracted CSV or XML). An OASIS error other than "no data" is an error:
 * the request was wrong or OASIS failed, and storing nothing silently would hide it.
 */
export const openOasisDocument = (document: SourceDocument): OasisContent => {
  if (document.bytes.length === 0) {
    throw sourceProblem(document.name, null, null, 'the document is empty');
  }
  if (!isZip(document.bytes)) {
    return looksLikeXml(document.bytes)
      ? parseOasisXml(document)
      : { kind: 'csv', members: [document] };
  }
  const members = unzipDocument(document);
  const xml = members.find((m) => /\.xml$/i.test(m.name));
  if (xml !== undefined) {
    return parseOasisXml(xml);
  }
  const csv = members.filter((m) => /\.csv$/i.test(m.name));
  if (csv.length === 0) {
    throw sourceProblem(document.name, null, null, 'the archive holds no CSV or XML report');
  }
  return { kind: 'csv', members: csv };
};

// OASIS names each file <start>_<end>_<REPORT>_<RUN>_<YYYYMMDD_HH_MM_SS>_v<n>: the time OASIS produced it.
const PRODUCED_STAMP = /_(\d{4})(\d{2})(\d{2})_(\d{2})_(\d{2})_(\d{2})_v\d+\.[a-z]+$/i;

/**
 * When OASIS produced a CSV report, from its file name. The stamp is Pacific wall-clock time: a report
 * requested at 21:19 UTC on 2026-07-27 (PDT) is named …_20260727_14_19_18_v1. Null when the name has none.
 */
export const oasisProducedAtMs = (name: string): number | null => {
  const match = PRODUCED_STAMP.exec(name);
  if (match === null) {
    return null;
  }
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  try {
    // The one repeated hour a year is read as its first occurrence; the stamp carries no offset to tell.
    return (
      localToUtcMs(CAISO_TIMEZONE, { year, month, day, hour, minute }, 'earlier') + second * 1000
    );
  } catch {
    return null;
  }
};
