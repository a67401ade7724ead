import type { Entitlement } from '../../domain/access/entitlement.js';
import { OPERATOR_TENANT, type Role } from '../../domain/access/roles.js';
import type { InstrumentProduct } from '../../domain/instruments/instrument.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { hashPassword, randomToken, sha256Hex } from '../../platform/secrets.js';
import type { IdentityStore } from '../../ports/identity-store.js';
import { mintApiKey } from './api-keys.js';
import type { AuditService } from './audit.service.js';

export interface FirstRunSettings {
  readonly production: boolean;
  readonly adminUsername: string;
  readonly adminPassword: string | null;
  /**
   * Markets the operator tenant is entitled to from the start, prices and forward curves (e.g. SIM, so the hub shows
   * data at once).
   */
  readonly operatorMarkets: readonly string[];
}

/** What the operator tenant holds in its own markets from the start. */
const OPERATOR_PRODUCTS: readonly InstrumentProduct[] = ['lmp', 'curve'];

/** Credentials created now; shown once, never stored in clear. */
export interface CreatedCredentials {
  readonly tenantId: string;
  readonly username: string;
  readonly password: string | null;
  readonly apiKey: string | null;
}

/** The two pilots of the original system, kept as demo data and acceptance fixtures. */
export const PILOT_TENANTS = [
  {
    tenant: { id: 'pilot_miso', name: 'MISO pilot (demo)' },
    grant: { market: 'MISO', channels: ['hub', 'api', 'downloads'], instruments: null, seats: 5 },
    user: {
      username: 'trader@pilot-miso.example',
      displayName: 'MISO pilot trader',
      roles: ['analyst'],
    },
  },
  {
    tenant: { id: 'pilot_caiso', name: 'CAISO pilot (demo)' },
    grant: {
      market: 'CAISO',
      channels: ['hub', 'downloads'],
      instruments: ['CAISO.TH_SP15_GEN-APND', 'CAISO.TH_NP15_GEN-APND', 'CAISO.TH_ZP26_GEN-APND'],
      seats: 3,
    },
    user: {
      username: 'analyst@pilot-caiso.example',
      displayName: 'CAISO pilot analyst',
      roles: ['analyst'],
    },
  },
] as const;

/** First start: the operator tenant, its first administrator, and (outside production) the demo pilots. */
export class BootstrapService {
  readonly #identity: IdentityStore;
  readonly #audit: AuditService;
  readonly #clock: Clock;

  constructor(deps: { identity: IdentityStore; audit: AuditService; clock: Clock }) {
    this.#identity = deps.identity;
    this.#audit = deps.audit;
    this.#clock = deps.clock;
  }

  /**
   * Creates the operator tenant and, when no account exists yet, the first administrator. Production never invents
   * a password: it must be given (CARBON_ADMIN_PASSWORD) or the start is refused. Elsewhere a random password and
   * an API key are generated and returned to be printed once.
   */
  async ensureOperator(settings: FirstRunSettings): Promise<CreatedCredentials | null> {
    await this.#ensureTenant(OPERATOR_TENANT, 'Operator');
    for (const market of settings.operatorMarkets) {
      for (const product of OPERATOR_PRODUCTS) {
        await this.#ensureGrant(
          OPERATOR_TENANT,
          market,
          product,
          ['hub', 'api', 'downloads'],
          null,
          null,
        );
      }
    }
    if ((await this.#identity.countUsers()) > 0) {
      return null;
    }
    if (settings.production && settings.adminPassword === null) {
      throw new AppError(
        'unavailable',
        'No administrator exists yet. In production, set CARBON_ADMIN_PASSWORD (12+ characters) for the first start, ' +
          'or run `254carbon admin init` to create one.',
      );
    }
    const password = settings.adminPassword ?? randomToken(15);
    if (password.length < 12) {
      throw new AppError(
        'invalid_request',
        'CARBON_ADMIN_PASSWORD must be at least 12 characters.',
      );
    }
    const userId = await this.#createUser(
      OPERATOR_TENANT,
      settings.adminUsername,
      'Administrator',
      ['admin'],
      password,
    );
    const apiKey = settings.production
      ? null
      : await this.#createKey(OPERATOR_TENANT, userId, 'first-run key', ['admin']);
    return {
      tenantId: OPERATOR_TENANT,
      username: settings.adminUsername,
      password: settings.adminPassword === null ? password : null,
      apiKey,
    };
  }

  /** Creates the demo pilot tenants, their entitlements and one user each, where missing. */
  async seedDemoTenants(): Promise<CreatedCredentials[]> {
    const created: CreatedCredentials[] = [];
    for (const pilot of PILOT_TENANTS) {
      await this.#ensureTenant(pilot.tenant.id, pilot.tenant.name);
      await this.#ensureGrant(
        pilot.tenant.id,
        pilot.grant.market,
        'lmp',
        pilot.grant.channels,
        pilot.grant.instruments,
        pilot.grant.seats,
      );
      if (!(await this.#identity.findUserByUsername(pilot.user.username))) {
        const password = randomToken(15);
        await this.#createUser(
          pilot.tenant.id,
          pilot.user.username,
          pilot.user.displayName,
          pilot.user.roles,
          password,
        );
        created.push({
          tenantId: pilot.tenant.id,
          username: pilot.user.username,
          password,
          apiKey: null,
        });
      }
    }
    return created;
  }

  async #ensureTenant(id: string, name: string): Promise<void> {
    if (!(await this.#identity.getTenant(id))) {
      await this.#identity.createTenant({
        id,
        name,
        status: 'active',
        createdAtMs: this.#clock.now(),
      });
      this.#record('admin.tenant.create', 'tenant', id, { name });
    }
  }

  async #ensureGrant(
    tenantId: string,
    market: string,
    product: InstrumentProduct,
    channels: Entitlement['channels'],
    instruments: readonly string[] | null,
    seats: number | null,
  ): Promise<void> {
    const existing = await this.#identity.listEntitlements(tenantId);
    if (existing.some((g) => g.market === market && g.product === product)) {
      return;
    }
    const grant: Entitlement = {
      id: newId(),
      tenantId,
      market,
      product,
      channels: [...channels],
      instruments: instruments === null ? null : [...instruments],
      dataFromMs: null,
      dataToMs: null,
      seats,
    };
    await this.#identity.createEntitlement(grant);
    this.#record('admin.entitlement.grant', 'entitlement', grant.id, { ...grant });
  }

  async #createUser(
    tenantId: string,
    username: string,
    displayName: string,
    roles: readonly Role[],
    password: string,
  ): Promise<string> {
    const id = newId();
    await this.#identity.createUser({
      id,
      tenantId,
      username: username.toLowerCase(),
      displayName,
      roles: [...roles],
      passwordHash: await hashPassword(password),
      status: 'active',
      createdAtMs: this.#clock.now(),
      lastLoginAtMs: null,
    });
    this.#record('admin.user.create', 'user', id, { tenantId, username, roles });
    return id;
  }

  async #createKey(
    tenantId: string,
    userId: string,
    name: string,
    roles: readonly Role[],
  ): Promise<string> {
    const minted = mintApiKey();
    await this.#identity.createApiKey({
      id: minted.id,
      tenantId,
      name,
      roles: [...roles],
      secretHash: sha256Hex(minted.secret),
      createdBy: `user:${userId}`,
      createdAtMs: this.#clock.now(),
      expiresAtMs: null,
      lastUsedAtMs: null,
      revokedAtMs: null,
    });
    this.#record('admin.key.create', 'api_key', minted.id, { tenantId, name, roles });
    return minted.key;
  }

  #record(
    action: string,
    resourceType: string,
    resourceId: string,
    details: Record<string, unknown>,
  ): void {
    this.#audit.record({
      actor: 'system',
      tenantId: OPERATOR_TENANT,
      action,
      resourceType,
      resourceId,
      result: 'success',
      ip: null,
      requestId: null,
      details,
    });
  }
}
