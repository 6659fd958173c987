// The hidden Lists sheet: the names the sheets show (people, units, metrics, components) beside the
// ids they stand for. Drop-downs offer the names; reading a sheet back maps each name to its id
// through these tables, without the organisation or the stored plan at hand.
import { cellAddress, parseRange, type CellValue, type Workbook } from '../../office';

export const LISTS_SHEET = 'Lists';

/** Each kind of list's table on the Lists sheet, side by side with a blank column between. */
export const NAME_LISTS = {
  /** The plan sheets' owners and metrics (Targets, Goals). */
  plan: { table: 'TeamsheetLists', at: 'A1' },
  /** The comp plan's components (Components, Tiers). */
  components: { table: 'TeamsheetComponentNames', at: 'F1' },
  /** The people a Transactions sheet credits. */
  people: { table: 'TeamsheetPeopleNames', at: 'I1' },
} as const;
export type NameListKind = keyof typeof NAME_LISTS;

export interface NameList {
  /** What the ids are (`owner`): the id column is headed `owner id`. */
  key: string;
  /** The names column's header, in the user's language. */
  header: string;
  entries: readonly { id: CellValue; name: CellValue }[];
}

/**
 * Writes one table of lists on the hidden Lists sheet: the names of each list in a column of its
 * own, then the ids in the same order. Answers each names column's range, for drop-downs.
 */
export async function writeNameLists(
  workbook: Workbook,
  kind: NameListKind,
  lists: readonly NameList[],
): Promise<string[]> {
  const { table, at } = NAME_LISTS[kind];
  const length = Math.max(0, ...lists.map((l) => l.entries.length));
  await workbook.writeTable(LISTS_SHEET, {
    name: table,
    headers: [...lists.map((l) => l.header), ...lists.map((l) => `${l.key} id`)],
    at,
    rows: Array.from({ length }, (_, i) => [
      ...lists.map((l) => l.entries[i]?.name ?? null),
      ...lists.map((l) => l.entries[i]?.id ?? null),
    ]),
  });
  await workbook.arrangeSheet(LISTS_SHEET, { hidden: true }); // the drop-downs still read it
  const start = parseRange(at).start;
  return lists.map(
    (l, k) =>
      `${LISTS_SHEET}!${cellAddress(start.row + 1, start.col + k)}:${cellAddress(start.row + l.entries.length, start.col + k)}`,
  );
}

/** Each list's names → ids, as the Lists sheet holds them (empty maps before the table is written). */
export async function readNameLists(workbook: Workbook, kind: NameListKind): Promise<Map<string, string>[]> {
  if (!(await workbook.listSheets()).includes(LISTS_SHEET)) return [];
  const data = await workbook.readTable(LISTS_SHEET, NAME_LISTS[kind].table);
  const count = Math.floor((data?.headers.length ?? 0) / 2);
  const maps = Array.from({ length: count }, () => new Map<string, string>());
  for (const row of data?.rows ?? [])
    maps.forEach((ids, k) => {
      const name = row[k];
      const id = row[count + k];
      if (typeof name === 'string' && typeof id === 'string' && name && id) ids.set(name, id);
    });
  return maps;
}

/** The one list of `kind` (its first), names → ids. */
export async function readNameIds(workbook: Workbook, kind: NameListKind): Promise<Map<string, string>> {
  return (await readNameLists(workbook, kind))[0] ?? new Map();
}

/**
 * The name each person is shown by: their name, with the id only where two share a name (so a name
 * still reads back to one id); a person without a name by their id.
 */
export function distinctNames(
  people: readonly { id: string; name?: string | undefined }[],
): Map<string, string> {
  const count = new Map<string, number>();
  for (const p of people) if (p.name) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  return new Map(
    people.map((p) => [p.id, !p.name ? p.id : count.get(p.name) === 1 ? p.name : `${p.name} (${p.id})`]),
  );
}
