// Which template (kind and version) a sheet was made from: the marker cell every template carries,
// so that an upload can be matched to its definition and a plan on an old template can be spotted.
import { isTemplateKind, type TemplateKind } from './definitions';

/**
 * The version of the current template definitions; bump it whenever a column changes. 2026.2 added
 * the quarter columns Q1–Q4 and the formulas of Total and the quarters to the targets sheet; a 2026.1
 * sheet (no quarters, a typed Total) still reads, with the info `import.old-template`.
 */
export const TEMPLATE_VERSION = '2026.2';

/**
 * Layout of every template sheet: row 1 holds the marker in A1 (the add-in hides the row and names
 * the cell `Teamsheet.TemplateVersion`, sheet-scoped), row 2 the headers, data from row 3.
 */
export const TEMPLATE_LAYOUT = {
  markerRow: 1,
  headerRow: 2,
  firstDataRow: 3,
  markerName: 'Teamsheet.TemplateVersion',
} as const;

/** The marker text of a template: `teamsheet:targets:2026.2`. */
export function templateMarker(kind: TemplateKind, version: string = TEMPLATE_VERSION): string {
  return `teamsheet:${kind}:${version}`;
}

const MARKER = /^teamsheet:([a-z]+):([0-9A-Za-z.\-]+)$/;

/** The kind and version a marker names, or null when the text is not a marker. */
export function parseTemplateMarker(text: unknown): { kind: TemplateKind; version: string } | null {
  if (typeof text !== 'string') return null;
  const m = MARKER.exec(text.trim());
  if (!m || !isTemplateKind(m[1])) return null;
  return { kind: m[1], version: m[2] ?? '' };
}

/**
 * Orders template versions `YYYY.N` numerically part by part (`2026.10` is after `2026.9`);
 * negative when `a` is older than `b`.
 */
export function compareTemplateVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const diff = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (diff !== 0) return diff;
  }
  return 0;
}
