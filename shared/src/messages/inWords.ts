// A finding worded again for a reader: its message in the reader's language with the people, units,
// metrics and components it names by their names, not their ids (the params keep the ids, so the
// finding stays what it was; only its message changes).
import { getMetric } from '../metrics';
import type { Finding } from '../schemas';
import { translate, type Locale, type MessageParams } from './index';

export type FindingNames = {
  /** A person's or unit's name by id (undefined: not known to the reader; the id stays). */
  owner: (id: string) => string | undefined;
  /** A comp-plan component's label by id, when the finding is about a payout. */
  component?: (id: string) => string | undefined;
};

/** Params holding an owner's id (a person or a unit), and those holding a metric's. */
const OWNER_KEYS = ['owner', 'personId', 'person', 'unitId', 'managerId', 'parentId', 'child'] as const;
const METRIC_KEYS = ['metric', 'gateMetric'] as const;

export function findingInWords(finding: Finding, locale: Locale, names: FindingNames): Finding {
  if (!finding.params) return finding;
  const params: MessageParams = { ...(finding.params as MessageParams) };
  for (const key of OWNER_KEYS) {
    const id = params[key];
    if (typeof id === 'string') params[key] = names.owner(id) ?? id;
  }
  for (const key of METRIC_KEYS) {
    const id = params[key];
    if (typeof id === 'string') params[key] = getMetric(id)?.label[locale] ?? id;
  }
  if (typeof params.component === 'string' && names.component)
    params.component = names.component(params.component) ?? params.component;
  return { ...finding, message: translate(locale, finding.messageKey ?? finding.rule, params) };
}
