import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceDocument } from '../../src/ports/market-feed.js';

/** ../shared/fixtures beside the repository: real responses recorded from operators (see its README). */
export const SHARED_FIXTURES = fileURLToPath(
  new URL('../../../../shared/fixtures/', import.meta.url),
);

/** Hand-written samples kept in the repository, for datasets with no recorded response. */
export const SAMPLE_FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/**
 * Bytes of a recorded fixture, e.g. `iso/caiso/oasis_PRC_LMP_DAM_20200101_hubs_dlaps.csv`. Fails loudly when
 * the shared folder is missing: parser tests must run against the real files, never be skipped.
 */
export const readSharedFixture = (path: string): Uint8Array => {
  const file = join(SHARED_FIXTURES, path);
  if (!existsSync(file)) {
    throw new Error(
      `Missing fixture ${file}. Tests read real recorded responses from ../shared/fixtures; ` +
        'clone the shared folder beside this repository.',
    );
  }
  return new Uint8Array(readFileSync(file));
};

/** A recorded fixture as the document a feed would have fetched (named as the operator names the file). */
export const sharedDocument = (path: string, name = basename(path)): SourceDocument => ({
  name,
  bytes: readSharedFixture(path),
  origin: join(SHARED_FIXTURES, path),
});

/** A hand-written sample from server/test/fixtures (used only where no recorded response exists). */
export const sampleDocument = (path: string, name = basename(path)): SourceDocument => {
  const file = join(SAMPLE_FIXTURES, path);
  return { name, bytes: new Uint8Array(readFileSync(file)), origin: file };
};

/** A document from text, for malformed-input tests. */
export const textDocument = (name: string, text: string): SourceDocument => ({
  name,
  bytes: new TextEncoder().encode(text),
  origin: name,
});
