// The comp-plan template ↔ CompPlan: a Components table (one row per component, by its name, the
// columns a type does not use left empty), a Tiers table (commission rate tiers by component name)
// and the plan's settings in words (name, currency, rounding). Names are read back to ids through the
// map the writer hands out (the add-in keeps it on a hidden sheet); a name it does not know is an id.
import type { Locale } from '../messages/index';
import { currencyCode, currencyName } from '../money';
import type { CompPlan, Component, Finding } from '../schemas';
import {
  matchEnum,
  readTable,
  type CellFindings,
  type CellValue,
  type ImportTable,
  type ParsedCell,
} from './cells';
import {
  compPlanSettingNames,
  compPlanSettingsTable,
  enumLabel,
  fixedLists,
  getTemplate,
  sheetHeaders,
} from './definitions';
import { formatPairs, parsePairs } from './pairs';
import { getMetric } from '../metrics';

type Tier = { from: number; to?: number | null; rate: number };
type Table = { headers: string[]; rows: CellValue[][] };

const componentsSheet = () => getTemplate('compplan').sheets[0]!;
const tiersSheet = () => getTemplate('compplan').sheets[1]!;

/** A metric by its label in the locale (read back by label as well as by id), an unknown one as it is. */
const metricIn = (id: string | undefined, locale: Locale) => (id ? (getMetric(id)?.label[locale] ?? id) : id);

/** A component as people name it: its kind in their language, with its metric where that is not revenue. */
export function componentLabel(component: Component, locale: Locale): string {
  const kind = enumLabel(fixedLists.componentTypes, component.type, locale);
  const metric = 'metric' in component ? component.metric : undefined;
  if (!metric || metric === 'revenue') return kind;
  const name = metricIn(metric, locale);
  return locale === 'zh-CN' ? `${kind}（${name}）` : `${kind} (${name})`;
}

/** Each component's name within its plan, by id: its label, numbered where a label repeats (提成, 提成 2). */
export function componentNames(components: readonly Component[], locale: Locale): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const c of components) {
    const base = componentLabel(c, locale);
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base} ${k}`;
    taken.add(name);
    names.set(c.id, name);
  }
  return names;
}

/**
 * The tables of a comp plan: components by name (types, modes and metrics by their label in the
 * locale), tiers by their component's name, the settings in words; `names` is each component's name
 * by id, which reading the tables back needs (as name → id) to give the components their ids again.
 */
export function compPlanToRows(
  plan: CompPlan,
  opts: { locale?: Locale } = {},
): { components: Table; tiers: Table; settings: Table; names: Map<string, string> } {
  const locale = opts.locale ?? 'en';
  const sheet = componentsSheet();
  const names = componentNames(plan.components, locale);
  const components: CellValue[][] = [];
  const tiers: CellValue[][] = [];
  for (const c of plan.components) {
    const name = names.get(c.id) ?? c.id;
    const cells: Record<string, CellValue> = {
      id: name,
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
        for (const tier of c.tiers) tiers.push([name, tier.from, tier.to ?? null, tier.rate]);
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
  const setting = (key: string) => enumLabel(compPlanSettingNames, key, locale);
  const settings: CellValue[][] = [
    [setting('name'), plan.name],
    [setting('currency'), currencyName(plan.currency, locale)],
    [setting('rounding'), enumLabel(fixedLists.roundings, plan.rounding ?? 'half-up', locale)],
  ];
  return {
    components: { headers: sheetHeaders(sheet, locale), rows: components },
    tiers: { headers: sheetHeaders(tiersSheet(), locale), rows: tiers },
    settings: { headers: sheetHeaders(compPlanSettingsTable, locale), rows: settings },
    names,
  };
}

export type CompPlanImport = {
  components: ImportTable;
  tiers?: ImportTable;
  /** The settings table (name, currency, rounding in words); what it holds wins over the fields below. */
  settings?: ImportTable;
  /** Component ids by the names the sheets show (compPlanToRows' `names`, turned round). */
  componentIds?: ReadonlyMap<string, string>;
  id: string;
  name: string;
  currency: string;
  rounding?: CompPlan['rounding'];
};

/**
 * The settings table read: the plan's name as written, the currency by its code or its name in
 * either language, the rounding by its words; a currency or rounding it cannot name is an error on
 * its cell, an unknown setting a warning.
 */
export function readCompPlanSettings(
  table: ImportTable,
  locale: Locale = 'en',
): { name?: string; currency?: string; rounding?: CompPlan['rounding']; findings: Finding[] } {
  const read = readTable(compPlanSettingsTable, table, locale);
  const out: { name?: string; currency?: string; rounding?: CompPlan['rounding']; findings: Finding[] } = {
    findings: read.findings,
  };
  for (const { index, values } of read.records) {
    const value = values.value === undefined ? undefined : String(values.value).trim();
    if (!value) continue;
    if (values.setting === 'name') out.name = value;
    else if (values.setting === 'currency') {
      const code = currencyCode(value);
      if (code) out.currency = code;
      else out.findings.push(read.cellFinding('import.unknown-currency', 'error', index, 'value', { value }));
    } else if (values.setting === 'rounding') {
      const rounding = matchEnum(fixedLists.roundings, value);
      if (rounding === 'half-up' || rounding === 'half-even') out.rounding = rounding;
      else
        out.findings.push(
          read.cellFinding('import.not-in-list', 'error', index, 'value', {
            value,
            allowed: fixedLists.roundings.map((r) => r.label[locale]).join(', '),
          }),
        );
    }
  }
  return out;
}

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
  const settings = input.settings ? readCompPlanSettings(input.settings, locale) : { findings: [] };
  const findings = [...comps.findings, ...tierTable.findings, ...settings.findings];
  // A component is named on the sheets; its id is the one that name stands for, else the name itself.
  const idOf = (name: string) => input.componentIds?.get(name) ?? name;

  // Tiers by component id, in sheet order (with the name the sheet gives, for the findings).
  const tiersOf = new Map<string, { name: string; tiers: { index: number; tier: Tier }[] }>();
  for (const { index, values } of tierTable.records) {
    const { component, from, to, rate } = values;
    if (typeof component !== 'string' || typeof from !== 'number' || typeof rate !== 'number') continue;
    const tier: Tier = { from, rate };
    if (typeof to === 'number') tier.to = to;
    const id = idOf(component);
    const entry = tiersOf.get(id) ?? { name: component, tiers: [] };
    entry.tiers.push({ index, tier });
    tiersOf.set(id, entry);
  }

  const components: Component[] = [];
  const ids = new Set<string>();
  const commissionIds = new Set<string>();
  for (const { index, values } of comps.records) {
    const { id: name, type: rawType } = values;
    if (typeof name !== 'string' || typeof rawType !== 'string') continue;
    const id = idOf(name);
    if (ids.has(id)) {
      findings.push(comps.cellFinding('import.duplicate-id', 'error', index, 'id', { id: name }));
      continue;
    }
    ids.add(id);
    const type = matchEnum(fixedLists.componentTypes, rawType);
    if (!type) {
      const allowed = fixedLists.componentTypes.map((v) => v.label[locale]).join(', ');
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
    const typeName = enumLabel(fixedLists.componentTypes, type, locale);
    const component = buildComponent(type, typeName, id, values, index, comps.cellFinding, findings);
    if (type === 'commission') {
      // tiers are checked even when the row itself is faulty, so that one pass reports everything
      const tiers = tiersOf.get(id)?.tiers ?? [];
      if (tiers.length === 0)
        findings.push(comps.cellFinding('import.no-tiers', 'error', index, 'id', { id: name }));
      else checkTiers(name, tiers, tierTable.cellFinding!, findings);
      if (component?.type === 'commission') component.tiers = tiers.map((t) => t.tier);
    }
    if (component && findings.slice(before).every((f) => f.severity !== 'error')) components.push(component);
  }
  for (const [id, { name, tiers }] of tiersOf) {
    if (commissionIds.has(id)) continue;
    for (const { index } of tiers)
      findings.push(tierTable.cellFinding!('import.tier-orphan', 'error', index, 'component', { id: name }));
  }

  const plan: CompPlan = {
    id: input.id,
    name: settings.name ?? input.name,
    currency: settings.currency ?? input.currency,
    components,
  };
  const rounding = settings.rounding ?? input.rounding;
  if (rounding) plan.rounding = rounding;
  return { plan, findings };
}

function buildComponent(
  type: string,
  /** The type in the reader's words, for the findings. */
  typeName: string,
  id: string,
  v: Values,
  index: number,
  cellFinding: CellFindings,
  findings: Finding[],
): Component | null {
  const need = (key: string): number | undefined => {
    const value = v[key];
    if (typeof value === 'number') return value;
    findings.push(cellFinding('import.required-for-type', 'error', index, key, { type: typeName }));
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
        type: typeName,
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
      if (!metric)
        findings.push(cellFinding('import.required-for-type', 'error', index, 'metric', { type: typeName }));
      if (!mode)
        findings.push(cellFinding('import.required-for-type', 'error', index, 'mode', { type: typeName }));
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
