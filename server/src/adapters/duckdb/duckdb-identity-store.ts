import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { Entitlement } from '../../domain/access/entitlement.js';
import type { Channel } from '../../domain/access/principal.js';
import type { Role } from '../../domain/access/roles.js';
import type { InstrumentProduct } from '../../domain/instruments/instrument.js';
import type {
  ApiKeyRecord,
  IdentityStore,
  SeatAssignment,
  SessionRecord,
  Tenant,
  UserAccount,
} from '../../ports/identity-store.js';
import type { Page, PageRequest } from '../../ports/metadata-store.js';
import type { DuckDbDatabase } from './duckdb-database.js';
import { big, text, ts } from './sql-values.js';

type Row = unknown[];

const ms = (value: unknown): number | null => (value == null ? null : Number(value));
const list = <T extends string>(value: unknown): T[] =>
  Array.isArray(value) ? (value as T[]) : [];
const orNull = (value: number | null): bigint | null => (value === null ? null : big(value));

const TENANT = `id, name, status, epoch_ms(created_at)::DOUBLE`;
const USER = `id, tenant_id, username, display_name, roles, password_hash, status, epoch_ms(created_at)::DOUBLE,
  epoch_ms(last_login_at)::DOUBLE`;
const KEY = `id, tenant_id, name, roles, secret_hash, created_by, epoch_ms(created_at)::DOUBLE,
  epoch_ms(expires_at)::DOUBLE, epoch_ms(last_used_at)::DOUBLE, epoch_ms(revoked_at)::DOUBLE`;
const SESSION = `token_hash, user_id, tenant_id, epoch_ms(created_at)::DOUBLE, epoch_ms(expires_at)::DOUBLE,
  epoch_ms(last_seen_at)::DOUBLE, ip, user_agent`;
const ENTITLEMENT = `id, tenant_id, market, product, channels, instruments, epoch_ms(data_from)::DOUBLE,
  epoch_ms(data_to)::DOUBLE, seats`;

const toTenant = (r: Row): Tenant => ({
  id: text(r[0]),
  name: text(r[1]),
  status: text(r[2]) as Tenant['status'],
  createdAtMs: Number(r[3]),
});

const toUser = (r: Row): UserAccount => ({
  id: text(r[0]),
  tenantId: text(r[1]),
  username: text(r[2]),
  displayName: text(r[3]),
  roles: list<Role>(r[4]),
  passwordHash: text(r[5]),
  status: text(r[6]) as UserAccount['status'],
  createdAtMs: Number(r[7]),
  lastLoginAtMs: ms(r[8]),
});

const toKey = (r: Row): ApiKeyRecord => ({
  id: text(r[0]),
  tenantId: text(r[1]),
  name: text(r[2]),
  roles: list<Role>(r[3]),
  secretHash: text(r[4]),
  createdBy: text(r[5]),
  createdAtMs: Number(r[6]),
  expiresAtMs: ms(r[7]),
  lastUsedAtMs: ms(r[8]),
  revokedAtMs: ms(r[9]),
});

const toSession = (r: Row): SessionRecord => ({
  tokenHash: text(r[0]),
  userId: text(r[1]),
  tenantId: text(r[2]),
  createdAtMs: Number(r[3]),
  expiresAtMs: Number(r[4]),
  lastSeenAtMs: Number(r[5]),
  ip: r[6] == null ? null : text(r[6]),
  userAgent: r[7] == null ? null : text(r[7]),
});

const toEntitlement = (r: Row): Entitlement => ({
  id: text(r[0]),
  tenantId: text(r[1]),
  market: text(r[2]),
  product: text(r[3]) as InstrumentProduct,
  channels: list<Channel>(r[4]),
  instruments: r[5] == null ? null : list<string>(r[5]),
  dataFromMs: ms(r[6]),
  dataToMs: ms(r[7]),
  seats: r[8] == null ? null : Number(r[8]),
});

/** DuckDB implementation of the identity port (embedded mode). */
export class DuckDbIdentityStore implements IdentityStore {
  readonly #db: DuckDbDatabase;

  constructor(db: DuckDbDatabase) {
    this.#db = db;
  }

  async #rows(sql: string, params: DuckDBValue[] = []): Promise<Row[]> {
    const reader = await this.#db.read(({ connection }) => connection.runAndReadAll(sql, params));
    return reader.getRowsJS();
  }

  async #exec(sql: string, params: DuckDBValue[] = []): Promise<number> {
    const result = await this.#db.write(({ connection }) => connection.run(sql, params));
    return Number(result.rowsChanged);
  }

  async #page<T>(
    sql: string,
    params: DuckDBValue[],
    page: PageRequest,
    map: (r: Row) => T,
    position: (t: T) => string,
  ) {
    const rows = (await this.#rows(`${sql} LIMIT ${page.limit + 1}`, params)).map(map);
    const more = rows.length > page.limit;
    const items = more ? rows.slice(0, page.limit) : rows;
    const last = items.at(-1);
    return { items, next: more && last !== undefined ? position(last) : null } satisfies Page<T>;
  }

  async createTenant(t: Tenant): Promise<void> {
    await this.#exec(`INSERT INTO tenants VALUES ($1, $2, $3, ${ts('$4')})`, [
      t.id,
      t.name,
      t.status,
      big(t.createdAtMs),
    ]);
  }

  async getTenant(id: string): Promise<Tenant | null> {
    const [row] = await this.#rows(`SELECT ${TENANT} FROM tenants WHERE id = $1`, [id]);
    return row ? toTenant(row) : null;
  }

  async listTenants(): Promise<Tenant[]> {
    return (await this.#rows(`SELECT ${TENANT} FROM tenants ORDER BY id`)).map(toTenant);
  }

  async updateTenant(
    id: string,
    changes: Partial<Pick<Tenant, 'name' | 'status'>>,
  ): Promise<Tenant | null> {
    await this.#exec(
      'UPDATE tenants SET name = coalesce($2, name), status = coalesce($3, status) WHERE id = $1',
      [id, changes.name ?? null, changes.status ?? null],
    );
    return this.getTenant(id);
  }

  async createUser(u: UserAccount): Promise<void> {
    await this.#exec(
      `INSERT INTO users VALUES ($1, $2, $3, $4, $5, $6, $7, ${ts('$8')}, ${ts('$9')})`,
      [
        u.id,
        u.tenantId,
        u.username.toLowerCase(),
        u.displayName,
        listValue([...u.roles]),
        u.passwordHash,
        u.status,
        big(u.createdAtMs),
        orNull(u.lastLoginAtMs),
      ],
    );
  }

  async getUser(id: string): Promise<UserAccount | null> {
    const [row] = await this.#rows(`SELECT ${USER} FROM users WHERE id = $1`, [id]);
    return row ? toUser(row) : null;
  }

  async findUserByUsername(username: string): Promise<UserAccount | null> {
    const [row] = await this.#rows(`SELECT ${USER} FROM users WHERE username = $1`, [
      username.toLowerCase(),
    ]);
    return row ? toUser(row) : null;
  }

  listUsers(tenantId: string | null, page: PageRequest): Promise<Page<UserAccount>> {
    const where = [
      tenantId === null ? 'TRUE' : 'tenant_id = $1',
      page.after ? `username > $${tenantId === null ? 1 : 2}` : 'TRUE',
    ];
    const params = [...(tenantId === null ? [] : [tenantId]), ...(page.after ? [page.after] : [])];
    return this.#page(
      `SELECT ${USER} FROM users WHERE ${where.join(' AND ')} ORDER BY username`,
      params,
      page,
      toUser,
      (u) => u.username,
    );
  }

  async updateUser(
    id: string,
    changes: Partial<
      Pick<UserAccount, 'displayName' | 'roles' | 'passwordHash' | 'status' | 'lastLoginAtMs'>
    >,
  ): Promise<UserAccount | null> {
    await this.#exec(
      `UPDATE users SET display_name = coalesce($2, display_name), roles = coalesce($3, roles),
         password_hash = coalesce($4, password_hash), status = coalesce($5, status),
         last_login_at = coalesce(${ts('$6')}, last_login_at)
       WHERE id = $1`,
      [
        id,
        changes.displayName ?? null,
        changes.roles ? listValue([...changes.roles]) : null,
        changes.passwordHash ?? null,
        changes.status ?? null,
        changes.lastLoginAtMs === undefined || changes.lastLoginAtMs === null
          ? null
          : big(changes.lastLoginAtMs),
      ],
    );
    return this.getUser(id);
  }

  async countUsers(): Promise<number> {
    const [row] = await this.#rows('SELECT count(*)::INTEGER FROM users');
    return Number(row?.[0] ?? 0);
  }

  async createApiKey(k: ApiKeyRecord): Promise<void> {
    await this.#exec(
      `INSERT INTO api_keys VALUES ($1, $2, $3, $4, $5, $6, ${ts('$7')}, ${ts('$8')}, ${ts('$9')}, ${ts('$10')})`,
      [
        k.id,
        k.tenantId,
        k.name,
        listValue([...k.roles]),
        k.secretHash,
        k.createdBy,
        big(k.createdAtMs),
        orNull(k.expiresAtMs),
        orNull(k.lastUsedAtMs),
        orNull(k.revokedAtMs),
      ],
    );
  }

  async getApiKey(id: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.#rows(`SELECT ${KEY} FROM api_keys WHERE id = $1`, [id]);
    return row ? toKey(row) : null;
  }

  listApiKeys(tenantId: string | null, page: PageRequest): Promise<Page<ApiKeyRecord>> {
    const where = [
      tenantId === null ? 'TRUE' : 'tenant_id = $1',
      page.after ? `id > $${tenantId === null ? 1 : 2}` : 'TRUE',
    ];
    const params = [...(tenantId === null ? [] : [tenantId]), ...(page.after ? [page.after] : [])];
    return this.#page(
      `SELECT ${KEY} FROM api_keys WHERE ${where.join(' AND ')} ORDER BY id`,
      params,
      page,
      toKey,
      (k) => k.id,
    );
  }

  async revokeApiKey(id: string, atMs: number): Promise<ApiKeyRecord | null> {
    await this.#exec(
      `UPDATE api_keys SET revoked_at = coalesce(revoked_at, ${ts('$2')}) WHERE id = $1`,
      [id, big(atMs)],
    );
    return this.getApiKey(id);
  }

  async touchApiKey(id: string, atMs: number): Promise<void> {
    await this.#exec(`UPDATE api_keys SET last_used_at = ${ts('$2')} WHERE id = $1`, [
      id,
      big(atMs),
    ]);
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.#exec(
      `INSERT INTO sessions VALUES ($1, $2, $3, ${ts('$4')}, ${ts('$5')}, ${ts('$6')}, $7, $8)`,
      [
        s.tokenHash,
        s.userId,
        s.tenantId,
        big(s.createdAtMs),
        big(s.expiresAtMs),
        big(s.lastSeenAtMs),
        s.ip,
        s.userAgent,
      ],
    );
  }

  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    const [row] = await this.#rows(`SELECT ${SESSION} FROM sessions WHERE token_hash = $1`, [
      tokenHash,
    ]);
    return row ? toSession(row) : null;
  }

  async touchSession(tokenHash: string, atMs: number): Promise<void> {
    await this.#exec(`UPDATE sessions SET last_seen_at = ${ts('$2')} WHERE token_hash = $1`, [
      tokenHash,
      big(atMs),
    ]);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.#exec('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  deleteSessionsOfUser(userId: string): Promise<number> {
    return this.#exec('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  deleteExpiredSessions(nowMs: number): Promise<number> {
    return this.#exec(`DELETE FROM sessions WHERE expires_at <= ${ts('$1')}`, [big(nowMs)]);
  }

  async createEntitlement(e: Entitlement): Promise<void> {
    await this.#exec(
      `INSERT INTO entitlements VALUES ($1, $2, $3, $4, $5, $6, ${ts('$7')}, ${ts('$8')}, $9)`,
      [
        e.id,
        e.tenantId,
        e.market,
        e.product,
        listValue([...e.channels]),
        e.instruments === null ? null : listValue([...e.instruments]),
        orNull(e.dataFromMs),
        orNull(e.dataToMs),
        e.seats,
      ],
    );
  }

  async getEntitlement(id: string): Promise<Entitlement | null> {
    const [row] = await this.#rows(`SELECT ${ENTITLEMENT} FROM entitlements WHERE id = $1`, [id]);
    return row ? toEntitlement(row) : null;
  }

  async listEntitlements(tenantId: string | null): Promise<Entitlement[]> {
    const rows =
      tenantId === null
        ? await this.#rows(
            `SELECT ${ENTITLEMENT} FROM entitlements ORDER BY tenant_id, market, product, id`,
          )
        : await this.#rows(
            `SELECT ${ENTITLEMENT} FROM entitlements WHERE tenant_id = $1 ORDER BY market, product, id`,
            [tenantId],
          );
    return rows.map(toEntitlement);
  }

  deleteEntitlement(id: string): Promise<boolean> {
    return this.#db.transaction(async ({ connection }) => {
      await connection.run('DELETE FROM entitlement_seats WHERE entitlement_id = $1', [id]);
      const result = await connection.run('DELETE FROM entitlements WHERE id = $1', [id]);
      return Number(result.rowsChanged) > 0;
    });
  }

  async listSeats(entitlementId: string): Promise<SeatAssignment[]> {
    const rows = await this.#rows(
      'SELECT entitlement_id, actor, epoch_ms(assigned_at)::DOUBLE FROM entitlement_seats WHERE entitlement_id = $1 ORDER BY assigned_at, actor',
      [entitlementId],
    );
    return rows.map((r) => ({
      entitlementId: text(r[0]),
      actor: text(r[1]),
      assignedAtMs: Number(r[2]),
    }));
  }

  claimSeat(entitlementId: string, actor: string, seats: number, atMs: number): Promise<boolean> {
    // Inside the serialised writer, so count-then-insert cannot race another claim.
    return this.#db.write(async ({ connection }) => {
      const held = await connection.runAndReadAll(
        'SELECT count(*) FILTER (WHERE actor = $2)::INTEGER, count(*)::INTEGER FROM entitlement_seats WHERE entitlement_id = $1',
        [entitlementId, actor],
      );
      const [mine, taken] = (held.getRowsJS()[0] ?? [0, 0]).map(Number) as [number, number];
      if (mine > 0) {
        return true;
      }
      if (taken >= seats) {
        return false;
      }
      await connection.run(`INSERT INTO entitlement_seats VALUES ($1, $2, ${ts('$3')})`, [
        entitlementId,
        actor,
        big(atMs),
      ]);
      return true;
    });
  }

  async releaseSeat(entitlementId: string, actor: string): Promise<boolean> {
    return (
      (await this.#exec('DELETE FROM entitlement_seats WHERE entitlement_id = $1 AND actor = $2', [
        entitlementId,
        actor,
      ])) > 0
    );
  }
}
