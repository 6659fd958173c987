// The organisation as append-only versions in the `org` container (one partition per tenant):
// `org:<tenant>:v<n>` heads over chunks of units and people, the newest version being the org in force.
import { OrgIndex, type Org, type Person, type Unit } from '@teamsheet/shared';
import { getStore } from '../store/client';
import {
  appendAudit,
  queryByType,
  readChunkedVersion,
  writeChunkedVersion,
  type VersionHead,
} from '../store/docs';
import { contentHash } from '../store/hash';

export type OrgHead = VersionHead & { tenantId: string; createdBy: string; createdAt: string };
export type OrgVersion = {
  tenantId: string;
  version: number;
  hash: string;
  createdBy: string;
  createdAt: string;
  org: Org;
};
type OrgItem = { unit: Unit } | { person: Person };

/** The tenant this deployment serves (one per Functions app); the demo data uses `demo`. */
export function currentTenant(env: NodeJS.ProcessEnv = process.env): string {
  return env.TEAMSHEET_TENANT || 'demo';
}

export function orgHeadId(tenantId: string, version: number): string {
  return `org:${tenantId}:v${version}`;
}

// Versions never change once written, so a parsed version is cached by its head id and content hash
// (the hash, because another store — a test's, a benchmark's — may hold another org under the same id);
// only the "which is newest" query goes to the store on every request.
const cache = new Map<string, { version: OrgVersion; index: OrgIndex }>();

async function newestHead(
  tenantId: string,
): Promise<{ id: string; version: number; hash: string } | undefined> {
  const { containers } = await getStore();
  const rows = await queryByType<{ id: string; version: number; hash: string }>(
    containers.org,
    tenantId,
    'org',
    {
      fields: ['id', 'version', 'hash'],
      orderBy: { field: 'version', descending: true },
      limit: 1,
    },
  );
  return rows[0];
}

/** The organisation in force and its index, or undefined before the first upload. */
export async function readLatestOrg(
  tenantId = currentTenant(),
): Promise<{ version: OrgVersion; index: OrgIndex } | undefined> {
  const head = await newestHead(tenantId);
  if (!head) return undefined;
  const key = `${head.id}:${head.hash}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { containers } = await getStore();
  const stored = await readChunkedVersion<OrgHead, OrgItem>(containers.org, head.id, tenantId);
  if (!stored) return undefined;
  const units: Unit[] = [];
  const people: Person[] = [];
  for (const item of stored.items) {
    if ('unit' in item) units.push(item.unit);
    else people.push(item.person);
  }
  const org: Org = { tenantId, units, people };
  const entry = {
    version: {
      tenantId,
      version: stored.head.version,
      hash: stored.head.hash,
      createdBy: stored.head.createdBy,
      createdAt: stored.head.createdAt,
      org,
    },
    index: new OrgIndex(org),
  };
  if (cache.size > 20) cache.clear();
  cache.set(key, entry);
  return entry;
}

export type SaveOrgResult =
  | { status: 'created'; version: OrgVersion }
  | { status: 'unchanged'; version: OrgVersion }
  | { status: 'stale'; baseVersion: number; currentVersion: number };

/**
 * Stores `org` as the next version with its audit entry. `baseVersion`, when given, must be the
 * newest version (optimistic concurrency); a concurrent writer of the same version also gets `stale`.
 */
export async function saveOrg(
  org: Pick<Org, 'units' | 'people'>,
  who: string,
  options: { tenantId?: string; baseVersion?: number; at?: string } = {},
): Promise<SaveOrgResult> {
  const tenantId = options.tenantId ?? currentTenant();
  const latest = await readLatestOrg(tenantId);
  const currentVersion = latest?.version.version ?? 0;
  if (options.baseVersion !== undefined && options.baseVersion !== currentVersion) {
    return { status: 'stale', baseVersion: options.baseVersion, currentVersion };
  }
  const content = { tenantId, units: org.units, people: org.people };
  if (latest && latest.version.hash === contentHash({ head: { tenantId }, items: toItems(content) })) {
    return { status: 'unchanged', version: latest.version };
  }
  const version = currentVersion + 1;
  const createdAt = options.at ?? new Date().toISOString();
  const { containers } = await getStore();
  const res = await writeChunkedVersion(containers.org, {
    headId: orgHeadId(tenantId, version),
    partition: { field: 'tenantId', value: tenantId },
    type: 'org',
    version,
    head: { tenantId },
    items: toItems(content),
    extra: { createdBy: who, createdAt },
  });
  if (res.status === 'conflict')
    return { status: 'stale', baseVersion: currentVersion, currentVersion: currentVersion + 1 };
  await appendAudit({
    tenantId,
    who,
    action: 'org.put',
    entity: `org:${tenantId}`,
    beforeHash: latest?.version.hash ?? null,
    afterHash: res.doc.hash,
    at: createdAt,
    change: version,
    details: { version },
  });
  return {
    status: 'created',
    version: { tenantId, version, hash: res.doc.hash, createdBy: who, createdAt, org: { ...content } },
  };
}

function toItems(org: Pick<Org, 'units' | 'people'>): OrgItem[] {
  return [...org.units.map((unit) => ({ unit })), ...org.people.map((person) => ({ person }))];
}
