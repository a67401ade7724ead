import {
  createHash,
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';

const scrypt = (
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scryptCallback(password, salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

/**
 * scrypt cost: N = 2^15, r = 8, p = 1 (about 32 MiB and ~50 ms here), the OWASP baseline for scrypt. The
 * parameters travel with the hash, so they can be raised later without breaking stored passwords.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const MAX_MEMORY = 128 * 1024 * 1024;

/** Hashes a password for storage as `scrypt$N$r$p$<salt b64url>$<hash b64url>`. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...COST, maxmem: MAX_MEMORY });
  return [
    'scrypt',
    COST.N,
    COST.r,
    COST.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
};

/** Checks a password against a stored hash in constant time; false for a malformed hash. */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltText || !keyText) {
    return false;
  }
  const expected = Buffer.from(keyText, 'base64url');
  const key = await scrypt(password, Buffer.from(saltText, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
};

/** An unguessable token (URL-safe), for session cookies, API key secrets and first-run passwords. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** A random lower-case hex string (`bytes` × 2 characters), for public identifiers such as API key ids. */
export const randomHex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** Hex SHA-256, for storing high-entropy secrets (session tokens, API keys) without keeping them. */
export const sha256Hex = (value: string): string =>
  createHash('sha256').update(value).digest('hex');

/** Constant-time comparison of two hex digests. */
export const sameDigest = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
