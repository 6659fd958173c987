// A version number can come back: a store restored from a backup taken before version 2 hands out
// "version 2" again, for other content. The ETag names the content too, so a client holding the first
// version 2 is refused (412) instead of lining up with the other record.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plan } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { plans } from '../src/functions/plans';
import { configureStore, getStore, resetStore } from '../src/store';
import { call, seedOrg, tokenFor } from './helpers';

const demo = demoOrg();
const unitId = 'east-shanghai';
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const plan = (monthly: number): Plan => ({
  unitId,
  period: '2026',
  templateVersion: '1',
  targets: [
    { owner: unitId, metric: 'revenue', period: '2026', value: monthly * 12 },
    ...months.map((period) => ({ owner: unitId, metric: 'revenue', period, value: monthly })),
  ],
});
const put = async (body: Plan, ifMatch?: string) =>
  call(plans, {
    method: 'PUT',
    path: `plans/${unitId}/2026`,
    params: { unitId, period: '2026' },
    token: await tokenFor(`mgr-${unitId}`, demo),
    json: body,
    headers: ifMatch ? { 'if-match': ifMatch } : {},
  });

const dir = mkdtempSync(path.join(tmpdir(), 'teamsheet-reuse-'));
const file = path.join(dir, 'teamsheet.sqlite');
const backup = path.join(dir, 'backup.sqlite');
afterAll(async () => {
  await resetStore();
  rmSync(dir, { recursive: true, force: true });
});

/** Closes the store (checkpointing its WAL into the file) and opens `from` in its place. */
async function reopen(from?: string) {
  await resetStore();
  if (from) {
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
    copyFileSync(from, file);
  }
  configureStore({ kind: 'embedded', file });
  await getStore();
}

describe('a version number handed out twice', () => {
  it('refuses the ETag of the lost version 2 after a restore, and accepts the one of the version 2 stored now', async () => {
    process.env.TEAMSHEET_DEV_AUTH = '1';
    await reopen();
    await seedOrg(demo);
    const v1 = await put(plan(100_000));
    expect(v1.status).toBe(201);
    await reopen(); // everything on disk
    await resetStore();
    copyFileSync(file, backup); // the backup, taken at version 1
    await reopen();

    const first2 = await put(plan(110_000), v1.headers.get('etag')!);
    expect(first2.status).toBe(201);
    const lostTag = first2.headers.get('etag')!;
    expect(lostTag).toMatch(/^"2\.[0-9a-f]{8}"$/);

    await reopen(backup); // the restore: version 2 is gone
    const other2 = await put(plan(120_000), v1.headers.get('etag')!);
    expect(other2.status).toBe(201);
    const tag = other2.headers.get('etag')!;
    expect(tag).toMatch(/^"2\./);
    expect(tag).not.toBe(lostTag); // the same number, another content: another ETag

    const stale = await put(plan(130_000), lostTag);
    expect(stale.status, stale.text).toBe(412);
    const current = await put(plan(130_000), tag);
    expect(current.status).toBe(201);
  });
});
