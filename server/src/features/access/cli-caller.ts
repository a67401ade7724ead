import type { Principal } from '../../domain/access/principal.js';
import type { RequestContext } from './request-context.js';

/**
 * The local command line: it opens the database file itself, so it acts as the operator; every action is still
 * audited under `cli:<os user>`.
 */
export interface CliCaller {
  readonly principal: Principal;
  readonly context: RequestContext;
}
