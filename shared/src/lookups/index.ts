// Teamsheet formulas (docs/rules.md, Teamsheet formulas): the cells a workbook asks the server about —
// TEAMSHEET.TARGET, ACTUAL, ATTAINMENT, PAYOUT, PAYOUTSTATUS, SCORE, GRADE — their arguments checked
// once here (the task pane before it sends, the server before it reads), owner names resolved against
// the organisation, and a period's value picked out of stored rows the way scoring picks it.
import { z } from 'zod';
import { translate, type Locale } from '../messages/index';
import { getMetric } from '../metrics';
import type { OrgIndex } from '../org';
import { parsePeriod } from '../period';
import { collectPeriodValues, periodLevels, type PeriodRow } from '../scoring/rows';
import { excelSerialToIso } from '../templates/excelDates';
import { normalizeHeader, resolveMetric } from '../templates/cells';

export const LOOKUP_FUNCTIONS = [
  'TARGET',
  'ACTUAL',
  'ATTAINMENT',
  'PAYOUT',
  'PAYOUTSTATUS',
  'SCORE',
  'GRADE',
] as const;
export type LookupFn = (typeof LOOKUP_FUNCTIONS)[number];

/** Most cells of one request; a bigger recalculation is sent as several requests of this size. */
export const MAX_LOOKUP_CELLS = 10_000;
/** Most arguments of any function (TARGET's owner, metric, period, status). */
export const MAX_LOOKUP_ARGS = 4;

const lookupArg = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);
export type LookupArg = z.infer<typeof lookupArg>;

export const lookupCell = z.strictObject({
  fn: z.enum(LOOKUP_FUNCTIONS),
  args: z.array(lookupArg).max(MAX_LOOKUP_ARGS),
});
export type LookupCell = z.infer<typeof lookupCell>;

/** The body of POST /api/lookups. */
export const lookupRequest = z.strictObject({
  cells: z.array(lookupCell).min(1).max(MAX_LOOKUP_CELLS),
});
export type LookupRequest = z.infer<typeof lookupRequest>;

export const LOOKUP_ERRORS = ['na', 'value', 'forbidden'] as const;
export type LookupErrorKind = (typeof LOOKUP_ERRORS)[number];

/** One cell's answer: a value, or why there is none (no data, a bad argument, no rights) in words. */
export const lookupAnswer = z.union([
  z.strictObject({ value: z.union([z.number(), z.string()]) }),
  z.strictObject({ error: z.enum(LOOKUP_ERRORS), message: z.string() }),
]);
export type LookupAnswer = z.infer<typeof lookupAnswer>;
export const lookupResponse = z.strictObject({ cells: z.array(lookupAnswer) });
export type LookupResponse = z.infer<typeof lookupResponse>;

/** Which target TARGET reads: the latest approved version's (default) or the latest submitted one's. */
export type TargetStatus = 'approved' | 'submitted';
/** Which run PAYOUT reads: the approved one, else the newest draft (default `latest`); or only an approved one. */
export type PayoutSource = 'latest' | 'approved';

export type LookupQuery =
  | { fn: 'TARGET'; owner: string; metric: string; period: string; status: TargetStatus }
  | { fn: 'ACTUAL' | 'ATTAINMENT'; owner: string; metric: string; period: string }
  | { fn: 'PAYOUT'; owner: string; period: string; component: string | null; source: PayoutSource }
  | { fn: 'PAYOUTSTATUS'; owner: string; period: string }
  | { fn: 'SCORE' | 'GRADE'; owner: string; period: string };

type ArgKind = 'owner' | 'person' | 'metric' | 'period' | 'status' | 'component' | 'source';
type ArgSpec = { name: string; kind: ArgKind; optional?: true };

/** Each function's arguments in order: the contract the custom functions' JSDoc also states. */
export const LOOKUP_SIGNATURES: Readonly<Record<LookupFn, readonly ArgSpec[]>> = {
  TARGET: [
    { name: 'owner', kind: 'owner' },
    { name: 'metric', kind: 'metric' },
    { name: 'period', kind: 'period' },
    { name: 'status', kind: 'status', optional: true },
  ],
  ACTUAL: [
    { name: 'owner', kind: 'owner' },
    { name: 'metric', kind: 'metric' },
    { name: 'period', kind: 'period' },
  ],
  ATTAINMENT: [
    { name: 'owner', kind: 'owner' },
    { name: 'metric', kind: 'metric' },
    { name: 'period', kind: 'period' },
  ],
  PAYOUT: [
    { name: 'person', kind: 'person' },
    { name: 'period', kind: 'period' },
    { name: 'component', kind: 'component', optional: true },
    { name: 'source', kind: 'source', optional: true },
  ],
  PAYOUTSTATUS: [
    { name: 'person', kind: 'person' },
    { name: 'period', kind: 'period' },
  ],
  SCORE: [
    { name: 'person', kind: 'person' },
    { name: 'period', kind: 'period' },
  ],
  GRADE: [
    { name: 'person', kind: 'person' },
    { name: 'period', kind: 'period' },
  ],
};

/** Words an option argument accepts, in either language. */
const STATUS_WORDS: Record<string, TargetStatus> = {
  approved: 'approved',
  已批准: 'approved',
  批准: 'approved',
  submitted: 'submitted',
  latest: 'submitted',
  已提交: 'submitted',
  提交: 'submitted',
};
const SOURCE_WORDS: Record<string, PayoutSource> = {
  latest: 'latest',
  any: 'latest',
  draft: 'latest',
  最新: 'latest',
  approved: 'approved',
  已批准: 'approved',
};

const isBlank = (v: LookupArg | undefined) =>
  v === null || v === undefined || (typeof v === 'string' && !v.trim());

/**
 * A period id from a formula argument: `2026`, `2026-Q1`, `2026-03` as text or a year as a number; a
 * date (Excel turns a typed `2026-03` into the serial of 1 March 2026) names its month.
 */
export function lookupPeriod(raw: LookupArg | undefined): string | null {
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 1900 && raw <= 2999) return String(raw);
    const iso = raw > 2999 ? excelSerialToIso(raw) : null;
    return iso ? iso.slice(0, 7) : null;
  }
  if (typeof raw !== 'string') return null;
  const text = raw.trim().toUpperCase().replace(/\//g, '-');
  const padded = /^\d{4}-\d$/.test(text) ? `${text.slice(0, 5)}0${text.slice(5)}` : text;
  return parsePeriod(padded) ? padded : null;
}

export type ArgProblem = { arg: number; message: string };
export type ParsedLookupCell = { ok: true; query: LookupQuery } | { ok: false; problem: ArgProblem };

/** Checks one cell's arguments: the query to answer, or the first bad argument with a message. */
export function parseLookupCell(cell: LookupCell, locale: Locale = 'en'): ParsedLookupCell {
  const spec = LOOKUP_SIGNATURES[cell.fn];
  const bad = (arg: number, key: string, params: Record<string, string | number> = {}): ParsedLookupCell => ({
    ok: false,
    problem: { arg, message: translate(locale, key, { fn: cell.fn, ...params }) },
  });
  if (cell.args.length > spec.length) return bad(spec.length, 'lookup.too-many-args', { count: spec.length });
  const out: Record<string, string | null> = {};
  for (const [i, arg] of spec.entries()) {
    const raw = cell.args[i];
    if (isBlank(raw)) {
      if (!arg.optional) return bad(i, 'lookup.arg-missing', { name: arg.name });
      out[arg.name] = null;
      continue;
    }
    const text = String(raw).trim();
    switch (arg.kind) {
      case 'owner':
      case 'person':
      case 'component':
        if (typeof raw === 'boolean') return bad(i, 'lookup.arg-text', { name: arg.name });
        out[arg.name] = text;
        break;
      case 'metric': {
        const metric = resolveMetric(text);
        if (!getMetric(metric)) return bad(i, 'lookup.metric-unknown', { metric: text });
        out[arg.name] = metric;
        break;
      }
      case 'period': {
        const period = lookupPeriod(raw);
        if (!period) return bad(i, 'lookup.period-invalid', { period: text });
        out[arg.name] = period;
        break;
      }
      case 'status': {
        const status = STATUS_WORDS[text.toLowerCase()];
        if (!status) return bad(i, 'lookup.option-invalid', { value: text, options: 'approved, submitted' });
        out[arg.name] = status;
        break;
      }
      case 'source': {
        const source = SOURCE_WORDS[text.toLowerCase()];
        if (!source) return bad(i, 'lookup.option-invalid', { value: text, options: 'latest, approved' });
        out[arg.name] = source;
        break;
      }
    }
  }
  const owner = (out.owner ?? out.person) as string;
  const period = out.period as string;
  switch (cell.fn) {
    case 'TARGET':
      return {
        ok: true,
        query: {
          fn: 'TARGET',
          owner,
          metric: out.metric as string,
          period,
          status: (out.status as TargetStatus | null) ?? 'approved',
        },
      };
    case 'ACTUAL':
    case 'ATTAINMENT':
      return { ok: true, query: { fn: cell.fn, owner, metric: out.metric as string, period } };
    case 'PAYOUT':
      return {
        ok: true,
        query: {
          fn: 'PAYOUT',
          owner,
          period,
          component: out.component ?? null,
          source: (out.source as PayoutSource | null) ?? 'latest',
        },
      };
    case 'PAYOUTSTATUS':
      return { ok: true, query: { fn: 'PAYOUTSTATUS', owner, period } };
    default:
      return { ok: true, query: { fn: cell.fn, owner, period } };
  }
}

export type OwnerRef = { kind: 'person' | 'unit'; id: string };

/**
 * The people and units an owner argument may mean: the one whose id it is, else every person and unit
 * whose name it is (names compared as headers are: case, width and spacing aside). Several matches are
 * for the caller to narrow to what they may see, or to report as ambiguous. The names are indexed
 * once, so a recalculation of many names costs one pass over the organisation.
 */
export function ownerFinder(org: OrgIndex): (text: string) => OwnerRef[] {
  let byName: Map<string, OwnerRef[]> | undefined;
  const add = (name: string | undefined, ref: OwnerRef) => {
    if (!name) return;
    const key = normalizeHeader(name);
    const list = byName!.get(key);
    if (list) list.push(ref);
    else byName!.set(key, [ref]);
  };
  return (text) => {
    if (org.person(text)) return [{ kind: 'person', id: text }];
    if (org.unit(text)) return [{ kind: 'unit', id: text }];
    if (!byName) {
      byName = new Map();
      for (const p of org.allPeople()) add(p.name, { kind: 'person', id: p.id });
      for (const u of org.allUnits()) add(u.name, { kind: 'unit', id: u.id });
    }
    return byName.get(normalizeHeader(text)) ?? [];
  };
}

/**
 * The value of one owner × metric for a period out of (owner, metric, period, value) rows kept by
 * month, quarter or the period itself — the rule scoring reads targets and actuals by (scoring/rows).
 */
export function periodValue(
  rows: readonly PeriodRow[],
  owner: string,
  metric: string,
  period: string,
): number | null {
  const values = collectPeriodValues(rows, periodLevels(period), 1, (o, m) =>
    o === owner && m === metric ? 0 : -1,
  );
  return values.value(0, metric);
}
