// Store a new version of the organisation (docs/rules.md, Organisation): checked by the core, refused
// whole with 422 when it has errors, stored on top of the version the caller based it on (412
// otherwise), append-only; the same organisation again answers 200 unchanged.
import { validateOrg, type Finding, type Org } from '@teamsheet/shared';
import type { OrgAdmin } from '../auth/orgAdmin';
import type { CommandAnswer } from './answer';
import { refusal } from '../refusal';
import { sameVersion, versionTag, type BaseVersion } from '../address';
import { saveOrg } from '../repositories';

export type StoreOrgInput = { base: BaseVersion | null; org: Pick<Org, 'units' | 'people'> };

export async function storeOrg(caller: OrgAdmin, input: StoreOrgInput): Promise<CommandAnswer> {
  const { tenantId, locale, latest, principal } = caller;
  const { base, org } = input;
  const findings: Finding[] = validateOrg(org, locale);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0)
    throw refusal(
      'unprocessable',
      'org.invalid',
      { count: errors.length },
      errors.map((f) => ({ path: f.path, message: f.message })),
      { findings },
    );
  const current = latest?.version ?? 0;
  if (base && (latest ? !sameVersion(base, latest.version, latest.hash) : base.version !== 0))
    throw refusal('stale', 'org.stale', { base: base.version, current }, [], { currentVersion: current });
  const result = await saveOrg(org, principal.personId, {
    tenantId,
    ...(base ? { baseVersion: base.version } : {}),
  });
  if (result.status === 'stale')
    throw refusal('stale', 'org.stale', { base: result.baseVersion, current: result.currentVersion }, [], {
      currentVersion: result.currentVersion,
    });
  const { version } = result;
  return {
    status: result.status === 'created' ? 201 : 200,
    body: {
      tenantId,
      version: version.version,
      hash: version.hash,
      changed: result.status === 'created',
      findings,
    },
    headers: { etag: versionTag(version.version, version.hash) },
  };
}
