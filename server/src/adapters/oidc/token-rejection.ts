import { decodeProtectedHeader, errors } from 'jose';
import { AppError } from '../../platform/errors.js';

/** What the verifier needs to phrase a rejection; never the token's own (attacker-controlled) strings. */
export interface RejectionContext {
  readonly issuer: string;
  readonly audience: string;
  readonly allowedAlgorithms: readonly string[];
}

const rejected = (reason: string): AppError => new AppError('not_authenticated', reason);

const isoFromSeconds = (value: unknown): string | null =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 8.64e12
    ? new Date(value * 1000).toISOString()
    : null;

// The header is unauthenticated input: show its alg only when it looks like an algorithm name.
const headerAlgorithm = (token: string): string | null => {
  try {
    const { alg } = decodeProtectedHeader(token);
    return typeof alg === 'string' && /^[A-Za-z0-9+-]{1,32}$/.test(alg) ? alg : null;
  } catch {
    return null;
  }
};

const claimRejection = (
  error: errors.JWTClaimValidationFailed,
  context: RejectionContext,
): AppError => {
  if (error.reason === 'missing') {
    return rejected(`token has no "${error.claim}" claim`);
  }
  switch (error.claim) {
    case 'iss':
      return rejected(`token was not issued by ${context.issuer}`);
    case 'aud':
      return rejected(`token audience does not include ${context.audience}`);
    case 'nbf': {
      const at = isoFromSeconds(error.payload.nbf);
      return rejected(at === null ? 'token is not yet valid' : `token is not valid before ${at}`);
    }
    default:
      return rejected(`token claim "${error.claim}" is invalid`);
  }
};

/**
 * Turns whatever `jwtVerify` threw into an AppError whose message says why the token was refused. Token
 * problems become 'not_authenticated' without a cause (jose errors carry the claims, which may hold personal
 * data that must not reach logs); AppErrors raised on the way (the issuer being unreachable) pass through.
 */
export const toVerificationError = (
  error: unknown,
  token: string,
  context: RejectionContext,
): AppError => {
  if (error instanceof AppError) {
    return error;
  }
  if (error instanceof errors.JWTExpired) {
    const at = isoFromSeconds(error.payload.exp);
    return rejected(at === null ? 'token expired' : `token expired at ${at}`);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return claimRejection(error, context);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    const alg = headerAlgorithm(token) ?? 'its algorithm';
    return rejected(
      `token is signed with ${alg}, which is not allowed (allowed: ${context.allowedAlgorithms.join(', ')})`,
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return rejected(`token signature does not verify against the keys of ${context.issuer}`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return rejected(`token is signed with a key ${context.issuer} does not publish`);
  }
  if (error instanceof errors.JWKSMultipleMatchingKeys) {
    return rejected('token does not identify a single signing key (kid)');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return rejected('token is not a well-formed signed JWT');
  }
  if (error instanceof errors.JOSENotSupported) {
    return rejected('token uses an unsupported algorithm or header');
  }
  if (error instanceof errors.JOSEError) {
    return rejected('token was rejected');
  }
  // Anything else is a bug here or in jose; do not blame the caller's token for it.
  return new AppError('internal', 'token verification failed unexpectedly', { cause: error });
};
