import type { Entitlement } from '../domain/access/entitlement.js';
import type { Role } from '../domain/access/roles.js';
import type { Page, PageRequest } from './metadata-store.js';

export interface Tenant {
  readonly id: string;
  readonly name: string;
  readonly status: 'active' | 'suspended';
  readonly createdAtMs: number;
}

export interface UserAccount {
  readonly id: string;
  readonly tenantId: string;
  /** Unique across the installation (usually an e-mail address); case-insensitive. */
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  /** scrypt hash in PHC-like form; never leaves the server. */
  readonly passwordHash: string;
  readonly status: 'active' | 'disabled';
  readonly createdAtMs: number;
  readonly lastLoginAtMs: number | null;
}

export interface ApiKeyRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** SHA-256 of the secret part; the secret itself is shown once and never stored. */
  readonly secretHash: string;
  readonly createdBy: string;
  readonly createdAtMs: number;
  readonly expiresAtMs: number | null;
  readonly lastUsedAtMs: number | null;
  readonly revokedAtMs: number | null;
}

export interface SessionRecord {
  /** SHA-256 of the cookie token. */
  readonly tokenHash: string;
  readonly userId: string;
  readonly tenantId: string;
  readonly createdAtMs: number;
  readonly expiresAtMs: number;
  readonly lastSeenAtMs: number;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface SeatAssignment {
  readonly entitlementId: string;
  readonly actor: string;
  readonly assignedAtMs: number;
}

/**
 * Tenants, accounts, API keys, sessions, entitlements and seats. Embedded mode keeps them in the DuckDB file;
 * scale-out mode in PostgreSQL. Every implementation passes server/test/contract/identity-store.contract.ts.
 */
export interface IdentityStore {
  createTenant(tenant: Tenant): Promise<void>;
  getTenant(id: string): Promise<Tenant | null>;
  listTenants(): Promise<Tenant[]>;
  updateTenant(
    id: string,
    changes: Partial<Pick<Tenant, 'name' | 'status'>>,
  ): Promise<Tenant | null>;

  createUser(user: UserAccount): Promise<void>;
  getUser(id: string): Promise<UserAccount | null>;
  findUserByUsername(username: string): Promise<UserAccount | null>;
  listUsers(tenantId: string | null, page: PageRequest): Promise<Page<UserAccount>>;
  updateUser(
    id: string,
    changes: Partial<
      Pick<UserAccount, 'displayName' | 'roles' | 'passwordHash' | 'status' | 'lastLoginAtMs'>
    >,
  ): Promise<UserAccount | null>;
  countUsers(): Promise<number>;

  createApiKey(key: ApiKeyRecord): Promise<void>;
  getApiKey(id: string): Promise<ApiKeyRecord | null>;
  listApiKeys(tenantId: string | null, page: PageRequest): Promise<Page<ApiKeyRecord>>;
  revokeApiKey(id: string, atMs: number): Promise<ApiKeyRecord | null>;
  touchApiKey(id: string, atMs: number): Promise<void>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | null>;
  touchSession(tokenHash: string, atMs: number): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of a user (password change, disable). */
  deleteSessionsOfUser(userId: string): Promise<number>;
  deleteExpiredSessions(nowMs: number): Promise<number>;

  createEntitlement(entitlement: Entitlement): Promise<void>;
  getEntitlement(id: string): Promise<Entitlement | null>;
  listEntitlements(tenantId: string | null): Promise<Entitlement[]>;
  deleteEntitlement(id: string): Promise<boolean>;

  listSeats(entitlementId: string): Promise<SeatAssignment[]>;
  /** Gives `actor` a seat if it has none and fewer than `seats` are taken; true when the actor holds a seat after. */
  claimSeat(entitlementId: string, actor: string, seats: number, atMs: number): Promise<boolean>;
  releaseSeat(entitlementId: string, actor: string): Promise<boolean>;
}
