import type { Principal } from '../../domain/access/principal.js';
import type { RequestContext } from '../access/request-context.js';

/** Who a change is recorded for in the audit trail. */
export interface Actor {
  readonly actor: string;
  readonly tenantId: string;
  readonly context: RequestContext;
}

export const by = (p: Principal, context: RequestContext): Actor => ({
  actor: p.actor,
  tenantId: p.tenantId,
  context,
});
