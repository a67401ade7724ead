import type { HttpSource } from '../kit/http-source.js';
import { readDataMinerPage, type DataMinerReader } from './dataminer-page.js';

/** Rows per page: the most Data Miner 2 serves in one answer. */
export const DATAMINER_ROW_COUNT = 50_000;
/** Stops a search whose `next` links never end (a server bug); a 5-minute day of all pnodes needs 66 pages. */
const MAX_PAGES = 1000;

/** One Data Miner search: the feed and its filters (paging is added here). */
export interface DataMinerSearch {
  readonly feed: string;
  readonly params: readonly (readonly [string, string])[];
}

export const searchUrl = (baseUrl: string, search: DataMinerSearch): string => {
  const query = new URLSearchParams([
    ['rowCount', String(DATAMINER_ROW_COUNT)],
    ['startRow', '1'],
    ...search.params.map(([k, v]) => [k, v] as [string, string]),
  ]);
  return `${baseUrl}/api/v1/${search.feed}?${query.toString()}`;
};

/**
 * A `next` link moved onto our base URL: Data Miner writes absolute links to api.pjm.com, and following them
 * only on the configured host means the subscription key is never sent anywhere else.
 */
const onBase = (baseUrl: string, href: string): string => {
  const next = new URL(href, `${baseUrl}/`);
  return `${baseUrl}${next.pathname}${next.search}`;
};

/**
 * Runs one search and hands every page to `reader`, following `links.next` until the last page. A 404, an empty
 * body or `totalRows: 0` ends the search with whatever was read: data not published yet is no error.
 */
export const readAllPages = async (
  source: HttpSource,
  baseUrl: string,
  search: DataMinerSearch,
  reader: DataMinerReader,
  signal?: AbortSignal,
): Promise<void> => {
  let url: string | null = searchUrl(baseUrl, search);
  let rows = 0;
  const asked = new Set<string>();
  while (url !== null && asked.size < MAX_PAGES && !asked.has(url)) {
    asked.add(url);
    // Pages are named for messages: "da_hrl_lmps (page 2), line 1, items[17].total_lmp_da: …".
    const fetched = await source.getOptional(url, {
      signal,
      name: `${search.feed} (page ${asked.size})`,
    });
    const page = fetched === null ? null : readDataMinerPage(fetched);
    if (page === null) {
      return;
    }
    reader.addPage(page);
    rows += page.items.length;
    const done =
      page.nextHref === null ||
      page.items.length === 0 ||
      (page.totalRows !== null && rows >= page.totalRows);
    url = done ? null : onBase(baseUrl, page.nextHref);
  }
};
