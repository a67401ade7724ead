/** Claims of a verified bearer token, as the identity provider issued them. */
export interface VerifiedToken {
  readonly issuer: string;
  readonly subject: string;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly expiresAtMs: number | null;
}

/**
 * Verifies bearer JWTs from a configured OpenID Connect issuer (discovery + JWKS, signature, issuer, audience,
 * expiry with clock skew). Throws AppError('not_authenticated') with the reason for any token it does not accept.
 */
export interface TokenVerifier {
  readonly issuer: string;
  verify(token: string): Promise<VerifiedToken>;
}
