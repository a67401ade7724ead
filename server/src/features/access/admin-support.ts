import { can, type Principal } from '../../domain/access/principal.js';
import type { Permission } from '../../domain/access/roles.js';
import { notFound } from '../../platform/errors.js';
import type { Bus } from '../../ports/bus.js';
import type { AccessService } from './access.service.js';
import type { AuditService } from './audit.service.js';
import type { RequestContext } from './request-context.js';

/** What the administration services share: permission checks, tenant scoping and audited change notices. */
export interface AdminDeps {
  readonly access: AccessService;
  readonly audit: AuditService;
  readonly bus: Bus;
}

/**
 * Tenant scoping: platform admins may name any tenant (null = all); tenant admins are confined to their own,
 * and naming another tenant looks exactly like naming one that does not exist.
 */
export function scopeToTenant(
  access: AccessService,
  principal: Principal | null,
  tenantId: string | undefined,
  tenantPermission: Permission,
  action: string,
  context: RequestContext,
): { principal: Principal; tenantId: string | null } {
  const p = access.requirePermission(principal, tenantPermission, action, context);
  if (can(p, 'platform:tenants')) {
    return { principal: p, tenantId: tenantId ?? null };
  }
  if (tenantId !== undefined && tenantId !== p.tenantId) {
    throw notFound(`No tenant ${tenantId}.`);
  }
  return { principal: p, tenantId: p.tenantId };
}

/** Whether the principal may act on a resource of the tenant: its own, or any with the platform permission. */
export function mayTouch(
  principal: Principal,
  tenantId: string,
  platform: Permission = 'platform:tenants',
): boolean {
  return can(principal, platform) || tenantId === principal.tenantId;
}

/** Audits a successful administrative change and tells every process to drop its cached credentials and grants. */
export function recordChange(
  deps: AdminDeps,
  p: Principal,
  change: {
    action: string;
    resourceType: string;
    resourceId: string;
    details: Record<string, unknown> | null;
  },
  context: RequestContext,
): void {
  void deps.bus.publish('access.changed', { tenantId: p.tenantId });
  deps.audit.record({
    actor: p.actor,
    tenantId: p.tenantId,
    action: change.action,
    resourceType: change.resourceType,
    resourceId: change.resourceId,
    result: 'success',
    ip: context.ip,
    requestId: context.requestId,
    details: change.details,
  });
}
