import { AppError } from '../../../platform/errors.js';
import type { SourceDocument } from '../../../ports/market-feed.js';
import { requireSetting, type FeedContext } from '../kit/feed-context.js';
import type { HttpSource } from '../kit/http-source.js';
import { isBlankDocument } from './ercot-csv.js';
import { JsonReader, parseJsonDocument } from './ercot-json.js';
import { apiLocalTime, apiLocalTimeToUtcMs } from './ercot-time.js';

/** One ERCOT report: its MIS report type id (website listing) and EMIL id (Public API archive). */
export interface ErcotReport {
  readonly reportTypeId: number;
  /** Lower-case EMIL id as the Public API spells it in paths, e.g. `np4-190-cd`. */
  readonly emil: string;
}

/** A published document of a report, from the MIS listing or the Public API archive. */
export interface ErcotDocumentRef {
  readonly source: 'mis' | 'archive';
  readonly report: ErcotReport;
  readonly docId: string;
  readonly name: string;
  readonly publishedMs: number;
}

export interface ErcotClientOptions {
  /** One base URL standing in for www.ercot.com, api.ercot.com and the B2C sign-in host (tests). */
  readonly baseUrl?: string;
  /** Overrides the pacing between requests to one host (tests). */
  readonly minIntervalMs?: number;
}

const WEBSITE = 'https://www.ercot.com';
const PUBLIC_API = 'https://api.ercot.com';
const SIGN_IN = 'https://ercotb2c.b2clogin.com';
const TOKEN_PATH = '/ercotb2c.onmicrosoft.com/B2C_1_PUBAPI-ROPC-FLOW/oauth2/v2.0/token';
/** ERCOT's published client id for the Public API's password (ROPC) sign-in. */
const API_CLIENT_ID = 'fec253ea-0d06-4272-a5e6-b478baeecd70';
/** Tokens last an hour; a new one is fetched this long before the old one runs out. */
const TOKEN_MARGIN_MS = 5 * 60_000;
const ARCHIVE_PAGE_SIZE = 1000;
const HOUR_MS = 3_600_000;

const CREDENTIALS_HINT =
  'Check CARBON_ERCOT_USERNAME, CARBON_ERCOT_PASSWORD and CARBON_ERCOT_SUBSCRIPTION_KEY (apiexplorer.ercot.com).';

/** The CSV rendition of a report; every MIS report is also posted as an `_xml` twin, which is skipped. */
const isCsvDocument = (friendlyName: string, constructedName: string): boolean =>
  /_csv$/i.test(friendlyName) || /csv\.zip$/i.test(constructedName);

/**
 * ERCOT's document interfaces: the MIS website listing (keyless, recent days only) and download, the Public API
 * archive (every document since 2017 or so; needs an account and subscription key), and the public dashboards.
 * Requests to www.ercot.com are paced to one a second and the Public API to one every two seconds; 429 and 5xx
 * answers are retried with backoff by the HTTP source.
 */
export class ErcotClient {
  readonly #context: FeedContext;
  readonly #website: HttpSource;
  readonly #api: HttpSource;
  readonly #signIn: HttpSource;
  readonly #urls: { website: string; api: string; signIn: string };
  #token: Promise<{ idToken: string; expiresAtMs: number }> | null = null;

  constructor(context: FeedContext, options: ErcotClientOptions = {}) {
    this.#context = context;
    const base = options.baseUrl?.replace(/\/$/, '');
    this.#urls = {
      website: base ?? WEBSITE,
      api: base ?? PUBLIC_API,
      signIn: base ?? SIGN_IN,
    };
    this.#website = context.http({
      name: 'ERCOT website (MIS, dashboards)',
      minIntervalMs: options.minIntervalMs ?? 1000,
    });
    this.#api = context.http({
      name: 'ERCOT Public API',
      minIntervalMs: options.minIntervalMs ?? 2000,
      credentialsHint: CREDENTIALS_HINT,
    });
    this.#signIn = context.http({
      name: 'ERCOT Public API sign-in',
      minIntervalMs: options.minIntervalMs ?? 1000,
      credentialsHint: CREDENTIALS_HINT,
    });
  }

  /** Documents of `report` published in [fromMs, toMs), oldest first, CSV renditions only. */
  async published(
    report: ErcotReport,
    fromMs: number,
    toMs: number,
    purpose: string,
    signal?: AbortSignal,
  ): Promise<ErcotDocumentRef[]> {
    const listing = await this.#misListing(report, signal);
    const oldestMs = Math.min(...listing.map((doc) => doc.ref.publishedMs));
    const documents =
      listing.length > 0 && fromMs >= oldestMs
        ? listing.filter((doc) => doc.csv).map((doc) => doc.ref)
        : await this.#archiveListing(report, fromMs, toMs, purpose, signal);
    return documents
      .filter((doc) => doc.publishedMs >= fromMs && doc.publishedMs < toMs)
      .sort((a, b) => a.publishedMs - b.publishedMs || a.docId.localeCompare(b.docId));
  }

  /** A document's bytes, or null when ERCOT has nothing there yet (404 or an empty body). */
  async download(ref: ErcotDocumentRef, signal?: AbortSignal): Promise<SourceDocument | null> {
    // The download URLs name no file; the listing's name keeps the report and its publication time.
    const document =
      ref.source === 'mis'
        ? await this.#website.getOptional(
            `${this.#urls.website}/misdownload/servlets/mirDownload?doclookupId=${encodeURIComponent(ref.docId)}`,
            { signal, name: ref.name },
          )
        : await this.#api.getOptional(
            `${this.#urls.api}/api/public-reports/archive/${ref.report.emil}?download=${encodeURIComponent(ref.docId)}`,
            { signal, name: ref.name, headers: await this.#apiHeaders(signal) },
          );
    return document === null || isBlankDocument(document.bytes) ? null : document;
  }

  /** A dashboard's JSON (`supply-demand.json`, `fuel-mix.json`). */
  dashboard(file: string, signal?: AbortSignal): Promise<SourceDocument> {
    return this.#website.get(`${this.#urls.website}/api/1/services/read/dashboards/${file}`, {
      signal,
    });
  }

  async #misListing(
    report: ErcotReport,
    signal?: AbortSignal,
  ): Promise<{ ref: ErcotDocumentRef; csv: boolean }[]> {
    const document = await this.#website.get(
      // The `_` parameter defeats caches in front of the MIS: a stale listing would hide the newest postings
      // from a publication-time window, and the ingest would move past them.
      `${this.#urls.website}/misapp/servlets/IceDocListJsonWS?reportTypeId=${report.reportTypeId}&_=${Date.now()}`,
      { signal },
    );
    return parseMisListing(document, report);
  }

  async #archiveListing(
    report: ErcotReport,
    fromMs: number,
    toMs: number,
    purpose: string,
    signal?: AbortSignal,
  ): Promise<ErcotDocumentRef[]> {
    const headers = await this.#apiHeaders(signal, purpose);
    const refs: ErcotDocumentRef[] = [];
    // The archive takes Central wall-clock times; an hour either side covers the fall-back day's repeated hour,
    // and the exact range is applied to the parsed publication times.
    const query = new URLSearchParams({
      postDatetimeFrom: apiLocalTime(fromMs - HOUR_MS),
      postDatetimeTo: apiLocalTime(toMs + HOUR_MS),
      size: String(ARCHIVE_PAGE_SIZE),
    });
    for (let page = 1, pages = 1; page <= pages; page++) {
      query.set('page', String(page));
      const document = await this.#api.get(
        `${this.#urls.api}/api/public-reports/archive/${report.emil}?${query.toString()}`,
        { signal, headers },
      );
      const listing = parseArchiveListing(document, report);
      refs.push(...listing.refs);
      pages = listing.totalPages;
    }
    return refs;
  }

  /** Headers for the Public API: a B2C ID token (refreshed before it expires) and the subscription key. */
  async #apiHeaders(
    signal?: AbortSignal,
    purpose = 'ERCOT Public API',
  ): Promise<Record<string, string>> {
    const { credentials } = this.#context;
    const username = requireSetting(credentials.ercotUsername, 'CARBON_ERCOT_USERNAME', purpose);
    const password = requireSetting(credentials.ercotPassword, 'CARBON_ERCOT_PASSWORD', purpose);
    const key = requireSetting(
      credentials.ercotSubscriptionKey,
      'CARBON_ERCOT_SUBSCRIPTION_KEY',
      purpose,
    );
    let token = this.#token === null ? null : await this.#token.catch(() => null);
    if (token === null || Date.now() >= token.expiresAtMs - TOKEN_MARGIN_MS) {
      this.#token = this.#signInWith(username, password, signal);
      token = await this.#token;
    }
    return { authorization: `Bearer ${token.idToken}`, 'ocp-apim-subscription-key': key };
  }

  async #signInWith(
    username: string,
    password: string,
    signal?: AbortSignal,
  ): Promise<{ idToken: string; expiresAtMs: number }> {
    const form = new URLSearchParams({
      username,
      password,
      grant_type: 'password',
      scope: `openid ${API_CLIENT_ID} offline_access`,
      client_id: API_CLIENT_ID,
      response_type: 'id_token',
    });
    let answer: SourceDocument;
    try {
      answer = await this.#signIn.get(`${this.#urls.signIn}${TOKEN_PATH}`, {
        method: 'POST',
        body: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        signal,
      });
    } catch (error) {
      // B2C refuses a wrong password with 400 invalid_grant, which the HTTP source does not read as a credential
      // problem; say which settings to check.
      if (error instanceof AppError && /HTTP 400\b/.test(error.message)) {
        throw new AppError('upstream_unavailable', `${error.message} ${CREDENTIALS_HINT}`, {
          cause: error,
        });
      }
      throw error;
    }
    const body = new JsonReader(answer, parseJsonDocument(answer), '');
    const idToken = body.at('id_token').text();
    const expiresIn = body.at('expires_in').present ? body.at('expires_in').number() : 3600;
    return { idToken, expiresAtMs: Date.now() + expiresIn * 1000 };
  }
}

/**
 * The MIS listing (`IceDocListJsonWS`): `ListDocsByRptTypeRes.DocumentList[].Document{DocID, FriendlyName,
 * ConstructedName, PublishDate (ISO with offset)}`.
 */
export const parseMisListing = (
  document: SourceDocument,
  report: ErcotReport,
): { ref: ErcotDocumentRef; csv: boolean }[] => {
  const root = new JsonReader(document, parseJsonDocument(document), '');
  const list = root.at('ListDocsByRptTypeRes').at('DocumentList');
  if (!list.present) {
    return [];
  }
  return list.items().map((item) => {
    const doc = item.at('Document');
    const published = doc.at('PublishDate');
    const publishedMs = Date.parse(published.text());
    if (!Number.isFinite(publishedMs)) {
      throw published.problem(`"${published.text()}" is not a time with offset`);
    }
    const friendlyName = doc.at('FriendlyName').text();
    const constructedName = doc.at('ConstructedName').text();
    const docId = doc.at('DocID');
    return {
      ref: {
        source: 'mis',
        report,
        docId: String(typeof docId.value === 'number' ? docId.number() : docId.text()),
        name: constructedName,
        publishedMs,
      },
      csv: isCsvDocument(friendlyName, constructedName),
    };
  });
};

/**
 * A Public API archive listing: `{_meta{totalPages,…}, archives[{docId, friendlyName, postDatetime}]}`.
 * postDatetime is Central wall-clock time; "xhr" in a friendly name marks the repeated hour's documents.
 */
export const parseArchiveListing = (
  document: SourceDocument,
  report: ErcotReport,
): { refs: ErcotDocumentRef[]; totalPages: number } => {
  const root = new JsonReader(document, parseJsonDocument(document), '');
  const pages = root.at('_meta').at('totalPages');
  const archives = root.at('archives');
  const refs = (archives.present ? archives.items() : []).flatMap((item): ErcotDocumentRef[] => {
    const friendlyName = item.at('friendlyName').text();
    if (/_xml$/i.test(friendlyName)) {
      return [];
    }
    const posted = item.at('postDatetime');
    let publishedMs: number;
    try {
      publishedMs = apiLocalTimeToUtcMs(posted.text(), /xhr/i.test(friendlyName));
    } catch (error) {
      throw posted.problem((error as Error).message);
    }
    const docId = item.at('docId');
    return [
      {
        source: 'archive',
        report,
        docId: String(typeof docId.value === 'number' ? docId.number() : docId.text()),
        name: friendlyName,
        publishedMs,
      },
    ];
  });
  return { refs, totalPages: pages.present ? pages.number() : 1 };
};
