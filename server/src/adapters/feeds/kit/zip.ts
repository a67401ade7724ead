import { unzipSync } from 'fflate';
import type { SourceDocument } from '../../../ports/market-feed.js';
import { sourceProblem } from './source-problem.js';

/** Zip files start with a local file header ("PK\x03\x04"); an empty archive with the end record ("PK\x05\x06"). */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);

/**
 * The members of a zipped document whose names `pick` accepts, each as a document named after the member (the
 * operator's inner file name carries the dates). A truncated or corrupt archive is reported against its name.
 */
export const unzipDocument = (
  document: SourceDocument,
  pick: (memberName: string) => boolean = () => true,
): SourceDocument[] => {
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(document.bytes, { filter: (file) => pick(file.name) });
  } catch (error) {
    throw sourceProblem(
      document.name,
      null,
      null,
      `not a readable zip archive (truncated or corrupt): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return Object.entries(members)
    .filter(([name]) => !name.endsWith('/'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, bytes]) => ({
      name: name.slice(name.lastIndexOf('/') + 1),
      bytes,
      origin: `${document.origin}#${name}`,
    }));
};
