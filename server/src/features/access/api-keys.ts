import { randomHex, randomToken } from '../../platform/secrets.js';

/**
 * API keys look like `c254_<id>.<secret>`: the id finds the record, the secret is checked against its SHA-256.
 * The prefix makes leaked keys easy to spot by secret scanners and tells keys apart from JWTs.
 */
export const API_KEY_PREFIX = 'c254_';

const KEY_PATTERN = /^c254_([a-f0-9]{16})\.([\w-]{43})$/;

export const mintApiKey = (): { id: string; secret: string; key: string } => {
  const id = randomHex(8);
  const secret = randomToken(32);
  return { id, secret, key: `${API_KEY_PREFIX}${id}.${secret}` };
};

export const parseApiKey = (key: string): { id: string; secret: string } | null => {
  const match = KEY_PATTERN.exec(key);
  return match ? { id: match[1] as string, secret: match[2] as string } : null;
};

export const looksLikeApiKey = (token: string): boolean => token.startsWith(API_KEY_PREFIX);
