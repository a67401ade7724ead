import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileFormat } from '../../ports/export-store.js';

/** JSON with object keys sorted at every level, so equal requests hash equally whatever their key order. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );

export const sha256Hex = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

/** `sha256:<hex>` of a file's bytes, streamed (exports can be large). */
export const fileChecksum = async (file: string): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
  }
  return `sha256:${hash.digest('hex')}`;
};

export const fileExtension = (format: FileFormat): string =>
  format.format === 'parquet' ? 'parquet' : format.gzip ? 'csv.gz' : 'csv';

export const contentType = (format: FileFormat): string =>
  format.format === 'parquet'
    ? 'application/vnd.apache.parquet'
    : format.gzip
      ? 'application/gzip'
      : 'text/csv; charset=utf-8';
