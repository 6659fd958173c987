// A finding worded again for a reader: its message in the reader's language, its numbers grouped in
// that locale, and the people, units, metrics, components and roles it names by their names, not their
// ids. The params keep the ids, so the finding stays what it was; only its message changes. The one
// place that does this: the plan sheets, the pane's notices and finance's run findings all call it.
import { getMetric } from '../metrics';
import type { Finding } from '../schemas';
import { hasMessage, translate, type Locale, type MessageParams } from './index';

/** Names by id: a map, a record, or a function (undefined: not known to the reader). */
export type NamesById =
  ReadonlyMap<string, string> | Readonly<Record<string, string>> | ((id: string) => string | undefined);

export interface FindingNames {
  /** The reader's language. */
  locale: Locale;
  /** People by id (and, when a caller keeps one list of owners, units too). */
  people?: NamesById;
  /** Units by id. */
  units?: NamesById;
  /** Metrics by id; the catalog's label in `locale` where this has none. */
  metrics?: NamesById;
  /** Comp-plan components by id, as the reader's screen labels them. */
  components?: NamesById;
  /** Roles (rep, manager …) in the reader's words. */
  roles?: NamesById;
}

const nameIn = (names: NamesById | undefined, id: string): string | undefined => {
  if (!names) return undefined;
  if (typeof names === 'function') return names(id);
  if (names instanceof Map) return names.get(id);
  const record = names as Readonly<Record<string, string>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
};

type Kind = 'person' | 'unit' | 'owner' | 'metric' | 'component' | 'role';

/** Which params hold an id of what: a person, a unit, either (an owner), a metric, a component, a role. */
const ID_PARAMS: Readonly<Record<string, Kind>> = {
  personId: 'person',
  person: 'person',
  managerId: 'person',
  unitId: 'unit',
  parentId: 'unit',
  owner: 'owner',
  child: 'owner',
  metric: 'metric',
  gateMetric: 'metric',
  parentMetric: 'metric',
  component: 'component',
  role: 'role',
};

function nameOf(kind: Kind, id: string, names: FindingNames): string | undefined {
  switch (kind) {
    case 'person':
      return nameIn(names.people, id) ?? nameIn(names.units, id);
    case 'unit':
      return nameIn(names.units, id) ?? nameIn(names.people, id);
    case 'owner':
      return nameIn(names.people, id) ?? nameIn(names.units, id);
    case 'metric':
      return nameIn(names.metrics, id) ?? getMetric(id)?.label[names.locale];
    case 'component':
      return nameIn(names.components, id);
    case 'role':
      return nameIn(names.roles, id);
  }
}

/**
 * `finding` worded for its reader. An id the reader has no name for stays as it is (readable, and the
 * same id the sheets show); a param `unitId` beside its own `unitName` keeps the id, which the message
 * shows next to the name. A finding whose rule the core does not word keeps the message it came with.
 */
export function findingInWords(finding: Finding, names: FindingNames): Finding {
  const key = finding.messageKey ?? finding.rule;
  if (!hasMessage(key)) return finding;
  const params: MessageParams = { ...((finding.params ?? {}) as MessageParams) };
  for (const [param, kind] of Object.entries(ID_PARAMS)) {
    const id = params[param];
    const named = param.endsWith('Id') && Object.hasOwn(params, `${param.slice(0, -2)}Name`);
    if (typeof id !== 'string' || named) continue;
    params[param] = nameOf(kind, id, names) ?? id;
  }
  return { ...finding, message: translate(names.locale, key, params) };
}
