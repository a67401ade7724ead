import { mkdir, rm, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportRequest } from '@254carbon/contracts';
import type { Principal } from '../../domain/access/principal.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, invalidRequest, isAppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Logger } from '../../platform/logger.js';
import type { ExportRecord, ExportStore, FileFormat } from '../../ports/export-store.js';
import type { AccessService } from '../access/access.service.js';
import type { AuditService } from '../access/audit.service.js';
import type { RequestContext } from '../access/request-context.js';
import type { ExportDatasets, PreparedExport } from './export-datasets.js';
import { canonicalJson, fileChecksum, fileExtension, sha256Hex } from './export-files.js';
import type { ExportLinks } from './export-links.js';

export type { ExportRecord };

export interface ExportSettings {
  /** Where files are written; created if missing. */
  readonly dir: string;
  readonly maxRows: number;
  readonly maxBytes: number;
  /** How long a finished export (file and record) is kept. */
  readonly ttlMs: number;
  /** How long one download link stays valid (never past the export's own expiry). */
  readonly linkTtlMs: number;
}

export interface ExportCreated {
  readonly record: ExportRecord;
  /** False when the Idempotency-Key named an earlier export of the same request. */
  readonly created: boolean;
}

/** What a valid download link opens. */
export interface ExportDownload {
  readonly record: ExportRecord;
  readonly file: string;
  readonly downloadName: string;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const MAX_LIST = 200;

const unknownExport = (id: string): AppError =>
  new AppError('not_found', `No export ${id} (exports are kept until they expire).`);

/**
 * Asynchronous exports of predefined datasets to CSV or Parquet. Creating one validates it and checks access at
 * once (a bad or unentitled request is refused before anything is queued, and nothing is stored); the file is then
 * written in the background, one export at a time, checked against the row and byte caps, checksummed and kept
 * until it expires. Only the owner tenant sees an export; the file is fetched through a signed, expiring link.
 */
export class ExportsService {
  readonly #store: ExportStore;
  readonly #access: AccessService;
  readonly #audit: AuditService;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #links: ExportLinks;
  readonly #settings: ExportSettings;
  readonly #datasets: ExportDatasets;
  /** Exports run one after another: each COPY already uses every DuckDB thread. */
  #queue: Promise<void> = Promise.resolve();

  constructor(deps: {
    store: ExportStore;
    access: AccessService;
    audit: AuditService;
    clock: Clock;
    logger: Logger;
    links: ExportLinks;
    settings: ExportSettings;
    datasets: ExportDatasets;
  }) {
    this.#store = deps.store;
    this.#access = deps.access;
    this.#audit = deps.audit;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
    this.#links = deps.links;
    this.#settings = deps.settings;
    this.#datasets = deps.datasets;
  }

  /**
   * Accepts an export. The same Idempotency-Key with the same request returns the earlier export (access is
   * checked again all the same); with a different request it is a 409 and nothing changes.
   */
  async create(
    principal: Principal | null,
    request: ExportRequest,
    idempotencyKey: string | null,
    context: RequestContext,
    options: { scheduleId?: string } = {},
  ): Promise<ExportCreated> {
    const p = await this.#access.requireDataAccess(
      principal,
      'data:export',
      'exports.create',
      context,
    );
    if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw invalidRequest('Idempotency-Key must be 1–200 visible ASCII characters.', [
        { field: 'Idempotency-Key', message: 'use a UUID or another unique token' },
      ]);
    }
    const { prepared, format } = await this.validate(p, request, context);
    const nowMs = this.#clock.now();
    const id = `ex_${newId().replaceAll('-', '')}`;
    const record: ExportRecord = {
      id,
      tenantId: p.tenantId,
      actor: p.actor,
      dataset: request.dataset,
      format: format.format,
      gzip: format.gzip,
      request,
      requestHash: sha256Hex(canonicalJson({ ...request, gzip: format.gzip })),
      idempotencyKey,
      scheduleId: options.scheduleId ?? null,
      status: 'queued',
      fileName: `${id}.${fileExtension(format)}`,
      rows: null,
      bytes: null,
      checksum: null,
      error: null,
      createdAtMs: nowMs,
      finishedAtMs: null,
      expiresAtMs: nowMs + this.#settings.ttlMs,
    };
    const earlier = await this.#store.insertExport(record);
    if (earlier !== null) {
      if (earlier.requestHash !== record.requestHash) {
        throw new AppError(
          'conflict',
          `Idempotency-Key "${idempotencyKey}" was already used for a different export request (${earlier.id}); ` +
            'use a new key for a new request.',
        );
      }
      return { record: earlier, created: false };
    }
    this.#audit.record({
      actor: p.actor,
      tenantId: p.tenantId,
      action: 'exports.create',
      resourceType: 'export',
      resourceId: id,
      result: 'success',
      ip: context.ip,
      requestId: context.requestId,
      details: { dataset: request.dataset, format: format.format, gzip: format.gzip },
    });
    this.#queue = this.#queue.then(() => this.#run(record, prepared, format));
    return { record, created: true };
  }

  /**
   * Validates a request and checks the caller's access to its data as a file (and the row cap) without queuing
   * anything: what `create` does first, and what a new schedule's first run is checked with.
   */
  async validate(
    principal: Principal,
    request: ExportRequest,
    context: RequestContext,
  ): Promise<{ prepared: PreparedExport; format: FileFormat }> {
    const format: FileFormat = { format: request.format, gzip: request.gzip === true };
    if (request.gzip === true && request.format !== 'csv') {
      throw invalidRequest('gzip applies to CSV only; Parquet files are always zstd-compressed.', [
        { field: 'gzip', message: 'leave it out for parquet' },
      ]);
    }
    const prepared = await this.#prepare(principal, request, context);
    if (prepared.estimatedRows > this.#settings.maxRows) {
      throw invalidRequest(
        `This export would have about ${prepared.estimatedRows.toLocaleString('en-US')} rows; the limit per export is ` +
          `${this.#settings.maxRows.toLocaleString('en-US')}. Split it into shorter time ranges or fewer instruments, or resample.`,
        [{ field: 'filters', message: 'too many rows for one export' }],
      );
    }
    return { prepared, format };
  }

  /** One export of the caller's tenant; another tenant's export is reported as unknown. */
  async get(
    principal: Principal | null,
    id: string,
    context: RequestContext,
  ): Promise<ExportRecord> {
    const p = this.#access.requirePermission(principal, 'data:export', 'exports.get', context);
    const record = await this.#store.getExport(id);
    if (record === null || record.tenantId !== p.tenantId) {
      throw unknownExport(id);
    }
    return record;
  }

  /** The caller's tenant's exports, newest first. */
  async list(
    principal: Principal | null,
    limit: number | undefined,
    context: RequestContext,
  ): Promise<ExportRecord[]> {
    const p = this.#access.requirePermission(principal, 'data:export', 'exports.list', context);
    return this.#store.listExports(p.tenantId, Math.min(Math.max(limit ?? 50, 1), MAX_LIST));
  }

  /** A signed link to a finished export's file, valid for the link lifetime (never past the export's expiry). */
  link(record: ExportRecord): { path: string; expiresAtMs: number } | null {
    if (record.status !== 'succeeded') {
      return null;
    }
    const expiresAtSeconds = Math.floor(
      Math.min(this.#clock.now() + this.#settings.linkTtlMs, record.expiresAtMs) / 1000,
    );
    return {
      path: this.#links.path(record.id, expiresAtSeconds),
      expiresAtMs: expiresAtSeconds * 1000,
    };
  }

  /**
   * Opens a file through a signed link. The signature is checked before anything is looked up (so ids cannot be
   * probed); a tampered or expired link is a 403. Every attempt is audited.
   */
  async download(
    id: string,
    expires: string,
    signature: string,
    context: RequestContext,
  ): Promise<ExportDownload> {
    const deny = (reason: string): AppError => {
      this.#audit.record({
        actor: 'signed_link',
        tenantId: null,
        action: 'exports.download',
        resourceType: 'export',
        resourceId: id,
        result: 'denied',
        ip: context.ip,
        requestId: context.requestId,
        details: { reason },
      });
      return new AppError('not_entitled', `This download link is ${reason}; ask for a new one.`);
    };
    const expiresAtSeconds = /^[0-9]{1,12}$/.test(expires) ? Number(expires) : Number.NaN;
    if (Number.isNaN(expiresAtSeconds) || !this.#links.verify(id, expiresAtSeconds, signature)) {
      throw deny('invalid');
    }
    if (expiresAtSeconds * 1000 <= this.#clock.now()) {
      throw deny('expired');
    }
    const record = await this.#store.getExport(id);
    if (
      record === null ||
      record.status !== 'succeeded' ||
      record.expiresAtMs <= this.#clock.now()
    ) {
      throw unknownExport(id);
    }
    this.#audit.record({
      actor: record.actor,
      tenantId: record.tenantId,
      action: 'exports.download',
      resourceType: 'export',
      resourceId: id,
      result: 'success',
      ip: context.ip,
      requestId: context.requestId,
      details: { via: 'signed_link', bytes: record.bytes, checksum: record.checksum },
    });
    return {
      record,
      file: join(this.#settings.dir, record.fileName),
      downloadName: `254carbon-${record.dataset}-${record.id.slice(3, 11)}.${record.fileName.split('.').slice(1).join('.')}`,
    };
  }

  /** Deletes expired exports: files first, then their records. Returns how many were removed. */
  async deleteExpired(): Promise<number> {
    const expired = await this.#store.expiredExports(this.#clock.now());
    for (const record of expired) {
      await rm(join(this.#settings.dir, record.fileName), { force: true });
      await rm(this.#partial(record), { force: true });
    }
    return this.#store.deleteExports(expired.map((r) => r.id));
  }

  /** Marks exports a stopped process left queued or running as failed (their work was in memory). */
  async failInterrupted(): Promise<number> {
    const unfinished = await this.#store.unfinishedExports();
    for (const record of unfinished) {
      await rm(this.#partial(record), { force: true });
      await this.#store.finishExport(record.id, {
        status: 'failed',
        rows: null,
        bytes: null,
        checksum: null,
        error: 'The server stopped before this export finished; request it again.',
        finishedAtMs: this.#clock.now(),
      });
    }
    return unfinished.length;
  }

  /** Resolves when every export queued so far has finished (tests, shutdown). */
  async settled(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.#queue;
      await seen;
    } while (seen !== this.#queue);
  }

  #prepare(
    principal: Principal,
    request: ExportRequest,
    context: RequestContext,
  ): Promise<PreparedExport> {
    switch (request.dataset) {
      case 'prices':
        return this.#datasets.prices.prepare(principal, request.filters, context);
      case 'curve':
        return this.#datasets.curve.prepare(principal, request.filters, context);
    }
  }

  #partial(record: ExportRecord): string {
    return join(this.#settings.dir, `${record.fileName}.partial`);
  }

  async #run(record: ExportRecord, prepared: PreparedExport, format: FileFormat): Promise<void> {
    const partial = this.#partial(record);
    const fail = async (error: string): Promise<void> => {
      await rm(partial, { force: true });
      await this.#store.finishExport(record.id, {
        status: 'failed',
        rows: null,
        bytes: null,
        checksum: null,
        error,
        finishedAtMs: this.#clock.now(),
      });
    };
    try {
      await this.#store.markRunning(record.id);
      // Created on first use, so a process that never exports leaves no directory behind.
      await mkdir(this.#settings.dir, { recursive: true });
      const rows = await prepared.write(partial, format);
      if (rows > this.#settings.maxRows) {
        await fail(
          `The export has ${rows.toLocaleString('en-US')} rows; the limit is ${this.#settings.maxRows.toLocaleString('en-US')}. ` +
            'Split it into shorter time ranges or fewer instruments.',
        );
        return;
      }
      const { size } = await stat(partial);
      if (size > this.#settings.maxBytes) {
        await fail(
          `The file would be ${size.toLocaleString('en-US')} bytes; the limit is ${this.#settings.maxBytes.toLocaleString('en-US')}. ` +
            'Split the export, or use Parquet (smaller than CSV).',
        );
        return;
      }
      const checksum = await fileChecksum(partial);
      // Only a complete, checked file takes the name a link serves.
      await rename(partial, join(this.#settings.dir, record.fileName));
      await this.#store.finishExport(record.id, {
        status: 'succeeded',
        rows,
        bytes: size,
        checksum,
        error: null,
        finishedAtMs: this.#clock.now(),
      });
    } catch (error) {
      this.#logger.error({ err: error, exportId: record.id }, 'export failed');
      await fail(
        isAppError(error) ? error.message : 'The export failed inside the server; see its log.',
      ).catch((e: unknown) => this.#logger.error({ err: e }, 'export failure not recorded'));
    }
  }
}
