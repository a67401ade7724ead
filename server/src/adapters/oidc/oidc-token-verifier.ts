import { jwtVerify } from 'jose';
import { AppError } from '../../platform/errors.js';
import type { TokenVerifier, VerifiedToken } from '../../ports/token-verifier.js';
import { createIssuerKeys } from './issuer-keys.js';
import { resolveOidcOptions, type OidcOptions } from './oidc-options.js';
import { toVerificationError } from './token-rejection.js';

export { DEFAULT_ALLOWED_ALGORITHMS, type OidcOptions } from './oidc-options.js';

// header.payload.signature in base64url (an empty signature is left to jose, which names alg=none as the fault).
// Checked up front so garbage never costs a discovery or JWKS fetch.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * A {@link TokenVerifier} for any OpenID Connect provider (Keycloak, Auth0, Entra, ...): keys come from the
 * provider's discovery document and JWKS, fetched on first use and cached; the signature, `iss`, `aud`,
 * `exp` and `nbf` (with the configured skew) are checked, and `sub` and `exp` are required.
 *
 * Throws AppError('invalid_request') at once for unsafe options (http issuer off loopback, `none`/`HS*`).
 * `verify` throws AppError('not_authenticated') with the reason for a refused token, and
 * AppError('upstream_unavailable') when the provider's discovery document or keys cannot be loaded.
 */
export const createOidcTokenVerifier = (options: OidcOptions): TokenVerifier => {
  const resolved = resolveOidcOptions(options);
  const keys = createIssuerKeys(resolved);
  const { issuer, audience, allowedAlgorithms, clock } = resolved;

  const verify = async (token: string): Promise<VerifiedToken> => {
    if (!COMPACT_JWS.test(token)) {
      throw new AppError('not_authenticated', 'token is not a well-formed signed JWT');
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys.resolveKey, {
        issuer,
        audience,
        clockTolerance: resolved.clockToleranceSeconds,
        algorithms: [...allowedAlgorithms],
        requiredClaims: ['sub', 'exp'],
        // jose reads the wall clock unless told otherwise; the injected clock keeps tests and replays exact.
        currentDate: new Date(clock.now()),
      }));
    } catch (error) {
      throw toVerificationError(error, token, { issuer, audience, allowedAlgorithms });
    }
    // jose checks that sub is present, not that it names anyone.
    if (typeof payload.sub !== 'string' || payload.sub === '') {
      throw new AppError('not_authenticated', 'token "sub" claim must be a non-empty string');
    }
    return {
      issuer,
      subject: payload.sub,
      claims: payload,
      // exp is required and jose has checked it is a number.
      expiresAtMs: typeof payload.exp === 'number' ? payload.exp * 1000 : null,
    };
  };

  return { issuer, verify };
};
