import { createRemoteJWKSet, errors, type JWTVerifyGetKey, type RemoteJWKSetOptions } from 'jose';
import { AppError } from '../../platform/errors.js';
import { fetchDiscovery } from './oidc-discovery.js';
import type { ResolvedOidcOptions } from './oidc-options.js';

interface Discovered {
  readonly jwksUri: URL;
  readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  readonly fetchedAtMs: number;
}

/** Key lookup for one issuer: a jose key resolver backed by lazy, cached discovery and a remote JWKS. */
export interface IssuerKeys {
  readonly resolveKey: JWTVerifyGetKey;
}

// Failures that say something about the token (which key it names), as opposed to the issuer being unreachable.
const isTokenKeyError = (error: unknown): boolean =>
  error instanceof errors.JWKSNoMatchingKey ||
  error instanceof errors.JWKSMultipleMatchingKeys ||
  error instanceof errors.JOSEAlgNotAllowed ||
  error instanceof errors.JOSENotSupported;

/**
 * Discovery happens on the first verify, not at start-up, so the API boots while the identity provider is
 * down. A failed discovery is never cached: the next verify tries again. Once discovered, the document is
 * reused for `discoveryTtlMs`; after that it is refreshed in the background while the previous keys keep
 * working, so an identity-provider blip does not reject tokens that jose can still check from its cache.
 */
export const createIssuerKeys = (options: ResolvedOidcOptions): IssuerKeys => {
  const jwksOptions: RemoteJWKSetOptions = {
    timeoutDuration: options.fetchTimeoutMs,
    cooldownDuration: options.jwksCooldownMs,
    cacheMaxAge: options.jwksCacheMaxAgeMs,
  };
  let current: Discovered | undefined;
  let pending: Promise<Discovered> | undefined;

  const discover = (): Promise<Discovered> => {
    // Concurrent verifies share one request.
    pending ??= fetchDiscovery(options.issuer, options.issuerUrl, options.fetchTimeoutMs)
      .then(({ jwksUri }) => {
        // Keep jose's key cache when the jwks_uri has not moved.
        const jwks =
          current?.jwksUri.href === jwksUri.href
            ? current.jwks
            : createRemoteJWKSet(jwksUri, jwksOptions);
        current = { jwksUri, jwks, fetchedAtMs: options.clock.now() };
        return current;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  const discovered = async (): Promise<Discovered> => {
    if (current === undefined) {
      return discover();
    }
    if (options.clock.now() - current.fetchedAtMs >= options.discoveryTtlMs && !pending) {
      // Stale-while-revalidate; a failure leaves `current` alone and the next verify retries.
      discover().catch(() => undefined);
    }
    return current;
  };

  const resolveKey: JWTVerifyGetKey = async (header, token) => {
    const { jwks, jwksUri } = await discovered();
    try {
      return await jwks(header, token);
    } catch (error) {
      if (isTokenKeyError(error)) {
        throw error;
      }
      // Network errors, timeouts, non-200 answers, malformed key sets: the issuer is the problem, not the token.
      throw new AppError(
        'upstream_unavailable',
        `OIDC keys at ${jwksUri.href} could not be loaded`,
        {
          cause: error,
        },
      );
    }
  };

  return { resolveKey };
};
