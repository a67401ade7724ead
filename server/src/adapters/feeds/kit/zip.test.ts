import { describe, expect, it } from 'vitest';
import { readSharedFixture, sharedDocument } from '../../../../test/support/fixtures.js';
import { isZip, unzipDocument } from './zip.js';

describe('unzipDocument', () => {
  it('opens a recorded OASIS SingleZip and names members as the operator did', () => {
    const zip = sharedDocument('iso/caiso/oasis_PRC_LMP_DAM_20200101_hubs_dlaps.zip');
    expect(isZip(zip.bytes)).toBe(true);
    const [member, ...rest] = unzipDocument(zip);
    expect(rest).toEqual([]);
    expect(member?.name).toBe('20200101_20200101_PRC_LMP_DAM_20200630_22_50_44_v1.csv');
    // The member's bytes are the recorded CSV's bytes.
    expect(member?.bytes).toEqual(
      readSharedFixture('iso/caiso/oasis_PRC_LMP_DAM_20200101_hubs_dlaps.csv'),
    );
  });

  it('reports a truncated archive against its file name', () => {
    const zip = sharedDocument('iso/caiso/oasis_PRC_LMP_DAM_20200101_hubs_dlaps.zip');
    const cut = { ...zip, bytes: zip.bytes.subarray(0, zip.bytes.length - 40) };
    expect(() => unzipDocument(cut)).toThrow(
      /^oasis_PRC_LMP_DAM_20200101_hubs_dlaps\.zip: not a readable zip archive \(truncated or corrupt\)/,
    );
    expect(isZip(new TextEncoder().encode('INTERVAL,NODE'))).toBe(false);
  });
});
