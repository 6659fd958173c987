// Activity logs (活动管理, docs/rules.md, Activities and new-hire checkpoints) as append-only upload batches in the `history` container.
// A batch lives in the partition of its year (`<tenant>|2026`), so any month, quarter or year of
// activities is read from one partition; its id carries its content hash, so the same upload twice is
// one batch. Reading replays the batches oldest first: a later batch's value for a person, metric and
// period replaces an earlier one (a corrected weekly sheet re-uploaded does not count twice).
import { childPeriods, monthsOf, type Activity } from '@teamsheet/shared';
import { getStore } from '../store/client';
import {
  appendAudit,
  queryByType,
  readChunkedVersion,
  writeChunkedVersion,
  type VersionHead,
} from '../store/docs';
import { contentHash } from '../store/hash';

export type ActivityBatchHead = VersionHead & {
  tenantId: string;
  period: string;
  people: number;
  uploadedBy: string;
  uploadedAt: string;
};

export type ActivityBatch = {
  batchId: string;
  period: string;
  count: number;
  people: number;
  uploadedBy: string;
  uploadedAt: string;
  hash: string;
};

/** The partition of a period's activities: its year. */
export function activityPartition(tenantId: string, period: string): string {
  return `${tenantId}|${period.slice(0, 4)}`;
}

function toBatch(head: ActivityBatchHead): ActivityBatch {
  return {
    batchId: head.id,
    period: head.period,
    count: head.itemCount,
    people: head.people,
    uploadedBy: head.uploadedBy,
    uploadedAt: head.uploadedAt,
    hash: head.hash,
  };
}

/**
 * Stores one upload as a new batch with its audit entry. The same activities for the same period
 * again are `unchanged` (the batch id is derived from the content), never a second batch.
 */
export async function saveActivityBatch(args: {
  tenantId: string;
  period: string;
  activities: readonly Activity[];
  who: string;
  at?: string;
}): Promise<{ status: 'created' | 'unchanged'; batch: ActivityBatch }> {
  const { containers } = await getStore();
  const pk = activityPartition(args.tenantId, args.period);
  const headId = `activities:${args.period}:${contentHash({ period: args.period, activities: args.activities }).slice(0, 24)}`;
  const uploadedAt = args.at ?? new Date().toISOString();
  const res = await writeChunkedVersion(containers.history, {
    headId,
    partition: { field: 'pk', value: pk },
    type: 'activities',
    version: 1,
    head: { tenantId: args.tenantId, period: args.period },
    items: [...args.activities],
    chunkSize: 5000,
    extra: {
      people: new Set(args.activities.map((a) => a.personId)).size,
      uploadedBy: args.who,
      uploadedAt,
    },
  });
  if (res.status === 'conflict') {
    const stored = await readChunkedVersion<ActivityBatchHead, Activity>(containers.history, headId, pk);
    if (!stored) throw new Error(`activity batch ${headId} conflicts but cannot be read`);
    return { status: 'unchanged', batch: toBatch(stored.head) };
  }
  const head = res.doc as unknown as ActivityBatchHead;
  await appendAudit({
    tenantId: args.tenantId,
    who: args.who,
    action: 'activities.upload',
    entity: `activities:${args.tenantId}:${args.period}`,
    beforeHash: null,
    afterHash: head.hash,
    at: uploadedAt,
    details: { batchId: headId, count: head.itemCount },
  });
  return { status: 'created', batch: toBatch(head) };
}

/**
 * The activities that fall in `period` (rows of the period itself, its months or its quarters),
 * merged over every batch of its year with the latest upload winning per person × metric × period.
 */
export async function readActivities(
  tenantId: string,
  period: string,
): Promise<{ activities: Activity[]; batches: ActivityBatch[] }> {
  const { containers } = await getStore();
  const pk = activityPartition(tenantId, period);
  const heads = await queryByType<ActivityBatchHead>(containers.history, pk, 'activities');
  heads.sort((a, b) =>
    a.uploadedAt < b.uploadedAt ? -1 : a.uploadedAt > b.uploadedAt ? 1 : a.id < b.id ? -1 : 1,
  );
  // The period itself, its months and (for a year) its quarters; the core picks the right level when scoring.
  const levels = new Set([period, ...monthsOf(period), ...(period.length === 4 ? childPeriods(period) : [])]);
  const latest = new Map<string, Activity>();
  for (const head of heads) {
    const stored = await readChunkedVersion<ActivityBatchHead, Activity>(containers.history, head.id, pk);
    for (const a of stored?.items ?? []) {
      if (!levels.has(a.period)) continue;
      latest.set(`${a.personId}\u0000${a.metric}\u0000${a.period}`, a);
    }
  }
  return { activities: [...latest.values()], batches: heads.map(toBatch) };
}
