// The comp-plan template ↔ CompPlan: a Components table (one row per component, the columns a type
// does not use left empty) and a Tiers table (commission rate tiers by component id).
import type { Locale } from '../messages/index';
import type { CompPlan, Component, Finding } from '../schemas';
import {
  matchEnum,
  readTable,
  type CellFindings,
  type CellValue,
  type ImportTable,
  type ParsedCell,
} from './cells';
import { enumLabel, fixedLists, getTemplate, sheetHeaders } from './definitions';
import { formatPairs, parsePairs } from './pairs';
import { getMetric } from '../metrics';

type Tier = { from: number; to?: number | null; rate: number };
type Table = { headers: string[]; rows: CellValue[][] };

const componentsSheet = () => getTemplate('compplan').sheets[0]!;
const tiersSheet = () => getTemplate('compplan').sheets[1]!;

/** A metric by its label in the locale (read back by label as well as by id), an unknown one as it is. */
const metricIn = (id: string | undefined, locale: Locale) => (id ? (getMetric(id)?.label[locale] ?? id) : id);

/** The two tables of a comp plan (types, modes and metrics by their label in the locale). */
export function compPlanToRows(
  plan: CompPlan,
  opts: { locale?: Locale } = {},
): { components: Table; tiers: Table } {
  const locale = opts.locale ?? 'en';
  const sheet = componentsSheet();
  const components: CellValue[][] = [];
  const tiers: CellValue[][] = [];
  for (const c of plan.components) {
    const cells: Record<string, CellValue> = {
      id: c.id,
      type: enumLabel(fixedLists.componentTypes, c.type, locale),
    };
    switch (c.type) {
      case 'commission':
        Object.assign(cells, {
          metric: metricIn(c.metric, locale),
          mode: enumLabel(fixedLists.commissionModes, c.mode, locale),
        });
        Object.assign(cells, {
          threshold: c.threshold,
          capAttainment: c.capAttainment,
          capAmount: c.capAmount,
        });
        for (const tier of c.tiers) tiers.push([c.id, tier.from, tier.to ?? null, tier.rate]);
        break;
      case 'bonus':
        Object.assign(cells, {
          amount: c.targetAmount,
          multipliers: formatPairs(Object.entries(c.multipliers)),
        });
        break;
      case 'override':
        Object.assign(cells, {
          rate: c.rate,
          metric: metricIn(c.metric, locale),
          gateMetric: metricIn(c.gate?.metric, locale),
          gateMin: c.gate?.min,
        });
        break;
      case 'spiff':
        cells.amount = c.amount;
        break;
      case 'pool':
        Object.assign(cells, { rate: c.rate, metric: metricIn(c.metric, locale) });
        break;
      case 'performance':
        cells.multipliers = formatPairs(Object.entries(c.coefficients));
        break;
      case 'draw':
        Object.assign(cells, { amount: c.amount, recoverable: c.recoverable });
        break;
    }
    components.push(sheet.columns.map((col) => cells[col.key] ?? null));
  }
  return {
    components: { headers: sheetHeaders(sheet, locale), rows: components },
    tiers: { headers: sheetHeaders(tiersSheet(), locale), rows: tiers },
  };
}

export type CompPlanImport = {
  components: ImportTable;
  tiers?: ImportTable;
  id: string;
  name: string;
  currency: string;
  rounding?: CompPlan['rounding'];
};

type Values = Record<string, ParsedCell | undefined>;
type Of<T extends Component['type']> = Extract<Component, { type: T }>;

/**
 * The comp plan two tables hold. A malformed plan is reported, not guessed at: an unknown component
 * type, a negative rate, commission tiers that overlap, leave a gap or run backwards, a commission
 * without tiers, tiers of no commission, and a field the component's type needs left empty.
 * Components with errors are left out of the plan.
 */
export function compPlanRowsToCompPlan(
  input: CompPlanImport,
  locale: Locale = 'en',
): { plan: CompPlan; findings: Finding[] } {
  const comps = readTable(componentsSheet(), input.components, locale);
  const tierTable = input.tiers
    ? readTable(tiersSheet(), input.tiers, locale)
    : { records: [], findings: [], cellFinding: undefined };
  const findings = [...comps.findings, ...tierTable.findings];

  // Tiers by component, in sheet order.
  const tiersOf = new Map<string, { index: number; tier: Tier }[]>();
  for (const { index, values } of tierTable.records) {
    const { component, from, to, rate } = values;
    if (typeof component !== 'string' || typeof from !== 'number' || typeof rate !== 'number') continue;
    const tier: Tier = { from, rate };
    if (typeof to === 'number') tier.to = to;
    const list = tiersOf.get(component) ?? [];
    list.push({ index, tier });
    tiersOf.set(component, list);
  }

  const components: Component[] = [];
  const ids = new Set<string>();
  const commissionIds = new Set<string>();
  for (const { index, values } of comps.records) {
    const { id, type: rawType } = values;
    if (typeof id !== 'string' || typeof rawType !== 'string') continue;
    if (ids.has(id)) {
      findings.push(comps.cellFinding('import.duplicate-id', 'error', index, 'id', { id }));
      continue;
    }
    ids.add(id);
    const type = matchEnum(fixedLists.componentTypes, rawType);
    if (!type) {
      const allowed = fixedLists.componentTypes.map((v) => v.value).join(', ');
      findings.push(
        comps.cellFinding('import.unknown-component-type', 'error', index, 'type', {
          value: rawType,
          allowed,
        }),
      );
      continue;
    }
    if (type === 'commission') commissionIds.add(id);
    const before = findings.length;
    const component = buildComponent(type, id, values, index, comps.cellFinding, findings);
    if (type === 'commission') {
      // tiers are checked even when the row itself is faulty, so that one pass reports everything
      const tiers = tiersOf.get(id) ?? [];
      if (tiers.length === 0)
        findings.push(comps.cellFinding('import.no-tiers', 'error', index, 'id', { id }));
      else checkTiers(id, tiers, tierTable.cellFinding!, findings);
      if (component?.type === 'commission') component.tiers = tiers.map((t) => t.tier);
    }
    if (component && findings.slice(before).every((f) => f.severity !== 'error')) components.push(component);
  }
  for (const [component, tiers] of tiersOf) {
    if (commissionIds.has(component)) continue;
    for (const { index } of tiers)
      findings.push(
        tierTable.cellFinding!('import.tier-orphan', 'error', index, 'component', { id: component }),
      );
  }

  const plan: CompPlan = { id: input.id, name: input.name, currency: input.currency, components };
  if (input.rounding) plan.rounding = input.rounding;
  return { plan, findings };
}

function buildComponent(
  type: string,
  id: string,
  v: Values,
  index: number,
  cellFinding: CellFindings,
  findings: Finding[],
): Component | null {
  const need = (key: string): number | undefined => {
    const value = v[key];
    if (typeof value === 'number') return value;
    findings.push(cellFinding('import.required-for-type', 'error', index, key, { type }));
    return undefined;
  };
  const rateOf = (): number | undefined => {
    const rate = need('rate');
    if (rate !== undefined && rate < 0)
      findings.push(cellFinding('import.negative-rate', 'error', index, 'rate', { value: rate }));
    return rate;
  };
  const pairsOf = (): Record<string, number> | undefined => {
    const text = v.multipliers;
    const pairs = typeof text === 'string' ? parsePairs(text) : null;
    if (pairs) return Object.fromEntries(pairs);
    const rule = text === undefined ? 'import.required-for-type' : 'import.bad-pairs';
    findings.push(
      cellFinding(rule, 'error', index, 'multipliers', {
        type,
        value: String(text ?? ''),
        example: 'S:1.5; A:1.2; B:1; C:0.5; D:0',
      }),
    );
    return undefined;
  };
  const text = (key: string): string | undefined =>
    typeof v[key] === 'string' ? (v[key] as string) : undefined;
  const num = (key: string): number | undefined =>
    typeof v[key] === 'number' ? (v[key] as number) : undefined;
  const defined = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined)) as T;

  switch (type) {
    case 'commission': {
      const metric = text('metric');
      const rawMode = text('mode');
      const mode = rawMode === 'marginal' || rawMode === 'retroactive' ? rawMode : undefined;
      if (!metric) findings.push(cellFinding('import.required-for-type', 'error', index, 'metric', { type }));
      if (!mode) findings.push(cellFinding('import.required-for-type', 'error', index, 'mode', { type }));
      if (!metric || !mode) return null;
      return defined<Of<'commission'>>({
        type: 'commission',
        id,
        metric,
        mode,
        tiers: [],
        threshold: num('threshold'),
        capAttainment: num('capAttainment'),
        capAmount: num('capAmount'),
      });
    }
    case 'bonus': {
      const targetAmount = need('amount');
      const multipliers = pairsOf();
      return targetAmount === undefined || !multipliers ? null : { type, id, targetAmount, multipliers };
    }
    case 'override': {
      const rate = rateOf();
      const gateMetric = text('gateMetric');
      const gateMin = num('gateMin');
      if ((gateMetric === undefined) !== (gateMin === undefined)) {
        findings.push(
          cellFinding(
            'import.gate-incomplete',
            'error',
            index,
            gateMetric === undefined ? 'gateMetric' : 'gateMin',
            {},
          ),
        );
      }
      if (rate === undefined) return null;
      const gate =
        gateMetric !== undefined && gateMin !== undefined ? { metric: gateMetric, min: gateMin } : undefined;
      return defined<Of<'override'>>({ type: 'override', id, rate, metric: text('metric'), gate });
    }
    case 'spiff': {
      const amount = need('amount');
      return amount === undefined ? null : { type, id, amount };
    }
    case 'pool': {
      const rate = rateOf();
      return rate === undefined
        ? null
        : defined<Of<'pool'>>({ type: 'pool', id, rate, metric: text('metric') });
    }
    case 'performance': {
      const coefficients = pairsOf();
      return coefficients ? { type, id, coefficients } : null;
    }
    case 'draw': {
      const amount = need('amount');
      return amount === undefined ? null : { type, id, amount, recoverable: v.recoverable === true };
    }
    default:
      return null;
  }
}

/**
 * Tiers of one commission pay no negative rate and, ordered by `from`, must run forwards (`to` above `from`), touch without
 * overlapping and leave no gap; only the last may be open-ended (`to` empty).
 */
function checkTiers(
  id: string,
  tiers: { index: number; tier: Tier }[],
  cellFinding: CellFindings,
  findings: Finding[],
): void {
  const sorted = [...tiers].sort((a, b) => a.tier.from - b.tier.from || a.index - b.index);
  for (const { index, tier } of sorted) {
    if (tier.rate < 0)
      findings.push(cellFinding('import.negative-rate', 'error', index, 'rate', { value: tier.rate }));
    if (tier.to !== undefined && tier.to !== null && tier.to <= tier.from) {
      findings.push(
        cellFinding('import.tier-inverted', 'error', index, 'to', { id, from: tier.from, to: tier.to }),
      );
    }
  }
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    const prevTo = prev.tier.to ?? null;
    if (prevTo === null || next.tier.from < prevTo) {
      findings.push(
        cellFinding('import.tiers-overlap', 'error', next.index, 'from', {
          id,
          from: next.tier.from,
          previousFrom: prev.tier.from,
          previousTo: prevTo === null ? '∞' : prevTo,
        }),
      );
    } else if (next.tier.from > prevTo) {
      findings.push(
        cellFinding('import.tiers-gap', 'error', next.index, 'from', {
          id,
          from: next.tier.from,
          previousTo: prevTo,
        }),
      );
    }
  }
}
