import { resolve } from 'node:path';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { DURATION, ENV_SCHEMA, type Env } from './config-schema.js';
import { AppError } from './errors.js';

export { ENV_SCHEMA };

/**
 * The typed, frozen configuration. This module is the only reader of `process.env` (a lint rule enforces it);
 * the variables themselves, with defaults and meanings, are declared in config-schema.ts.
 */
export interface Config {
  readonly env: Env['CARBON_ENV'];
  readonly http: { readonly host: string; readonly port: number };
  readonly log: { readonly level: Env['CARBON_LOG_LEVEL'] };
  readonly dataDir: string;
  readonly store: {
    readonly engine: Env['CARBON_STORE'];
    readonly duckdbFile: string;
    readonly duckdbThreads: number;
    readonly duckdbMemoryLimit: string | null;
    readonly readCacheBytes: number;
  };
  readonly api: {
    readonly maxRowsPerResponse: number;
    readonly graphql: { readonly maxDepth: number; readonly maxCost: number };
  };
  /** Live streams: heartbeat period, replay buffer bounds and the per-client queue bound. */
  readonly stream: {
    readonly heartbeatMs: number;
    readonly replayUpdates: number;
    readonly replayRows: number;
    readonly replayWindowMs: number;
    readonly clientBufferBytes: number;
  };
  /** Export files: where they are written, their caps, how long they and their links live, the link secret. */
  readonly exports: {
    readonly dir: string;
    readonly maxRows: number;
    readonly maxBytes: number;
    readonly ttlMs: number;
    readonly linkTtlMs: number;
    /** null: generated on first start and kept in the database. */
    readonly signingSecret: string | null;
  };
  readonly scheduler: {
    readonly enabled: boolean;
    readonly maxAttempts: number;
    readonly retryBaseMs: number;
  };
  readonly sim: { readonly enabled: boolean; readonly seed: number; readonly backfillDays: number };
  readonly web: { readonly dir: string | null };
  readonly feeds: {
    /** Feeds the scheduler keeps up to date (ids as in CARBON_FEEDS). */
    readonly scheduled: readonly string[];
    readonly backfillDays: number;
    readonly http: {
      readonly timeoutMs: number;
      readonly retries: number;
      readonly userAgent: string;
    };
    /** Operators' credentials; null where not configured (the feed says which setting it needs). */
    readonly credentials: {
      readonly pjmApiKey: string | null;
      readonly ercotUsername: string | null;
      readonly ercotPassword: string | null;
      readonly ercotSubscriptionKey: string | null;
      readonly isoneUsername: string | null;
      readonly isonePassword: string | null;
    };
  };
  /** Data quality on ingest: the plausible LMP range (per MWh); prices outside are stored and flagged. */
  readonly quality: { readonly priceRange: { readonly min: number; readonly max: number } };
  readonly auth: {
    readonly sessionTtlMs: number;
    readonly sessionIdleMs: number;
    readonly cookieSecure: boolean;
    readonly oidc: {
      readonly issuer: string;
      readonly audience: string;
      readonly tenantClaim: string;
      readonly rolesClaim: string;
      readonly clockSkewSeconds: number;
    } | null;
    readonly loginMaxFailures: number;
    readonly adminUsername: string;
    readonly adminPassword: string | null;
    readonly demoTenants: boolean;
    readonly cliApiKey: string | null;
  };
  readonly audit: { readonly retentionMs: number; readonly flushMs: number };
  readonly rateLimits: {
    readonly perActorPerMinute: number;
    readonly perTenantPerMinute: number;
    readonly exportsPerMinute: number;
  };
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses durations such as `500ms`, `5s`, `10m`, `2h`, `1d` into milliseconds. */
export const parseDurationMs = (text: string): number => {
  const match = /^([0-9]+)(ms|s|m|h|d)$/.exec(text);
  if (!match) {
    throw new AppError(
      'invalid_request',
      `"${text}" is not a duration such as 500ms, 5s, 10m, 2h or 1d`,
    );
  }
  return Number(match[1]) * (UNIT_MS[match[2] as string] as number);
};

const allowedValues = (schema: TSchema): string | null => {
  const anyOf = (schema as { anyOf?: { const?: unknown }[] }).anyOf;
  return anyOf ? anyOf.map((s) => String(s.const)).join(', ') : null;
};

const describeProblem = (key: string, raw: unknown, schema: TSchema | undefined): string => {
  if (!schema) {
    return `${key} is not a known setting (see docs/CONFIGURATION.md)`;
  }
  const s = schema as { type?: string; minimum?: number; maximum?: number; pattern?: string };
  const allowed = allowedValues(schema);
  const got = JSON.stringify(raw);
  if (allowed) {
    return `${key} must be one of ${allowed}; got ${got}`;
  }
  if (s.type === 'integer') {
    return `${key} must be a whole number between ${s.minimum} and ${s.maximum}; got ${got}`;
  }
  if (s.type === 'boolean') {
    return `${key} must be true or false; got ${got}`;
  }
  if (s.pattern === DURATION) {
    return `${key} must be a duration such as 500ms, 5s, 10m or 2h; got ${got}`;
  }
  return `${key} is invalid (${(schema as { description?: string }).description ?? 'see docs/CONFIGURATION.md'}); got ${got}`;
};

/**
 * Reads and validates the environment once. Every bad key is reported in one error, so a deployment
 * is fixed in one pass. Unknown `CARBON_*` keys are errors too: a typo must not silently fall back to a default.
 */
export const loadConfig = (
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): Config => {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('CARBON_') && value !== undefined && value !== '') {
      raw[key] = value.trim();
    }
  }
  const properties = ENV_SCHEMA.properties as Record<string, TSchema>;
  const converted: Record<string, unknown> = {};
  const problems = new Map<string, string>();
  for (const [key, schema] of Object.entries(properties)) {
    // Checked key by key so that every bad setting is reported, not just the first few.
    const value = Value.Convert(schema, Value.Default(schema, raw[key]));
    if (Value.Check(schema, value)) {
      converted[key] = value;
    } else {
      problems.set(key, describeProblem(key, raw[key], schema));
    }
  }
  for (const key of Object.keys(raw)) {
    if (!(key in properties)) {
      problems.set(key, describeProblem(key, raw[key], undefined));
    }
  }
  if (Boolean(converted.CARBON_OIDC_ISSUER) !== Boolean(converted.CARBON_OIDC_AUDIENCE)) {
    problems.set(
      'CARBON_OIDC_AUDIENCE',
      'CARBON_OIDC_ISSUER and CARBON_OIDC_AUDIENCE must be set together',
    );
  }
  if (
    converted.CARBON_OIDC_ISSUER &&
    !/^https?:\/\//.test(converted.CARBON_OIDC_ISSUER as string)
  ) {
    problems.set(
      'CARBON_OIDC_ISSUER',
      `CARBON_OIDC_ISSUER must be an http(s) URL; got "${converted.CARBON_OIDC_ISSUER as string}"`,
    );
  }
  if (Number(converted.CARBON_QUALITY_PRICE_MIN) >= Number(converted.CARBON_QUALITY_PRICE_MAX)) {
    problems.set(
      'CARBON_QUALITY_PRICE_MAX',
      'CARBON_QUALITY_PRICE_MAX must be above CARBON_QUALITY_PRICE_MIN',
    );
  }
  if (problems.size > 0) {
    const lines = [...problems.values()];
    throw new AppError('invalid_request', `Invalid configuration:\n  - ${lines.join('\n  - ')}`, {
      fields: [...problems].map(([field, message]) => ({ field, message })),
    });
  }
  return toConfig(converted as Env, cwd);
};

const orNull = (text: string): string | null => (text.trim() === '' ? null : text);

const toConfig = (env: Env, cwd: string): Config => {
  const production = env.CARBON_ENV === 'production';
  const dataDir = resolve(cwd, env.CARBON_DATA_DIR);
  const duckdbFile =
    env.CARBON_DUCKDB_FILE === ''
      ? resolve(dataDir, '254carbon.duckdb')
      : env.CARBON_DUCKDB_FILE === ':memory:'
        ? ':memory:'
        : resolve(cwd, env.CARBON_DUCKDB_FILE);
  return Object.freeze({
    env: env.CARBON_ENV,
    http: Object.freeze({ host: env.CARBON_HOST, port: env.CARBON_PORT }),
    log: Object.freeze({ level: env.CARBON_LOG_LEVEL }),
    dataDir,
    store: Object.freeze({
      engine: env.CARBON_STORE,
      duckdbFile,
      duckdbThreads: env.CARBON_DUCKDB_THREADS,
      duckdbMemoryLimit:
        env.CARBON_DUCKDB_MEMORY_LIMIT === '' ? null : env.CARBON_DUCKDB_MEMORY_LIMIT,
      readCacheBytes: env.CARBON_READ_CACHE_MB * 1024 * 1024,
    }),
    api: Object.freeze({
      maxRowsPerResponse: env.CARBON_MAX_ROWS_PER_RESPONSE,
      graphql: Object.freeze({
        maxDepth: env.CARBON_GRAPHQL_MAX_DEPTH,
        maxCost: env.CARBON_GRAPHQL_MAX_COST,
      }),
    }),
    stream: Object.freeze({
      heartbeatMs: parseDurationMs(env.CARBON_STREAM_HEARTBEAT),
      replayUpdates: env.CARBON_STREAM_REPLAY_UPDATES,
      replayRows: env.CARBON_STREAM_REPLAY_ROWS,
      replayWindowMs: parseDurationMs(env.CARBON_STREAM_REPLAY_WINDOW),
      clientBufferBytes: env.CARBON_STREAM_CLIENT_BUFFER_KB * 1024,
    }),
    exports: Object.freeze({
      dir:
        env.CARBON_EXPORT_DIR === ''
          ? resolve(dataDir, 'exports')
          : resolve(cwd, env.CARBON_EXPORT_DIR),
      maxRows: env.CARBON_EXPORT_MAX_ROWS,
      maxBytes: env.CARBON_EXPORT_MAX_MB * 1024 * 1024,
      ttlMs: parseDurationMs(env.CARBON_EXPORT_TTL),
      linkTtlMs: parseDurationMs(env.CARBON_EXPORT_LINK_TTL),
      signingSecret: orNull(env.CARBON_EXPORT_SIGNING_SECRET),
    }),
    scheduler: Object.freeze({
      enabled: env.CARBON_SCHEDULER_ENABLED,
      maxAttempts: env.CARBON_JOB_MAX_ATTEMPTS,
      retryBaseMs: parseDurationMs(env.CARBON_JOB_RETRY_BASE),
    }),
    sim: Object.freeze({
      enabled: env.CARBON_SIM_ENABLED,
      seed: env.CARBON_SIM_SEED,
      backfillDays: env.CARBON_SIM_BACKFILL_DAYS,
    }),
    feeds: Object.freeze({
      scheduled: Object.freeze(
        env.CARBON_FEEDS === '' ? [] : [...new Set(env.CARBON_FEEDS.split(','))],
      ),
      backfillDays: env.CARBON_FEED_BACKFILL_DAYS,
      http: Object.freeze({
        timeoutMs: parseDurationMs(env.CARBON_FEED_HTTP_TIMEOUT),
        retries: env.CARBON_FEED_HTTP_RETRIES,
        userAgent: env.CARBON_FEED_USER_AGENT,
      }),
      credentials: Object.freeze({
        pjmApiKey: orNull(env.CARBON_PJM_API_KEY),
        ercotUsername: orNull(env.CARBON_ERCOT_USERNAME),
        ercotPassword: orNull(env.CARBON_ERCOT_PASSWORD),
        ercotSubscriptionKey: orNull(env.CARBON_ERCOT_SUBSCRIPTION_KEY),
        isoneUsername: orNull(env.CARBON_ISONE_USERNAME),
        isonePassword: orNull(env.CARBON_ISONE_PASSWORD),
      }),
    }),
    web: Object.freeze({
      dir: env.CARBON_WEB_DIR === '' ? null : resolve(cwd, env.CARBON_WEB_DIR),
    }),
    quality: Object.freeze({
      priceRange: Object.freeze({
        min: env.CARBON_QUALITY_PRICE_MIN,
        max: env.CARBON_QUALITY_PRICE_MAX,
      }),
    }),
    auth: Object.freeze({
      sessionTtlMs: parseDurationMs(env.CARBON_SESSION_TTL),
      sessionIdleMs: parseDurationMs(env.CARBON_SESSION_IDLE),
      cookieSecure:
        env.CARBON_COOKIE_SECURE === 'auto' ? production : env.CARBON_COOKIE_SECURE === 'true',
      oidc:
        env.CARBON_OIDC_ISSUER === ''
          ? null
          : Object.freeze({
              issuer: env.CARBON_OIDC_ISSUER,
              audience: env.CARBON_OIDC_AUDIENCE,
              tenantClaim: env.CARBON_OIDC_TENANT_CLAIM,
              rolesClaim: env.CARBON_OIDC_ROLES_CLAIM,
              clockSkewSeconds: parseDurationMs(env.CARBON_OIDC_CLOCK_SKEW) / 1000,
            }),
      loginMaxFailures: env.CARBON_LOGIN_MAX_FAILURES,
      adminUsername: env.CARBON_ADMIN_USERNAME,
      adminPassword: env.CARBON_ADMIN_PASSWORD === '' ? null : env.CARBON_ADMIN_PASSWORD,
      demoTenants:
        env.CARBON_DEMO_TENANTS === 'auto' ? !production : env.CARBON_DEMO_TENANTS === 'true',
      cliApiKey: env.CARBON_CLI_API_KEY === '' ? null : env.CARBON_CLI_API_KEY,
    }),
    audit: Object.freeze({
      retentionMs: parseDurationMs(env.CARBON_AUDIT_RETENTION),
      flushMs: parseDurationMs(env.CARBON_AUDIT_FLUSH),
    }),
    rateLimits: Object.freeze({
      perActorPerMinute: env.CARBON_RATE_LIMIT_ACTOR,
      perTenantPerMinute: env.CARBON_RATE_LIMIT_TENANT,
      exportsPerMinute: env.CARBON_RATE_LIMIT_EXPORTS,
    }),
  });
};

/** The settings as read from this process’s environment. Call once, in the composition root. */
export const loadConfigFromProcess = (): Config => loadConfig(process.env);
