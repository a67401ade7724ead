import { Type, type Static } from 'typebox';

/**
 * Every setting the platform reads from the environment, with its default and meaning. config.ts reads and
 * checks the environment against it; `docs/CONFIGURATION.md` is generated from it (`npm run docs:config`).
 */
const oneOf = <const T extends readonly string[]>(
  values: T,
  options: { default: T[number]; description: string },
) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  );

export const DURATION = '^[0-9]+(ms|s|m|h|d)$';

export const ENV_SCHEMA = Type.Object(
  {
    CARBON_ENV: oneOf(['development', 'production', 'test'] as const, {
      default: 'development',
      description: 'Runtime mode: development, production or test.',
    }),
    CARBON_HOST: Type.String({
      default: '127.0.0.1',
      minLength: 1,
      description: 'Interface the HTTP server binds to. Use 0.0.0.0 to accept remote connections.',
    }),
    CARBON_PORT: Type.Integer({
      default: 8080,
      minimum: 0,
      maximum: 65535,
      description: 'HTTP port (0 = any free port).',
    }),
    CARBON_LOG_LEVEL: oneOf(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      {
        default: 'info',
        description: 'Minimum log level.',
      },
    ),
    CARBON_DATA_DIR: Type.String({
      default: './data',
      minLength: 1,
      description: 'Directory for the embedded database and generated files; created if missing.',
    }),
    CARBON_STORE: oneOf(['duckdb'] as const, {
      default: 'duckdb',
      description: 'Storage engine. duckdb is the embedded default (one file, no server).',
    }),
    CARBON_DUCKDB_FILE: Type.String({
      default: '',
      description:
        'DuckDB file; empty means <CARBON_DATA_DIR>/254carbon.duckdb. ":memory:" keeps nothing.',
    }),
    CARBON_DUCKDB_THREADS: Type.Integer({
      default: 2,
      minimum: 1,
      maximum: 256,
      description: 'DuckDB worker threads.',
    }),
    CARBON_DUCKDB_MEMORY_LIMIT: Type.String({
      default: '',
      pattern: '^$|^[0-9]+(\\.[0-9]+)?\\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$',
      description: 'DuckDB memory limit such as "2GB"; empty leaves DuckDB’s default (80% of RAM).',
    }),
    CARBON_READ_CACHE_MB: Type.Integer({
      default: 128,
      minimum: 0,
      maximum: 65536,
      description: 'Memory for the price read cache (recent instrument-days); 0 disables it.',
    }),
    CARBON_MAX_ROWS_PER_RESPONSE: Type.Integer({
      default: 100000,
      minimum: 1,
      maximum: 10000000,
      description:
        'Hard cap on rows in one API response; larger queries get a 400 that says how to narrow them.',
    }),
    CARBON_STREAM_HEARTBEAT: Type.String({
      default: '15s',
      pattern: DURATION,
      description: 'How often live-stream clients (WebSocket, SSE) receive a heartbeat message.',
    }),
    CARBON_STREAM_REPLAY_UPDATES: Type.Integer({
      default: 10000,
      minimum: 0,
      maximum: 10000000,
      description:
        'Updates kept for clients that reconnect with a sequence number; older ones get a reset message.',
    }),
    CARBON_STREAM_REPLAY_ROWS: Type.Integer({
      default: 200000,
      minimum: 0,
      maximum: 100000000,
      description:
        'Price rows kept in the live-stream replay buffer at most (bounds its memory: about 250 bytes a row).',
    }),
    CARBON_STREAM_REPLAY_WINDOW: Type.String({
      default: '10m',
      pattern: DURATION,
      description: 'How long live-stream updates stay available for replay.',
    }),
    CARBON_STREAM_CLIENT_BUFFER_KB: Type.Integer({
      default: 4096,
      minimum: 1,
      maximum: 1048576,
      description:
        'Bytes (KiB) a live-stream client may have waiting; a slower client is disconnected with the reason.',
    }),
    CARBON_GRAPHQL_MAX_DEPTH: Type.Integer({
      default: 8,
      minimum: 2,
      maximum: 50,
      description:
        'Deepest selection nesting a GraphQL query may have; deeper ones are refused before they run.',
    }),
    CARBON_GRAPHQL_MAX_COST: Type.Integer({
      default: 20000,
      minimum: 10,
      maximum: 1000000,
      description:
        'Largest estimated cost of a GraphQL query (1 per object, times the assumed length of each list around it; a `limit` argument is taken at its word); costlier ones are refused before they run.',
    }),
    CARBON_EXPORT_DIR: Type.String({
      default: '',
      description: 'Directory for export files; empty means <CARBON_DATA_DIR>/exports.',
    }),
    CARBON_EXPORT_MAX_ROWS: Type.Integer({
      default: 50000000,
      minimum: 1,
      maximum: 2000000000,
      description:
        'Most rows one export may have; larger requests get a 400 that says how to split them.',
    }),
    CARBON_EXPORT_MAX_MB: Type.Integer({
      default: 4096,
      minimum: 1,
      maximum: 1048576,
      description: 'Largest export file in MiB; a larger file fails the export and is deleted.',
    }),
    CARBON_EXPORT_TTL: Type.String({
      default: '24h',
      pattern: DURATION,
      description:
        'How long export files and their records are kept before the cleanup job deletes them.',
    }),
    CARBON_EXPORT_LINK_TTL: Type.String({
      default: '1h',
      pattern: DURATION,
      description:
        'How long one signed download link stays valid (never past the export’s expiry).',
    }),
    CARBON_EXPORT_SIGNING_SECRET: Type.String({
      default: '',
      pattern: '^$|^.{16,}$',
      description:
        'Secret (16+ characters) that signs export download links; empty means one is generated on first start and kept in the database.',
    }),
    CARBON_SCHEDULER_ENABLED: Type.Boolean({
      default: true,
      description: 'Run scheduled jobs inside `serve`.',
    }),
    CARBON_JOB_MAX_ATTEMPTS: Type.Integer({
      default: 3,
      minimum: 1,
      maximum: 20,
      description: 'Tries per job run before it is recorded as failed.',
    }),
    CARBON_JOB_RETRY_BASE: Type.String({
      default: '5s',
      pattern: DURATION,
      description: 'First retry delay; each further retry doubles it (exponential backoff).',
    }),
    CARBON_SIM_ENABLED: Type.Boolean({
      default: true,
      description:
        'Ingest the synthetic SIM market (clearly labelled) so the platform shows moving data offline.',
    }),
    CARBON_SIM_SEED: Type.Integer({
      default: 254,
      minimum: 0,
      maximum: 2147483647,
      description: 'Simulator seed.',
    }),
    CARBON_SIM_BACKFILL_DAYS: Type.Integer({
      default: 7,
      minimum: 0,
      maximum: 3660,
      description: 'Days of SIM history to create on first start.',
    }),
    CARBON_FEEDS: Type.String({
      default: '',
      pattern: '^$|^[a-z0-9_-]+(,[a-z0-9_-]+)*$',
      description:
        'Market feeds to keep up to date on their schedules, comma-separated (caiso, miso, ercot, pjm, nyiso, isone, spp). Empty: none. Every feed can be ingested on demand (`254carbon ingest`) either way.',
    }),
    CARBON_FEED_BACKFILL_DAYS: Type.Integer({
      default: 3,
      minimum: 0,
      maximum: 3650,
      description: 'Days of history a scheduled market feed fetches on its first run.',
    }),
    CARBON_FEED_HTTP_TIMEOUT: Type.String({
      default: '60s',
      pattern: DURATION,
      description: 'Time allowed for one request to an operator’s interface.',
    }),
    CARBON_FEED_HTTP_RETRIES: Type.Integer({
      default: 3,
      minimum: 0,
      maximum: 10,
      description:
        'Further attempts after a network error, 429 or 5xx from an operator (exponential backoff, Retry-After honoured).',
    }),
    CARBON_FEED_USER_AGENT: Type.String({
      default: '254carbon market-data client',
      minLength: 1,
      description: 'User-Agent sent to operators’ interfaces.',
    }),
    CARBON_PJM_API_KEY: Type.String({
      default: '',
      description:
        'PJM Data Miner 2 subscription key (free account at apiportal.pjm.com); needed by the pjm feed.',
    }),
    CARBON_ERCOT_USERNAME: Type.String({
      default: '',
      description:
        'ERCOT Public API user (apiexplorer.ercot.com); needed by the ercot feed’s API datasets.',
    }),
    CARBON_ERCOT_PASSWORD: Type.String({
      default: '',
      description: 'Password of CARBON_ERCOT_USERNAME.',
    }),
    CARBON_ERCOT_SUBSCRIPTION_KEY: Type.String({
      default: '',
      description: 'ERCOT Public API subscription key (Ocp-Apim-Subscription-Key).',
    }),
    CARBON_ISONE_USERNAME: Type.String({
      default: '',
      description: 'ISO-NE web services account (iso-ne.com); needed by the isone feed.',
    }),
    CARBON_ISONE_PASSWORD: Type.String({
      default: '',
      description: 'Password of CARBON_ISONE_USERNAME.',
    }),
    CARBON_QUALITY_PRICE_MIN: Type.Integer({
      default: -1000,
      minimum: -100000,
      maximum: 100000,
      description:
        'Lowest plausible LMP per MWh: lower prices are stored but recorded as data-quality problems.',
    }),
    CARBON_QUALITY_PRICE_MAX: Type.Integer({
      default: 10000,
      minimum: -100000,
      maximum: 100000,
      description:
        'Highest plausible LMP per MWh: higher prices are stored but recorded as data-quality problems.',
    }),
    CARBON_SESSION_TTL: Type.String({
      default: '12h',
      pattern: DURATION,
      description: 'Longest life of a web-hub login session.',
    }),
    CARBON_SESSION_IDLE: Type.String({
      default: '2h',
      pattern: DURATION,
      description: 'A session unused this long ends.',
    }),
    CARBON_COOKIE_SECURE: oneOf(['auto', 'true', 'false'] as const, {
      default: 'auto',
      description: 'Mark the session cookie Secure (HTTPS only); auto = only in production.',
    }),
    CARBON_OIDC_ISSUER: Type.String({
      default: '',
      description:
        'OpenID Connect issuer URL whose bearer tokens are accepted (e.g. a Keycloak realm); empty = off.',
    }),
    CARBON_OIDC_AUDIENCE: Type.String({
      default: '',
      description: 'Audience (aud) the OIDC tokens must carry; required with CARBON_OIDC_ISSUER.',
    }),
    CARBON_OIDC_TENANT_CLAIM: Type.String({
      default: 'tenant',
      minLength: 1,
      description: 'Token claim naming the 254Carbon tenant of the caller.',
    }),
    CARBON_OIDC_ROLES_CLAIM: Type.String({
      default: 'roles',
      minLength: 1,
      description:
        'Token claim with roles (admin, analyst, viewer); Keycloak realm_access.roles is also read.',
    }),
    CARBON_OIDC_CLOCK_SKEW: Type.String({
      default: '60s',
      pattern: DURATION,
      description: 'Clock skew tolerated when checking token expiry.',
    }),
    CARBON_AUDIT_RETENTION: Type.String({
      default: '365d',
      pattern: DURATION,
      description:
        'Audit records older than this are removed by the daily retention job (the chain stays verifiable).',
    }),
    CARBON_AUDIT_FLUSH: Type.String({
      default: '250ms',
      pattern: DURATION,
      description:
        'How often queued audit records are written (they are also written on shutdown).',
    }),
    CARBON_RATE_LIMIT_ACTOR: Type.Integer({
      default: 1200,
      minimum: 1,
      maximum: 100000000,
      description: 'Requests per minute allowed per API key, user or token subject.',
    }),
    CARBON_RATE_LIMIT_TENANT: Type.Integer({
      default: 6000,
      minimum: 1,
      maximum: 100000000,
      description: 'Requests per minute allowed per tenant, across all its callers.',
    }),
    CARBON_RATE_LIMIT_EXPORTS: Type.Integer({
      default: 20,
      minimum: 1,
      maximum: 1000000,
      description: 'File downloads (CSV, exports) per minute allowed per tenant.',
    }),
    CARBON_LOGIN_MAX_FAILURES: Type.Integer({
      default: 5,
      minimum: 1,
      maximum: 1000,
      description:
        'Failed logins per username and address within 15 minutes before further tries are refused.',
    }),
    CARBON_ADMIN_USERNAME: Type.String({
      default: 'admin',
      minLength: 1,
      description: 'Username of the first administrator, created on first start.',
    }),
    CARBON_ADMIN_PASSWORD: Type.String({
      default: '',
      description:
        'Password for the first administrator. Empty: development prints a random one; production refuses to start without it.',
    }),
    CARBON_DEMO_TENANTS: oneOf(['auto', 'true', 'false'] as const, {
      default: 'auto',
      description:
        'Create the pilot_miso and pilot_caiso demo tenants; auto = only in development.',
    }),
    CARBON_CLI_API_KEY: Type.String({
      default: '',
      description: 'API key the CLI uses when it reads through a running server.',
    }),
    CARBON_WEB_DIR: Type.String({
      default: '',
      description:
        'Built web hub to serve at /; empty means the bundled web/dist next to the server.',
    }),
  },
  { additionalProperties: false },
);

export type Env = Static<typeof ENV_SCHEMA>;
