import type { Permission, Role } from './roles.js';
import { permissionsOf } from './roles.js';

/**
 * How a caller came in, which decides the entitlement channel: a web session is the hub, an API key or bearer
 * token is the API, and a signed export link is downloads.
 */
export type Channel = 'hub' | 'api' | 'downloads';
export const CHANNELS: readonly Channel[] = ['hub', 'api', 'downloads'];

export type AuthMethod = 'session' | 'api_key' | 'oidc' | 'signed_link' | 'cli';

/** An authenticated caller. Immutable; built once per request by authentication. */
export interface Principal {
  readonly tenantId: string;
  /** Who acts: `user:<id>`, `key:<id>`, `oidc:<issuer>#<sub>` or `cli:<os user>`; recorded in the audit trail. */
  readonly actor: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly method: AuthMethod;
  readonly channel: Channel;
  readonly permissions: ReadonlySet<Permission>;
}

export const channelOf = (method: AuthMethod): Channel =>
  method === 'session' ? 'hub' : method === 'signed_link' ? 'downloads' : 'api';

export const makePrincipal = (fields: Omit<Principal, 'permissions' | 'channel'>): Principal => ({
  ...fields,
  channel: channelOf(fields.method),
  permissions: permissionsOf(fields.tenantId, fields.roles),
});

export const can = (principal: Principal, permission: Permission): boolean =>
  principal.permissions.has(permission);
