import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  exportSPKI,
  generateKeyPair,
  SignJWT,
  UnsecuredJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { AppError, type ErrorCode } from '../../platform/errors.js';
import type { TokenVerifier } from '../../ports/token-verifier.js';
import { createOidcTokenVerifier, type OidcOptions } from './oidc-token-verifier.js';

const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0);
const NOW_S = NOW_MS / 1000;
const AUDIENCE = '254carbon-api';

interface TestKey {
  readonly alg: string;
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
}

const makeKey = async (alg: 'ES256' | 'RS256', kid: string): Promise<TestKey> => {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { alg, kid, privateKey, publicKey, publicJwk };
};

/** A tiny Keycloak look-alike on loopback: discovery + JWKS, with knobs to misbehave. */
class TestIssuer {
  keys: TestKey[];
  discoveryIssuer: string | undefined;
  jwksUri: string | undefined;
  jwksStatus = 200;
  discoveryHits = 0;
  jwksHits = 0;
  #port = 0;
  #server: Server | undefined;

  constructor(keys: TestKey[]) {
    this.keys = keys;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}/realms/test`;
  }

  start(): Promise<void> {
    const server = createServer((req, res) => this.#handle(req, res));
    this.#server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      // Port 0 the first time; the same port on a restart, so the verifier sees the issuer come back.
      server.listen(this.#port, '127.0.0.1', () => {
        this.#port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server === undefined) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.url === '/realms/test/.well-known/openid-configuration') {
      this.discoveryHits += 1;
      json(200, {
        issuer: this.discoveryIssuer ?? this.url,
        jwks_uri: this.jwksUri ?? `${this.url}/protocol/openid-connect/certs`,
      });
    } else if (req.url === '/realms/test/protocol/openid-connect/certs') {
      this.jwksHits += 1;
      json(this.jwksStatus, { keys: this.keys.map((k) => k.publicJwk) });
    } else {
      json(404, { error: 'not found' });
    }
  }
}

const issuers: TestIssuer[] = [];
const startIssuer = async (keys: TestKey[]): Promise<TestIssuer> => {
  const issuer = new TestIssuer(keys);
  issuers.push(issuer);
  await issuer.start();
  return issuer;
};

const verifierFor = (issuer: TestIssuer, extra: Partial<OidcOptions> = {}): TokenVerifier =>
  createOidcTokenVerifier({
    issuer: issuer.url,
    audience: AUDIENCE,
    clockToleranceSeconds: 30,
    clock: new ManualClock(NOW_MS),
    ...extra,
  });

const mint = (key: TestKey, issuer: TestIssuer, claims: JWTPayload = {}): Promise<string> =>
  new SignJWT({
    iss: issuer.url,
    aud: AUDIENCE,
    sub: 'user-1',
    iat: NOW_S - 60,
    exp: NOW_S + 300,
    ...claims,
  })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .sign(key.privateKey);

const rejection = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => {
      throw new Error('expected the verify to be rejected');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

const expectRejected = async (
  verifier: TokenVerifier,
  token: string,
  code: ErrorCode,
  message: RegExp,
): Promise<void> => {
  const error = await rejection(verifier.verify(token));
  expect({ code: error.code, message: error.message }).toEqual({
    code,
    message: expect.stringMatching(message) as string,
  });
  if (token.length > 8) {
    expect(error.message).not.toContain(token);
  }
};

let es: TestKey;
let rs: TestKey;
let attacker: TestKey;
let main: TestIssuer;
let verifier: TokenVerifier;

beforeAll(async () => {
  [es, rs, attacker] = await Promise.all([
    makeKey('ES256', 'es-1'),
    makeKey('RS256', 'rs-1'),
    makeKey('ES256', 'es-1'), // same kid as the real key: only the signature can tell them apart
  ]);
  main = await startIssuer([es, rs]);
  verifier = verifierFor(main);
});

afterAll(async () => {
  await Promise.all(issuers.map((issuer) => issuer.stop()));
});

describe('createOidcTokenVerifier: accepted tokens', () => {
  it.each([
    ['ES256', () => es],
    ['RS256', () => rs],
  ])('returns the claims of a valid %s token', async (_alg, key) => {
    const token = await mint(key(), main, { realm_access: { roles: ['analyst'] } });
    const verified = await verifier.verify(token);
    expect(verified).toEqual({
      issuer: main.url,
      subject: 'user-1',
      expiresAtMs: (NOW_S + 300) * 1000,
      claims: expect.objectContaining({
        aud: AUDIENCE,
        realm_access: { roles: ['analyst'] },
      }) as object,
    });
    expect(verifier.issuer).toBe(main.url);
  });

  it('accepts a token that expired within the clock tolerance', async () => {
    const token = await mint(es, main, { exp: NOW_S - 10 });
    await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 'user-1' });
  });

  it('uses the injected clock, not the wall clock', async () => {
    const clock = new ManualClock(NOW_MS);
    const timed = verifierFor(main, { clock, clockToleranceSeconds: 0 });
    const token = await mint(es, main, { exp: NOW_S + 60 });
    await expect(timed.verify(token)).resolves.toBeDefined();
    clock.advance(61_000);
    await expectRejected(
      timed,
      token,
      'not_authenticated',
      /^token expired at 2025-01-15T12:01:00/,
    );
  });

  it('shares one discovery and one JWKS fetch between concurrent first verifies', async () => {
    const issuer = await startIssuer([es]);
    const fresh = verifierFor(issuer);
    const token = await mint(es, issuer);
    await Promise.all(Array.from({ length: 5 }, () => fresh.verify(token)));
    await fresh.verify(token);
    expect({ discovery: issuer.discoveryHits, jwks: issuer.jwksHits }).toEqual({
      discovery: 1,
      jwks: 1,
    });
  });
});

describe('createOidcTokenVerifier: refused tokens', () => {
  it('refuses an expired token and says when it expired', async () => {
    const token = await mint(es, main, { exp: NOW_S - 120 });
    await expectRejected(
      verifier,
      token,
      'not_authenticated',
      /^token expired at 2025-01-15T11:58:00.000Z$/,
    );
  });

  it('refuses a token that is not yet valid', async () => {
    const token = await mint(es, main, { nbf: NOW_S + 600 });
    await expectRejected(
      verifier,
      token,
      'not_authenticated',
      /not valid before 2025-01-15T12:10:00.000Z/,
    );
  });

  it('refuses a token for another audience', async () => {
    const token = await mint(es, main, { aud: 'some-other-client' });
    await expectRejected(
      verifier,
      token,
      'not_authenticated',
      /audience does not include 254carbon-api/,
    );
  });

  it('refuses a token whose iss claim names another issuer', async () => {
    const token = await mint(es, main, { iss: 'https://evil.example/realms/test' });
    await expectRejected(
      verifier,
      token,
      'not_authenticated',
      /not issued by http:\/\/127\.0\.0\.1/,
    );
  });

  it('refuses a token without sub or exp', async () => {
    await expectRejected(
      verifier,
      await mint(es, main, { sub: undefined }),
      'not_authenticated',
      /no "sub" claim/,
    );
    await expectRejected(
      verifier,
      await mint(es, main, { exp: undefined }),
      'not_authenticated',
      /no "exp" claim/,
    );
  });

  it("refuses a token signed by an attacker's key that reuses the real kid", async () => {
    const token = await mint(attacker, main);
    await expectRejected(verifier, token, 'not_authenticated', /signature does not verify/);
  });

  it('refuses a token signed with a key id the issuer does not publish', async () => {
    const token = await mint({ ...attacker, kid: 'unknown-kid' }, main);
    await expectRejected(
      verifier,
      token,
      'not_authenticated',
      /signed with a key .* does not publish/,
    );
  });

  it('refuses a token whose payload was tampered with', async () => {
    const [header, payload, signature] = (await mint(es, main)).split('.') as [
      string,
      string,
      string,
    ];
    const middle = Math.floor(payload.length / 2);
    const swapped = payload[middle] === 'A' ? 'B' : 'A';
    const tampered = `${header}.${payload.slice(0, middle)}${swapped}${payload.slice(middle + 1)}.${signature}`;
    await expectRejected(verifier, tampered, 'not_authenticated', /signature does not verify/);
  });

  it('refuses an unsigned alg=none token', async () => {
    const token = new UnsecuredJWT({
      iss: main.url,
      aud: AUDIENCE,
      sub: 'admin',
      exp: NOW_S + 300,
    }).encode();
    await expectRejected(
      verifier,
      token,
      'not_authenticated',
      /signed with none, which is not allowed/,
    );
  });

  it('refuses HS256 tokens, even when "signed" with the public key material (alg confusion)', async () => {
    const secrets = [
      new TextEncoder().encode(JSON.stringify(es.publicJwk)),
      new TextEncoder().encode(await exportSPKI(rs.publicKey)),
      new TextEncoder().encode('any shared secret at all, long enough'),
    ];
    for (const secret of secrets) {
      const token = await new SignJWT({
        iss: main.url,
        aud: AUDIENCE,
        sub: 'admin',
        exp: NOW_S + 300,
      })
        .setProtectedHeader({ alg: 'HS256', kid: es.kid })
        .sign(secret);
      await expectRejected(
        verifier,
        token,
        'not_authenticated',
        /signed with HS256, which is not allowed/,
      );
    }
  });

  it.each(['', 'not-a-jwt', 'a.b.c', 'a.b', '...', 'eyJhbGciOiJFUzI1NiJ9.e30.!!!'])(
    'refuses the malformed token %j without contacting the issuer',
    async (token) => {
      const issuer = await startIssuer([es]);
      await expectRejected(
        verifierFor(issuer),
        token,
        'not_authenticated',
        /not a well-formed signed JWT/,
      );
      expect(issuer.discoveryHits).toBe(0);
    },
  );
});

describe('createOidcTokenVerifier: configuration', () => {
  it.each([
    [{ allowedAlgorithms: ['RS256', 'HS256'] }, /must not include HS256/],
    [{ allowedAlgorithms: ['none'] }, /must not include none/],
    [{ allowedAlgorithms: [] }, /must not be empty/],
    [{ issuer: 'http://idp.example/realms/test' }, /issuer must use https/],
    [{ issuer: 'ftp://127.0.0.1/realms/test' }, /issuer must use https/],
    [{ audience: ' ' }, /audience must not be empty/],
    [{ clockToleranceSeconds: -1 }, /clockToleranceSeconds/],
  ])('refuses unsafe options %j', (extra, message) => {
    expect(() => verifierFor(main, extra)).toThrow(message);
  });
});

describe('createOidcTokenVerifier: the issuer', () => {
  it('refuses a discovery document that names another issuer', async () => {
    const issuer = await startIssuer([es]);
    issuer.discoveryIssuer = 'https://impostor.example/realms/test';
    const token = await mint(es, issuer);
    await expectRejected(
      verifierFor(issuer),
      token,
      'upstream_unavailable',
      /names issuer "https:\/\/impostor/,
    );
    expect(issuer.jwksHits).toBe(0);
  });

  it('refuses a jwks_uri that is not https (the loopback issuer may use loopback http only)', async () => {
    const issuer = await startIssuer([es]);
    issuer.jwksUri = 'http://keys.example/certs';
    const token = await mint(es, issuer);
    await expectRejected(verifierFor(issuer), token, 'upstream_unavailable', /it must use https/);
  });

  it('reports an unreachable issuer as upstream_unavailable and recovers when it is back', async () => {
    const issuer = await startIssuer([es]);
    const token = await mint(es, issuer);
    await issuer.stop();
    const fresh = verifierFor(issuer, { fetchTimeoutMs: 1_000 });
    await expectRejected(fresh, token, 'upstream_unavailable', /discovery .* could not be fetched/);
    await issuer.start();
    await expect(fresh.verify(token)).resolves.toMatchObject({ subject: 'user-1' });
  });

  it('reports a failing JWKS endpoint as upstream_unavailable and recovers', async () => {
    const issuer = await startIssuer([es]);
    issuer.jwksStatus = 500;
    const fresh = verifierFor(issuer);
    const token = await mint(es, issuer);
    await expectRejected(fresh, token, 'upstream_unavailable', /keys at .* could not be loaded/);
    issuer.jwksStatus = 200;
    await expect(fresh.verify(token)).resolves.toMatchObject({ subject: 'user-1' });
  });

  it('picks up a rotated key once the JWKS cooldown has passed', async () => {
    const issuer = await startIssuer([es]);
    const fresh = verifierFor(issuer, { jwksCooldownMs: 0 });
    await fresh.verify(await mint(es, issuer));
    const rotated = await makeKey('ES256', 'es-2');
    issuer.keys = [rotated];
    await expect(fresh.verify(await mint(rotated, issuer))).resolves.toMatchObject({
      subject: 'user-1',
    });
    expect(issuer.jwksHits).toBe(2);
  });

  it('refreshes discovery after its TTL while the cached keys keep working', async () => {
    const issuer = await startIssuer([es]);
    const clock = new ManualClock(NOW_MS);
    const fresh = verifierFor(issuer, { clock, discoveryTtlMs: 60_000 });
    const token = await mint(es, issuer, { exp: NOW_S + 3_600 });
    await fresh.verify(token);
    clock.advance(30_000);
    await fresh.verify(token);
    expect(issuer.discoveryHits).toBe(1);
    clock.advance(60_000);
    await issuer.stop();
    // Stale discovery is still used while the refresh fails in the background.
    await expect(fresh.verify(token)).resolves.toMatchObject({ subject: 'user-1' });
    await issuer.start();
    // The failed refresh was not cached: a later verify starts another one, which succeeds.
    await vi.waitFor(async () => {
      await fresh.verify(token);
      expect(issuer.discoveryHits).toBe(2);
    });
  });
});
