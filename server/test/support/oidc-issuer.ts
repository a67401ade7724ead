import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/** A minimal OpenID provider on loopback (discovery + JWKS) that signs test tokens, standing in for Keycloak. */
export class LoopbackIssuer {
  #server: Server | null = null;
  #key: { privateKey: CryptoKey; jwk: Record<string, unknown> } | null = null;
  url = '';

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    this.#key = {
      privateKey,
      jwk: { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' },
    };
    const server = createServer((request, response) => {
      const body =
        request.url === '/.well-known/openid-configuration'
          ? { issuer: this.url, jwks_uri: `${this.url}/jwks` }
          : request.url === '/jwks'
            ? { keys: [this.#key?.jwk] }
            : null;
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body ?? { error: 'not found' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  /** A token signed by this issuer (or by `withKey`, to forge one with the same kid). */
  async token(
    claims: JWTPayload,
    options: {
      nowS: number;
      audience: string;
      expiresInS?: number;
      withKey?: CryptoKey;
      issuer?: string;
    },
  ): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(options.issuer ?? this.url)
      .setAudience(options.audience)
      .setIssuedAt(options.nowS)
      .setExpirationTime(options.nowS + (options.expiresInS ?? 3600))
      .sign(options.withKey ?? (this.#key?.privateKey as CryptoKey));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.#server ? this.#server.close(() => resolve()) : resolve(),
    );
  }
}
