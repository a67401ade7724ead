/** A user's or key's role within its tenant. Least privilege: viewers read, analysts also export, admins administer. */
export type Role = 'admin' | 'analyst' | 'viewer';

export const ROLES: readonly Role[] = ['admin', 'analyst', 'viewer'];

export const isRole = (value: string): value is Role =>
  (ROLES as readonly string[]).includes(value);

/**
 * What an authenticated caller may do, before entitlements are considered. Data permissions still need an
 * entitlement for the market, product, instrument and channel; admin permissions never grant data.
 */
export type Permission =
  | 'account:self'
  | 'data:read'
  | 'data:export'
  | 'tenant:users'
  | 'tenant:keys'
  | 'tenant:audit'
  | 'platform:tenants'
  | 'platform:entitlements'
  | 'platform:audit'
  | 'platform:operations'
  /** Define forward curves, load their quotes and build them: shared data every entitled tenant reads. */
  | 'curves:write';

const TENANT_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: ['account:self', 'data:read'],
  analyst: ['account:self', 'data:read', 'data:export'],
  admin: [
    'account:self',
    'data:read',
    'data:export',
    'tenant:users',
    'tenant:keys',
    'tenant:audit',
  ],
};

/**
 * The operator tenant runs the installation: its admins also manage tenants and entitlements, read the whole
 * audit trail and operate jobs; its analysts may see operations (jobs, feed health). Both mark forward curves:
 * curves are market data the operator publishes to every entitled tenant, like the feeds it ingests.
 */
export const OPERATOR_TENANT = 'operator';

const OPERATOR_EXTRA: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: [],
  analyst: ['platform:operations', 'curves:write'],
  admin: [
    'platform:tenants',
    'platform:entitlements',
    'platform:audit',
    'platform:operations',
    'curves:write',
  ],
};

/** Every permission of a role in a tenant. */
export const permissionsOf = (
  tenantId: string,
  roles: readonly Role[],
): ReadonlySet<Permission> => {
  const granted = new Set<Permission>();
  for (const role of roles) {
    for (const permission of TENANT_PERMISSIONS[role]) {
      granted.add(permission);
    }
    if (tenantId === OPERATOR_TENANT) {
      for (const permission of OPERATOR_EXTRA[role]) {
        granted.add(permission);
      }
    }
  }
  return granted;
};
