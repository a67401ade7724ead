import type { Clock } from '../../platform/clock.js';
import type { IdentityStore } from '../../ports/identity-store.js';
import type { AuditService } from '../access/audit.service.js';
import type { JobDefinition } from './job-scheduler.js';

/** Daily upkeep: audit retention (the chain stays verifiable from its new anchor) and expired sessions. */
export const housekeepingJobs = (deps: {
  audit: AuditService;
  identity: IdentityStore;
  clock: Clock;
  auditRetentionMs: number;
}): JobDefinition[] => [
  {
    name: 'housekeeping.audit-retention',
    description: 'Remove audit records older than CARBON_AUDIT_RETENTION',
    schedule: '0 15 3 * * *',
    timezone: 'UTC',
    run: async () => ({ rows: await deps.audit.prune(deps.auditRetentionMs) }),
  },
  {
    name: 'housekeeping.sessions',
    description: 'Delete expired web-hub sessions',
    schedule: '0 45 * * * *',
    timezone: 'UTC',
    run: async () => ({ rows: await deps.identity.deleteExpiredSessions(deps.clock.now()) }),
  },
];
