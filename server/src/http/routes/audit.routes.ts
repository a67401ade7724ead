import { AuditPage, AuditQuery, AuditVerification, Problem } from '@254carbon/contracts';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { contextOf } from '../access-control.js';
import type { HttpDeps } from '../http-deps.js';

const ERRORS = { 400: Problem, 401: Problem, 403: Problem } as const;

/** The audit trail: tenant admins read their tenant's records; platform admins read all and verify the chain. */
export const auditRoutes =
  (deps: HttpDeps): FastifyPluginCallbackTypebox =>
  (app, _options, done) => {
    app.get(
      '/admin/audit',
      {
        config: { access: { permission: 'tenant:audit' } },
        schema: {
          tags: ['administration'],
          summary: 'Audit records, newest first',
          querystring: AuditQuery,
          response: { 200: AuditPage, ...ERRORS },
        },
      },
      async (request) => {
        const page = await deps.grants.listAudit(
          request.principal,
          request.query,
          contextOf(request),
        );
        return {
          data: page.items.map((r) => ({
            seq: r.seq,
            at: new Date(r.atMs).toISOString(),
            actor: r.actor,
            tenantId: r.tenantId,
            action: r.action,
            resourceType: r.resourceType,
            resourceId: r.resourceId,
            result: r.result,
            ip: r.ip,
            requestId: r.requestId,
            details: r.details === null ? null : { ...r.details },
            hash: r.hash,
          })),
          page: { limit: request.query.limit ?? 100, nextCursor: page.nextCursor },
        };
      },
    );
    app.post(
      '/admin/audit/verify',
      {
        config: { access: { permission: 'platform:audit' } },
        schema: {
          tags: ['administration'],
          summary: 'Check the hash chain: reports every edited or missing record',
          response: { 200: AuditVerification, ...ERRORS },
        },
      },
      async (request) => {
        const report = await deps.grants.verifyAudit(request.principal, contextOf(request));
        return { ...report, problems: report.problems.map((p) => ({ ...p })) };
      },
    );
    done();
  };
