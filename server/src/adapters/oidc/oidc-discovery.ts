import { AppError } from '../../platform/errors.js';
import { isLoopbackHttp } from './oidc-options.js';

/** The part of an OpenID Provider Configuration this verifier relies on. */
export interface OidcDiscovery {
  readonly jwksUri: URL;
}

/** Where the provider's configuration lives, per OpenID Connect Discovery 1.0 §4. */
export const discoveryUrlFor = (issuer: string): URL =>
  new URL(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);

const unavailable = (message: string, cause?: unknown): AppError =>
  new AppError('upstream_unavailable', message, cause === undefined ? {} : { cause });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks the jwks_uri: another origin is fine (Keycloak behind a proxy, Auth0 and others do that), but keys
 * must arrive over https unless issuer and keys both live on loopback, where there is no network to attack.
 */
const parseJwksUri = (value: unknown, issuerUrl: URL, source: URL): URL => {
  if (typeof value !== 'string') {
    throw unavailable(`OIDC discovery at ${source.href} has no jwks_uri`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw unavailable(`OIDC discovery at ${source.href} has an invalid jwks_uri`, cause);
  }
  const secure = url.protocol === 'https:' || (isLoopbackHttp(issuerUrl) && isLoopbackHttp(url));
  if (!secure) {
    throw unavailable(
      `OIDC discovery at ${source.href} gives jwks_uri ${url.href}; it must use https`,
    );
  }
  return url;
};

/**
 * Fetches and checks the issuer's discovery document. Throws AppError('upstream_unavailable') when it cannot
 * be fetched or is unusable, including when it names a different issuer: trusting that document would mean
 * trusting keys chosen by whoever answered, so a mismatch is refused (a misconfiguration or an attack).
 */
export const fetchDiscovery = async (
  issuer: string,
  issuerUrl: URL,
  timeoutMs: number,
): Promise<OidcDiscovery> => {
  const source = discoveryUrlFor(issuer);
  let body: unknown;
  try {
    // No redirects, like jose's JWKS fetch: the document must come from the issuer's own URL.
    const response = await fetch(source, {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status !== 200) {
      throw unavailable(`OIDC discovery at ${source.href} answered HTTP ${response.status}`);
    }
    body = await response.json();
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    throw unavailable(`OIDC discovery at ${source.href} could not be fetched`, error);
  }
  if (!isRecord(body)) {
    throw unavailable(`OIDC discovery at ${source.href} is not a JSON object`);
  }
  if (body.issuer !== issuer) {
    throw unavailable(
      `OIDC discovery at ${source.href} names issuer ${JSON.stringify(body.issuer)}, not the configured ${issuer}`,
    );
  }
  return { jwksUri: parseJwksUri(body.jwks_uri, issuerUrl, source) };
};
