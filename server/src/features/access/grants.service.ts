import type { AuditRecord, AuditResult } from '../../domain/access/audit-chain.js';
import type { Entitlement } from '../../domain/access/entitlement.js';
import { can, type Principal } from '../../domain/access/principal.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { IdentityStore, SeatAssignment } from '../../ports/identity-store.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { type AdminDeps, mayTouch, recordChange } from './admin-support.js';
import { InputCheck } from './admin-validation.js';
import type { VerifyReport } from './audit.service.js';
import type { RequestContext } from './request-context.js';

export interface NewEntitlement {
  readonly tenantId: string;
  readonly market: string;
  readonly product: string;
  readonly channels: readonly string[];
  readonly instruments?: readonly string[] | null | undefined;
  readonly dataFrom?: string | null | undefined;
  readonly dataTo?: string | null | undefined;
  readonly seats?: number | null | undefined;
}

export interface AuditListQuery {
  readonly tenantId?: string | undefined;
  readonly actor?: string | undefined;
  readonly action?: string | undefined;
  readonly result?: AuditResult | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/**
 * Data entitlements, their named-user seats, and the audit trail. Only platform admins grant or revoke; a tenant
 * admin reads its own grants, frees its own seats and reads its own tenant's audit records.
 */
export class GrantsService {
  readonly #deps: AdminDeps;
  readonly #identity: IdentityStore;

  constructor(deps: AdminDeps & { identity: IdentityStore }) {
    this.#deps = deps;
    this.#identity = deps.identity;
  }

  // ---- entitlements ----

  async listEntitlements(
    principal: Principal | null,
    query: { tenantId?: string | undefined },
    context: RequestContext,
  ): Promise<Entitlement[]> {
    // Tenant admins may read their own grants; only platform admins see others'.
    const p = this.#deps.access.requirePermission(
      principal,
      'tenant:users',
      'admin.entitlement.list',
      context,
    );
    const platform = can(p, 'platform:entitlements');
    const tenantId = platform ? (query.tenantId ?? null) : p.tenantId;
    if (!platform && query.tenantId !== undefined && query.tenantId !== p.tenantId) {
      return [];
    }
    return this.#identity.listEntitlements(tenantId);
  }

  async grantEntitlement(
    principal: Principal | null,
    input: NewEntitlement,
    context: RequestContext,
  ): Promise<Entitlement> {
    const p = this.#deps.access.requirePermission(
      principal,
      'platform:entitlements',
      'admin.entitlement.grant',
      context,
    );
    const check = new InputCheck();
    const tenantId = check.tenantId('tenantId', input.tenantId);
    const market = check.market('market', input.market);
    const entitlement: Entitlement = {
      id: newId(),
      tenantId,
      market,
      product: check.product('product', input.product),
      channels: check.channels('channels', input.channels),
      instruments: check.instruments('instruments', input.instruments, market, input.product),
      dataFromMs: check.day('dataFrom', input.dataFrom),
      dataToMs: check.day('dataTo', input.dataTo),
      seats: check.positiveInt('seats', input.seats, 100_000),
    };
    if (
      entitlement.dataFromMs !== null &&
      entitlement.dataToMs !== null &&
      entitlement.dataToMs <= entitlement.dataFromMs
    ) {
      check.problem('dataTo', 'must be after dataFrom');
    }
    check.done('grant the entitlement');
    if (!(await this.#identity.getTenant(tenantId))) {
      throw notFound(`No tenant ${tenantId}.`);
    }
    await this.#identity.createEntitlement(entitlement);
    await this.#accessChanged(tenantId);
    this.#changed(p, 'admin.entitlement.grant', 'entitlement', entitlement.id, context, {
      ...entitlement,
    });
    return entitlement;
  }

  async revokeEntitlement(
    principal: Principal | null,
    id: string,
    context: RequestContext,
  ): Promise<void> {
    const p = this.#deps.access.requirePermission(
      principal,
      'platform:entitlements',
      'admin.entitlement.revoke',
      context,
    );
    const existing = await this.#identity.getEntitlement(id);
    if (!existing || !(await this.#identity.deleteEntitlement(id))) {
      throw notFound(`No entitlement ${id}.`);
    }
    await this.#accessChanged(existing.tenantId);
    this.#changed(p, 'admin.entitlement.revoke', 'entitlement', id, context, {
      tenantId: existing.tenantId,
    });
  }

  async listSeats(
    principal: Principal | null,
    entitlementId: string,
    context: RequestContext,
  ): Promise<SeatAssignment[]> {
    const p = this.#deps.access.requirePermission(
      principal,
      'tenant:users',
      'admin.seat.list',
      context,
    );
    const grant = await this.#identity.getEntitlement(entitlementId);
    if (!grant || !mayTouch(p, grant.tenantId, 'platform:entitlements')) {
      throw notFound(`No entitlement ${entitlementId}.`);
    }
    return this.#identity.listSeats(entitlementId);
  }

  /** Frees a named-user seat (a tenant admin for its own grants, or a platform admin). */
  async releaseSeat(
    principal: Principal | null,
    entitlementId: string,
    actor: string,
    context: RequestContext,
  ): Promise<void> {
    const p = this.#deps.access.requirePermission(
      principal,
      'tenant:users',
      'admin.seat.release',
      context,
    );
    const grant = await this.#identity.getEntitlement(entitlementId);
    if (
      !grant ||
      !mayTouch(p, grant.tenantId, 'platform:entitlements') ||
      !(await this.#identity.releaseSeat(entitlementId, actor))
    ) {
      throw notFound(`No seat of ${actor} on entitlement ${entitlementId}.`);
    }
    await this.#accessChanged(grant.tenantId);
    this.#changed(p, 'admin.seat.release', 'entitlement', entitlementId, context, { actor });
  }

  // ---- audit ----

  /** Audit records: a tenant admin sees their tenant's; a platform admin all (optionally one tenant). */
  async listAudit(
    principal: Principal | null,
    query: AuditListQuery,
    context: RequestContext,
  ): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
    const p = this.#deps.access.requirePermission(
      principal,
      'tenant:audit',
      'admin.audit.list',
      context,
    );
    const tenantId = can(p, 'platform:audit') ? query.tenantId : p.tenantId;
    const page = await this.#deps.audit.list(
      {
        ...(tenantId !== undefined ? { tenantId } : {}),
        ...(query.actor !== undefined ? { actor: query.actor } : {}),
        ...(query.action !== undefined ? { action: query.action } : {}),
        ...(query.result !== undefined ? { result: query.result } : {}),
      },
      { limit: query.limit ?? 100, after: decodeCursor(query.cursor) },
    );
    return { items: [...page.items], nextCursor: encodeCursor(page.next) };
  }

  async verifyAudit(principal: Principal | null, context: RequestContext): Promise<VerifyReport> {
    const p = this.#deps.access.requirePermission(
      principal,
      'platform:audit',
      'admin.audit.verify',
      context,
    );
    const report = await this.#deps.audit.verify();
    this.#deps.audit.record({
      actor: p.actor,
      tenantId: p.tenantId,
      action: 'admin.audit.verify',
      resourceType: 'audit_log',
      resourceId: null,
      result: report.ok ? 'success' : 'failure',
      ip: context.ip,
      requestId: context.requestId,
      details: { checked: report.checked, problems: report.problems.length },
    });
    return report;
  }

  // ---- helpers ----

  async #accessChanged(tenantId: string): Promise<void> {
    // Grants are cached per process; drop ours now and tell the others.
    this.#deps.access.invalidate();
    await this.#deps.bus.publish('access.changed', { tenantId });
  }

  #changed(
    p: Principal,
    action: string,
    resourceType: string,
    resourceId: string,
    context: RequestContext,
    details: Record<string, unknown> | null,
  ): void {
    recordChange(this.#deps, p, { action, resourceType, resourceId, details }, context);
  }
}
