import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed download links: HMAC-SHA256 over the export id and the link's expiry (epoch seconds) with a server
 * secret. The link is its own credential until it expires; changing the id or the expiry breaks the signature.
 */
export class ExportLinks {
  readonly #secret: Buffer;

  constructor(secret: string) {
    if (secret.length < 16) {
      throw new Error('The export signing secret must be at least 16 characters');
    }
    this.#secret = Buffer.from(secret, 'utf8');
  }

  sign(exportId: string, expiresAtSeconds: number): string {
    return createHmac('sha256', this.#secret)
      .update(`export-download\n${exportId}\n${expiresAtSeconds}`)
      .digest('base64url');
  }

  /** The path and query of a download link (relative to the API root). */
  path(exportId: string, expiresAtSeconds: number): string {
    return `/api/v1/exports/${encodeURIComponent(exportId)}/download?expires=${expiresAtSeconds}&signature=${this.sign(exportId, expiresAtSeconds)}`;
  }

  /** Whether the signature matches (constant time); says nothing about expiry. */
  verify(exportId: string, expiresAtSeconds: number, signature: string): boolean {
    const expected = Buffer.from(this.sign(exportId, expiresAtSeconds), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
