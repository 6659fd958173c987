// The limits an uploaded workbook must stay within, and the refusal that names the limit it broke.
// Uploads are hostile until proven otherwise: every limit is checked before the work it protects.
import { HttpError, statusTitle, type HttpLocale } from '../http';
import { serverText, type ServerMessageKey } from '../messages';

export type UploadLimits = {
  /** The raw upload (the .xlsx file itself). */
  maxFileBytes: number;
  /** ZIP entries (parts) in the package. */
  maxEntries: number;
  /** Uncompressed size of one part, as declared and as actually inflated. */
  maxEntryBytes: number;
  /** Uncompressed size of all parts together. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size of one part larger than `ratioFloorBytes`, and of the whole package. */
  maxRatio: number;
  /** Parts smaller than this are not held to `maxRatio` (a tiny part cannot be a bomb). */
  ratioFloorBytes: number;
  maxSheets: number;
  /** Rows of one sheet (by count and by row number). */
  maxRows: number;
  /** Columns of one sheet (by column letter: 256 is IV). */
  maxColumns: number;
  /** Non-empty cells of the sheets read. */
  maxCells: number;
  /** Characters of one cell's text (Excel's own limit is 32,767). */
  maxStringLength: number;
  /** Entries of the shared-strings table, and their characters together. */
  maxSharedStrings: number;
  maxSharedStringChars: number;
};

export const UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxEntries: 500,
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalBytes: 150 * 1024 * 1024,
  maxRatio: 150,
  ratioFloorBytes: 1024 * 1024,
  maxSheets: 50,
  maxRows: 100_000,
  maxColumns: 256,
  maxCells: 3_000_000,
  maxStringLength: 32_767,
  maxSharedStrings: 500_000,
  maxSharedStringChars: 16 * 1024 * 1024,
};

export type LimitName = Exclude<keyof UploadLimits, 'ratioFloorBytes'>;

/**
 * A workbook the reader refuses. `status` 413 for a limit (the problem names `limit`, `value`, `max`),
 * 422 for content that is not a readable workbook. `inflatedBytes` says how much was decompressed
 * before the refusal, so tests (and logs) can see that a bomb was stopped early.
 */
export class UploadRefused extends Error {
  constructor(
    readonly status: 413 | 422,
    readonly key: ServerMessageKey,
    readonly params: Record<string, string | number>,
    readonly inflatedBytes = 0,
  ) {
    super(serverText('en', key, params));
    this.name = 'UploadRefused';
  }

  /** The problem answer in the caller's language. */
  toHttpError(locale: HttpLocale): HttpError {
    const extra: Record<string, unknown> = { code: this.key, inflatedBytes: this.inflatedBytes };
    if ('limit' in this.params) {
      extra.limit = this.params.limit;
      extra.value = this.params.value;
      extra.max = this.params.max;
    }
    return new HttpError(
      this.status,
      statusTitle(locale, this.status),
      serverText(locale, this.key, this.params),
      [{ path: String(this.params.part ?? 'body'), message: serverText(locale, this.key, this.params) }],
      extra,
    );
  }
}

/** A 413 naming the limit, the value found and the maximum. */
export function overLimit(
  limit: LimitName,
  value: number,
  max: number,
  part: string,
  inflatedBytes = 0,
): UploadRefused {
  return new UploadRefused(413, `xlsx.limit.${limit}`, { limit, value, max, part }, inflatedBytes);
}
