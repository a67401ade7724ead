import type {
  ExportRequest,
  ExportScheduleRequest,
  RelativeCurveFilters,
  RelativePricesFilters,
} from '@254carbon/contracts';
import { Cron } from 'croner';
import { makePrincipal, type AuthMethod, type Principal } from '../../domain/access/principal.js';
import { isRole } from '../../domain/access/roles.js';
import { addDays, isValidTimeZone, localDateOf, type IsoDate } from '../../domain/time/zoned.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, invalidRequest, type FieldProblem } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Logger } from '../../platform/logger.js';
import type { ExportScheduleRecord, ExportStore } from '../../ports/export-store.js';
import type { IdentityStore } from '../../ports/identity-store.js';
import type { AccessService } from '../access/access.service.js';
import type { AuditService } from '../access/audit.service.js';
import type { RequestContext } from '../access/request-context.js';
import type { ExportsService } from './exports.service.js';

const MAX_SCHEDULES_PER_TENANT = 100;

/** The cron's next firing after `afterMs`, or null when it never fires again. */
export const nextRunMs = (
  schedule: { cron: string; timezone: string },
  afterMs: number,
): number | null =>
  new Cron(schedule.cron, { timezone: schedule.timezone, paused: true })
    .nextRun(new Date(afterMs))
    ?.getTime() ?? null;

/** A schedule's filters made concrete for one run date (the local date in the schedule's zone). */
export const requestForRunDate = (
  schedule: Pick<ExportScheduleRecord, 'dataset' | 'format' | 'gzip' | 'filters'>,
  runDate: IsoDate,
): ExportRequest => {
  const options = { format: schedule.format, ...(schedule.gzip ? { gzip: true } : {}) };
  if (schedule.dataset === 'prices') {
    const { startDay, endDay, ...rest } = schedule.filters as RelativePricesFilters;
    return {
      dataset: 'prices',
      // Date-only bounds are local midnights in the market's zone, as in the prices API.
      filters: { ...rest, start: addDays(runDate, startDay), end: addDays(runDate, endDay) },
      ...options,
    };
  }
  return {
    dataset: 'curve',
    filters: { ...(schedule.filters as RelativeCurveFilters), asOf: runDate },
    ...options,
  };
};

/**
 * Recurring exports: a cron in a zone, a dataset and filters relative to the run date ("yesterday's DA prices for
 * these hubs"). Each due run creates an ordinary export as its creator, so entitlements are checked at run time,
 * and with an idempotency key per schedule and run date, so a repeated tick never makes a second file.
 */
export class ExportSchedulesService {
  readonly #store: ExportStore;
  readonly #identity: IdentityStore;
  readonly #exports: ExportsService;
  readonly #access: AccessService;
  readonly #audit: AuditService;
  readonly #clock: Clock;
  readonly #logger: Logger;

  constructor(deps: {
    store: ExportStore;
    identity: IdentityStore;
    exports: ExportsService;
    access: AccessService;
    audit: AuditService;
    clock: Clock;
    logger: Logger;
  }) {
    this.#store = deps.store;
    this.#identity = deps.identity;
    this.#exports = deps.exports;
    this.#access = deps.access;
    this.#audit = deps.audit;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
  }

  async create(
    principal: Principal | null,
    input: ExportScheduleRequest,
    context: RequestContext,
  ): Promise<ExportScheduleRecord> {
    const p = await this.#access.requireDataAccess(
      principal,
      'data:export',
      'exports.schedules.create',
      context,
    );
    const problems: FieldProblem[] = [];
    if (!isValidTimeZone(input.timezone)) {
      problems.push({ field: 'timezone', message: 'an IANA zone such as America/Chicago or UTC' });
    }
    const fields = input.cron.trim().split(/\s+/);
    if (fields.length !== 5) {
      problems.push({
        field: 'cron',
        message:
          'five fields: minute hour day-of-month month day-of-week, e.g. "0 6 * * *" or "0 6 * * 1"',
      });
    } else if (problems.length === 0) {
      try {
        if (nextRunMs({ cron: input.cron, timezone: input.timezone }, this.#clock.now()) === null) {
          problems.push({ field: 'cron', message: 'never fires' });
        }
      } catch (error) {
        problems.push({
          field: 'cron',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (problems.length > 0) {
      throw invalidRequest(problems.map((x) => `${x.field}: ${x.message}`).join('; '), problems);
    }
    if ((await this.#store.listSchedules(p.tenantId)).length >= MAX_SCHEDULES_PER_TENANT) {
      throw invalidRequest(
        `Your organisation already has ${MAX_SCHEDULES_PER_TENANT} export schedules; delete one first.`,
        [{ field: 'name', message: 'too many schedules' }],
      );
    }
    const record: ExportScheduleRecord = {
      id: `xs_${newId().replaceAll('-', '').slice(0, 20)}`,
      tenantId: p.tenantId,
      actor: p.actor,
      displayName: p.displayName,
      roles: [...p.roles],
      method: p.method,
      name: input.name,
      cron: fields.join(' '),
      timezone: input.timezone,
      dataset: input.dataset,
      format: input.format,
      gzip: input.gzip === true,
      filters: input.filters,
      createdAtMs: this.#clock.now(),
      lastRunAtMs: null,
      lastExportId: null,
    };
    // The first run's request is validated (and access checked) now, so a schedule that can never succeed is
    // refused at once rather than failing every day.
    await this.#exports.validate(
      p,
      requestForRunDate(record, localDateOf(record.timezone, this.#clock.now())),
      context,
    );
    await this.#store.insertSchedule(record);
    this.#audit.record({
      actor: p.actor,
      tenantId: p.tenantId,
      action: 'exports.schedules.create',
      resourceType: 'export_schedule',
      resourceId: record.id,
      result: 'success',
      ip: context.ip,
      requestId: context.requestId,
      details: {
        name: record.name,
        cron: record.cron,
        timezone: record.timezone,
        dataset: record.dataset,
      },
    });
    return record;
  }

  async list(
    principal: Principal | null,
    context: RequestContext,
  ): Promise<ExportScheduleRecord[]> {
    const p = this.#access.requirePermission(
      principal,
      'data:export',
      'exports.schedules.list',
      context,
    );
    return this.#store.listSchedules(p.tenantId);
  }

  async delete(principal: Principal | null, id: string, context: RequestContext): Promise<void> {
    const p = this.#access.requirePermission(
      principal,
      'data:export',
      'exports.schedules.delete',
      context,
    );
    if (!(await this.#store.deleteSchedule(p.tenantId, id))) {
      throw new AppError('not_found', `No export schedule ${id}.`);
    }
    this.#audit.record({
      actor: p.actor,
      tenantId: p.tenantId,
      action: 'exports.schedules.delete',
      resourceType: 'export_schedule',
      resourceId: id,
      result: 'success',
      ip: context.ip,
      requestId: context.requestId,
      details: {},
    });
  }

  /**
   * Runs every schedule whose cron fired since its last run (once, however many firings were missed while the
   * server was down). A run that is refused (entitlement gone, bad data) is logged and recorded on the schedule;
   * it never stops the others. Returns the exports created.
   */
  async runDue(): Promise<number> {
    const nowMs = this.#clock.now();
    let created = 0;
    for (const schedule of await this.#store.listSchedules(null)) {
      const dueMs = nextRunMs(schedule, schedule.lastRunAtMs ?? schedule.createdAtMs);
      if (dueMs === null || dueMs > nowMs) {
        continue;
      }
      const runDate = localDateOf(schedule.timezone, dueMs);
      const context: RequestContext = {
        ip: null,
        requestId: `schedule-${schedule.id}-${runDate}`,
        userAgent: '254carbon-scheduler',
      };
      let exportId: string | null = null;
      try {
        const principal = await this.#principalOf(schedule, nowMs);
        if (principal === null) {
          throw new AppError(
            'not_entitled',
            `${schedule.actor}, who created the schedule, can no longer act (disabled, revoked or expired)`,
          );
        }
        const result = await this.#exports.create(
          principal,
          requestForRunDate(schedule, runDate),
          `schedule:${schedule.id}:${runDate}`,
          context,
          { scheduleId: schedule.id },
        );
        exportId = result.record.id;
        created += result.created ? 1 : 0;
      } catch (error) {
        this.#logger.warn(
          { err: error, schedule: schedule.id, runDate },
          'a scheduled export was refused',
        );
      }
      await this.#store.markScheduleRun(schedule.id, nowMs, exportId);
    }
    return created;
  }

  /**
   * The creator as a caller today: a user must still be active and an API key unrevoked and unexpired, in the same
   * tenant, with their current roles (a downgrade applies at once); entitlements are then checked as for any call.
   * OIDC callers cannot be looked up between sign-ins: their roles as of creation apply.
   */
  async #principalOf(schedule: ExportScheduleRecord, nowMs: number): Promise<Principal | null> {
    let roles = schedule.roles.filter(isRole);
    const [kind, id = ''] = schedule.actor.split(/:(.*)/s);
    if (kind === 'user') {
      const user = await this.#identity.getUser(id);
      if (user === null || user.status !== 'active' || user.tenantId !== schedule.tenantId) {
        return null;
      }
      roles = [...user.roles];
    } else if (kind === 'key') {
      const key = await this.#identity.getApiKey(id);
      if (
        key === null ||
        key.revokedAtMs !== null ||
        (key.expiresAtMs !== null && key.expiresAtMs <= nowMs) ||
        key.tenantId !== schedule.tenantId
      ) {
        return null;
      }
      roles = [...key.roles];
    }
    return makePrincipal({
      tenantId: schedule.tenantId,
      actor: schedule.actor,
      displayName: schedule.displayName,
      roles,
      method: schedule.method as AuthMethod,
    });
  }
}
