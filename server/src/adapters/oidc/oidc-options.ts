import { AppError } from '../../platform/errors.js';
import { systemClock, type Clock } from '../../platform/clock.js';

/** Settings for {@link createOidcTokenVerifier}; everything but issuer, audience and tolerance has a default. */
export interface OidcOptions {
  /** The issuer identifier exactly as the provider states it (e.g. `https://kc.example/realms/254carbon`). */
  readonly issuer: string;
  /** The `aud` value our API must find in every token. */
  readonly audience: string;
  /** Allowed clock skew for `exp`/`nbf`, in seconds. */
  readonly clockToleranceSeconds: number;
  /** Signature algorithms accepted; `none` and HMAC (`HS*`) are refused because a public JWKS cannot back them. */
  readonly allowedAlgorithms?: readonly string[];
  /** Timeout for the discovery and JWKS requests. Default 5 s. */
  readonly fetchTimeoutMs?: number;
  /** How long a discovery document is used before it is fetched again. Default 1 h. */
  readonly discoveryTtlMs?: number;
  /** Minimum time between JWKS refetches triggered by an unknown `kid`. Default 30 s (jose's default). */
  readonly jwksCooldownMs?: number;
  /** How long a fetched JWKS is trusted before it is fetched again. Default 10 min (jose's default). */
  readonly jwksCacheMaxAgeMs?: number;
  /** Source of "now" for `exp`/`nbf` checks and the discovery TTL. */
  readonly clock?: Clock;
}

/** Asymmetric algorithms every mainstream provider (Keycloak, Auth0, Entra, Okta) signs with. */
export const DEFAULT_ALLOWED_ALGORITHMS: readonly string[] = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'ES256',
  'ES384',
  'EdDSA',
];

/** {@link OidcOptions} with every default filled in and every value checked. */
export interface ResolvedOidcOptions {
  readonly issuer: string;
  readonly issuerUrl: URL;
  readonly audience: string;
  readonly clockToleranceSeconds: number;
  readonly allowedAlgorithms: readonly string[];
  readonly fetchTimeoutMs: number;
  readonly discoveryTtlMs: number;
  readonly jwksCooldownMs: number;
  readonly jwksCacheMaxAgeMs: number;
  readonly clock: Clock;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** True for `http:` URLs on this machine: the only place plain HTTP is acceptable for key material. */
export const isLoopbackHttp = (url: URL): boolean =>
  url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);

// Symmetric or unsigned algorithms would let anyone holding the public JWKS (i.e. everyone) mint tokens.
const isForbiddenAlgorithm = (alg: string): boolean => /^(none|HS\d+)$/i.test(alg);

const misconfigured = (message: string): AppError =>
  new AppError('invalid_request', `Invalid OIDC configuration: ${message}`);

const nonNegative = (value: number | undefined, fallback: number, name: string): number => {
  const resolved = value ?? fallback;
  if (!Number.isFinite(resolved) || resolved < 0) {
    throw misconfigured(`${name} must be a non-negative number, got ${String(value)}`);
  }
  return resolved;
};

const parseIssuer = (issuer: string): URL => {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw misconfigured(`issuer must be an absolute URL, got "${issuer}"`);
  }
  // OIDC Discovery requires https; plain http is tolerated only on loopback (local dev and tests).
  if (url.protocol !== 'https:' && !isLoopbackHttp(url)) {
    throw misconfigured(`issuer must use https (http only on loopback), got "${issuer}"`);
  }
  return url;
};

/** Fills defaults and rejects unsafe or nonsensical settings; throws AppError('invalid_request'). */
export const resolveOidcOptions = (options: OidcOptions): ResolvedOidcOptions => {
  const issuerUrl = parseIssuer(options.issuer);
  if (options.audience.trim() === '') {
    throw misconfigured('audience must not be empty');
  }
  const allowedAlgorithms = [...(options.allowedAlgorithms ?? DEFAULT_ALLOWED_ALGORITHMS)];
  if (allowedAlgorithms.length === 0) {
    throw misconfigured('allowedAlgorithms must not be empty');
  }
  const forbidden = allowedAlgorithms.filter(isForbiddenAlgorithm);
  if (forbidden.length > 0) {
    throw misconfigured(`allowedAlgorithms must not include ${forbidden.join(', ')}`);
  }
  const fetchTimeoutMs = options.fetchTimeoutMs ?? 5_000;
  // jose insists on an integer timeout.
  if (!Number.isInteger(fetchTimeoutMs) || fetchTimeoutMs <= 0) {
    throw misconfigured(`fetchTimeoutMs must be a positive integer, got ${String(fetchTimeoutMs)}`);
  }
  return {
    issuer: options.issuer,
    issuerUrl,
    audience: options.audience,
    clockToleranceSeconds: nonNegative(options.clockToleranceSeconds, 0, 'clockToleranceSeconds'),
    allowedAlgorithms,
    fetchTimeoutMs,
    discoveryTtlMs: nonNegative(options.discoveryTtlMs, 3_600_000, 'discoveryTtlMs'),
    jwksCooldownMs: nonNegative(options.jwksCooldownMs, 30_000, 'jwksCooldownMs'),
    jwksCacheMaxAgeMs: nonNegative(options.jwksCacheMaxAgeMs, 600_000, 'jwksCacheMaxAgeMs'),
    clock: options.clock ?? systemClock,
  };
};
