/**
 * Float64Arrays as one BLOB: a little-endian uint32 count, one uint32 length per array, zero padding to a multiple
 * of 8 bytes, then every value as a little-endian IEEE-754 double. The bytes are copied, never converted through a
 * JS number, so values come back bit for bit: NaN payloads and negative zero included.
 */

/** Float64Array uses the platform's byte order; the blob is always little-endian. */
const platformIsLittleEndian = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

const alignedHeaderBytes = (count: number): number => Math.ceil(((count + 1) * 4) / 8) * 8;

/** Copies the 8-byte values of `from` into `to` as raw 64-bit words (never through a JS number). */
const copyWords = (
  from: DataView,
  fromLittleEndian: boolean,
  to: DataView,
  toLittleEndian: boolean,
  values: number,
): void => {
  for (let i = 0; i < values; i++) {
    to.setBigUint64(i * 8, from.getBigUint64(i * 8, fromLittleEndian), toLittleEndian);
  }
};

export const packFloat64Arrays = (arrays: readonly Float64Array[]): Uint8Array => {
  const header = alignedHeaderBytes(arrays.length);
  const values = arrays.reduce((n, a) => n + a.length, 0);
  const bytes = new Uint8Array(header + values * 8);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, arrays.length, true);
  arrays.forEach((a, i) => view.setUint32(4 + i * 4, a.length, true));
  let offset = header;
  for (const array of arrays) {
    const source = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    if (platformIsLittleEndian) {
      bytes.set(source, offset);
    } else {
      copyWords(
        new DataView(source.buffer, source.byteOffset, source.byteLength),
        false,
        new DataView(bytes.buffer, offset, source.byteLength),
        true,
        array.length,
      );
    }
    offset += source.byteLength;
  }
  return bytes;
};

export const unpackFloat64Arrays = (bytes: Uint8Array): Float64Array[] => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = bytes.byteLength >= 4 ? view.getUint32(0, true) : 0;
  const header = alignedHeaderBytes(count);
  const lengths = Array.from({ length: count }, (_, i) =>
    bytes.byteLength >= 8 + i * 4 ? view.getUint32(4 + i * 4, true) : 0,
  );
  const expected = header + lengths.reduce((n, l) => n + l, 0) * 8;
  if (bytes.byteLength !== expected) {
    throw new Error(`A stored value blob has ${bytes.byteLength} bytes where ${expected} belong`);
  }
  let offset = header;
  return lengths.map((length) => {
    const array = new Float64Array(length);
    const source = bytes.subarray(offset, offset + length * 8);
    if (platformIsLittleEndian) {
      new Uint8Array(array.buffer).set(source);
    } else {
      copyWords(
        new DataView(source.buffer, source.byteOffset, source.byteLength),
        true,
        new DataView(array.buffer),
        false,
        length,
      );
    }
    offset += length * 8;
    return array;
  });
};
