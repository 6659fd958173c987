// The sheets a section writes, named in the user's language and found again by a stable key: the
// sheet's names in every language. Writing in zh-CN a sheet first written in English renames it
// (Scores → 成绩) rather than leave a second copy beside the first.
import type { Locale } from '@teamsheet/shared';
import type { Workbook } from '../../office';

/** A sheet's names by language: the key it is found by, whichever language wrote it. */
export type SheetNames = Readonly<Record<Locale, string>>;

const namesOf = (names: SheetNames, first: Locale) => [
  names[first],
  ...Object.values(names).filter((n) => n !== names[first]),
];

/** The name of the sheet of `names` in this workbook, the user's language first; null when none is there. */
export async function findSheet(
  workbook: Workbook,
  names: SheetNames,
  locale: Locale,
): Promise<string | null> {
  const sheets = new Set(await workbook.listSheets());
  return namesOf(names, locale).find((n) => sheets.has(n)) ?? null;
}

/**
 * The sheet to write, named in `locale`: a sheet of the same key in another language is renamed to
 * it first, so its tables, charts and formats are replaced in place.
 */
export async function placeSheet(workbook: Workbook, names: SheetNames, locale: Locale): Promise<string> {
  const found = await findSheet(workbook, names, locale);
  if (found && found !== names[locale]) await workbook.renameSheet(found, names[locale]);
  return names[locale];
}
