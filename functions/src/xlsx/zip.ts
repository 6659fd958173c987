// The ZIP container of an uploaded .xlsx, read defensively: the central directory is inspected
// (entry count, part names, declared sizes, compression ratios) before a single byte is inflated,
// and each part is then inflated in slices under a hard budget, so a header that lies about its
// size is caught the moment the output passes what it declared.
import { Inflate } from 'fflate';
import { overLimit, UploadRefused, type UploadLimits } from './limits';

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local file header. */
  localOffset: number;
};

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

// The parts a plain .xlsx consists of; anything else (macros, OLE objects, paths outside the
// package) is refused rather than carried along.
const EXPECTED_PART =
  /^(?:\[Content_Types\]\.xml|_rels\/\.rels|docProps\/[\w.-]+\.xml|customXml\/(?:_rels\/)?[\w.-]+\.(?:xml|rels)|xl\/(?:[\w-]+\/)*(?:_rels\/)?[\w.-]+\.(?:xml|rels|png|jpe?g|gif|emf|wmf|vml|bin))$/;
const REFUSED_PART = /(?:^|\/)(?:vbaProject|vbaData)\.bin$|(?:^|\/)embeddings\/|(?:^|\/)activeX\//i;

const corrupt = (part: string, reason: string): UploadRefused =>
  new UploadRefused(422, 'xlsx.corrupt', { part, reason });
const notXlsx = (reason: string): UploadRefused => new UploadRefused(422, 'xlsx.not-xlsx', { reason });

/**
 * The entries of a ZIP package after every check that needs no decompression: size of the upload,
 * a readable central directory, number of entries, expected part names, no encryption, stored or
 * deflated only, declared sizes and ratios per entry and overall. Throws UploadRefused.
 */
export function inspectZip(bytes: Uint8Array, limits: UploadLimits): Map<string, ZipEntry> {
  if (bytes.byteLength > limits.maxFileBytes)
    throw overLimit('maxFileBytes', bytes.byteLength, limits.maxFileBytes, 'body');
  if (
    bytes.byteLength >= 8 &&
    bytes[0] === 0xd0 &&
    bytes[1] === 0xcf &&
    bytes[2] === 0x11 &&
    bytes[3] === 0xe0
  )
    throw new UploadRefused(422, 'xlsx.legacy-xls', {});
  if (bytes.byteLength < 22 || readU32(bytes, 0) !== SIG_LOCAL) throw notXlsx('no ZIP signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  // ---- end of central directory (the last record; a comment may follow it)
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx('no ZIP central directory');
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== SIG_EOCD64_LOCATOR)
      throw notXlsx('broken ZIP64 record');
    const at = safeNumber(view.getBigUint64(locator + 8, true));
    if (at + 56 > bytes.byteLength || view.getUint32(at, true) !== SIG_EOCD64)
      throw notXlsx('broken ZIP64 record');
    count = safeNumber(view.getBigUint64(at + 32, true));
    cdSize = safeNumber(view.getBigUint64(at + 40, true));
    cdOffset = safeNumber(view.getBigUint64(at + 48, true));
  }
  if (count > limits.maxEntries) throw overLimit('maxEntries', count, limits.maxEntries, 'body');
  if (cdOffset + cdSize > bytes.byteLength) throw notXlsx('central directory outside the file');

  // ---- central directory entries
  const entries = new Map<string, ZipEntry>();
  let totalDeclared = 0;
  let totalCompressed = 0;
  let p = cdOffset;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.byteLength || view.getUint32(p, true) !== SIG_CENTRAL)
      throw notXlsx('broken central directory');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // ZIP64 sizes live in extra field 0x0001, in this order, only for the fields that overflowed.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          uncompressedSize = safeNumber(view.getBigUint64(q, true));
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          compressedSize = safeNumber(view.getBigUint64(q, true));
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= e + 4 + size)
          localOffset = safeNumber(view.getBigUint64(q, true));
      }
      e += 4 + size;
    }
    p = extraEnd + commentLength;

    if (name.includes('..') || name.startsWith('/') || name.includes('\\') || REFUSED_PART.test(name))
      throw new UploadRefused(422, 'xlsx.unexpected-part', { part: name });
    if (name.endsWith('/')) continue; // a folder entry carries nothing
    if (!EXPECTED_PART.test(name)) throw new UploadRefused(422, 'xlsx.unexpected-part', { part: name });
    if (entries.has(name)) throw new UploadRefused(422, 'xlsx.duplicate-part', { part: name });
    if (flags & 0x1) throw new UploadRefused(422, 'xlsx.encrypted', { part: name });
    if (method !== 0 && method !== 8)
      throw new UploadRefused(422, 'xlsx.compression', { part: name, method });
    if (uncompressedSize > limits.maxEntryBytes)
      throw overLimit('maxEntryBytes', uncompressedSize, limits.maxEntryBytes, name);
    if (method === 0 && uncompressedSize !== compressedSize)
      throw corrupt(name, 'stored part with two sizes');
    if (uncompressedSize >= limits.ratioFloorBytes) {
      const ratio = uncompressedSize / Math.max(1, compressedSize);
      if (ratio > limits.maxRatio) throw overLimit('maxRatio', Math.round(ratio), limits.maxRatio, name);
    }
    if (localOffset + 30 + compressedSize > bytes.byteLength) throw corrupt(name, 'data outside the file');
    totalDeclared += uncompressedSize;
    totalCompressed += compressedSize;
    if (totalDeclared > limits.maxTotalBytes)
      throw overLimit('maxTotalBytes', totalDeclared, limits.maxTotalBytes, 'body');
    entries.set(name, { name, method, compressedSize, uncompressedSize, localOffset });
  }
  if (
    totalDeclared >= limits.ratioFloorBytes &&
    totalDeclared / Math.max(1, totalCompressed) > limits.maxRatio
  )
    throw overLimit(
      'maxRatio',
      Math.round(totalDeclared / Math.max(1, totalCompressed)),
      limits.maxRatio,
      'body',
    );
  return entries;
}

/** Counts what was inflated across the parts of one upload, against the package's total budget. */
export type InflateBudget = { inflated: number; readonly max: number };

// Compressed bytes per push: deflate expands at most ~1032:1, so one slice yields at most ~4 MB.
const SLICE = 4 * 1024;

/**
 * Inflates one part in slices, handing each decoded chunk to `onChunk`. Stops with a 413 the moment
 * the output passes the part's declared size (a lying header) or the package's budget; `onChunk`
 * may throw to stop early (a row limit, say), and nothing after that is decompressed.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  onChunk: (chunk: Uint8Array) => void,
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (view.getUint32(at, true) !== SIG_LOCAL) throw corrupt(entry.name, 'no local header');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw corrupt(entry.name, 'data outside the file');
  let produced = 0;
  const take = (chunk: Uint8Array): void => {
    produced += chunk.byteLength;
    budget.inflated += chunk.byteLength;
    if (produced > entry.uncompressedSize)
      // The part inflates to more than its header declared: a lying header is refused on the spot.
      throw new UploadRefused(
        413,
        'xlsx.size-lie',
        { limit: 'declaredSize', value: produced, max: entry.uncompressedSize, part: entry.name },
        budget.inflated,
      );
    if (budget.inflated > budget.max)
      throw overLimit('maxTotalBytes', budget.inflated, budget.max, entry.name, budget.inflated);
    if (chunk.byteLength > 0) onChunk(chunk);
  };
  if (entry.method === 0) {
    for (let p = start; p < end; p += SLICE) take(bytes.subarray(p, Math.min(end, p + SLICE)));
    return;
  }
  const inflate = new Inflate();
  inflate.ondata = (chunk) => take(chunk);
  try {
    for (let p = start; p < end; p += SLICE)
      inflate.push(bytes.subarray(p, Math.min(end, p + SLICE)), p + SLICE >= end);
    if (end === start) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof UploadRefused) throw error;
    throw corrupt(entry.name, error instanceof Error ? error.message : String(error));
  }
  if (produced < entry.uncompressedSize) throw corrupt(entry.name, 'shorter than declared');
}

function readU32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) >>> 0) + bytes[at + 3]! * 0x1000000;
}

function safeNumber(v: bigint): number {
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}
