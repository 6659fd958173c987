// Crash safety of the real stack on its embedded default: the host as its own process (functions/
// dist/host.js on a SQLite file), concurrent writers of plans, ledger uploads and payout runs, and
// SIGKILL at random moments, 20 times. After each restart every write that was acknowledged (2xx) is
// there exactly once with the content acknowledged, and nothing is half there: every version listed
// reads whole, the ledger holds each id once, every run listed reads with all its lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoOrg, type Plan } from '@teamsheet/shared';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import { startHostProcess } from './support/hostProcess';

const KILLS = 20;
const demo = demoOrg();
const teams = demo.units.filter((u) => u.kind === 'team').slice(0, 4);
const reps = demo.people.filter((p) => p.role === 'rep' && teams.some((t) => t.id === p.unitId));
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

const dataDir = mkdtempSync(path.join(tmpdir(), 'teamsheet-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Host = Awaited<ReturnType<typeof startHostProcess>>;
const startHost = () => startHostProcess(dataDir);
let current: Host | undefined;
const token = (_base: string, person: string) => current!.token(person);

function teamPlan(unitId: string, value: number): Plan {
  return {
    unitId,
    period: '2026',
    templateVersion: '1',
    targets: [
      { owner: unitId, metric: 'revenue', period: '2026', value: value * 12 },
      ...months.map((period) => ({ owner: unitId, metric: 'revenue', period, value })),
    ],
  };
}

/** What the writers were told was stored. */
const acknowledged = {
  plans: new Map<string, Map<number, number>>(), // unit → version → the monthly value sent
  transactions: new Map<string, number>(), // id → amount
  runs: new Set<string>(),
};
let txSeq = 0;

async function writers(base: string, stop: { now: boolean }): Promise<void> {
  const planWriter = async (unitId: string) => {
    const manager = demo.units.find((u) => u.id === unitId)!.managerId!;
    while (!stop.now) {
      const versions = acknowledged.plans.get(unitId) ?? new Map<number, number>();
      acknowledged.plans.set(unitId, versions);
      const current = Math.max(0, ...versions.keys());
      const value = 1000 + current * 10 + Math.floor(Math.random() * 10);
      const res = await fetch(`${base}/plans/${unitId}/2026`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${await token(base, manager)}`,
          'content-type': 'application/json',
          ...(current > 0 ? { 'if-match': `"${current}"` } : {}),
        },
        body: JSON.stringify(teamPlan(unitId, value)),
      }).catch(() => undefined);
      if (!res) return; // the host is gone
      if (res.status === 201) {
        const version = Number(((await res.json()) as { version: number }).version);
        versions.set(version, value);
      } else if (res.status === 412) {
        // A write acknowledged before the last kill but answered to nobody: learn the current version.
        const list = await fetch(`${base}/plans/${unitId}/2026/versions`, {
          headers: { authorization: `Bearer ${await token(base, manager)}` },
        }).catch(() => undefined);
        if (!list?.ok) return;
        const all = (await list.json()) as { version: number }[];
        for (const v of all) if (!versions.has(v.version)) versions.set(v.version, Number.NaN); // unacknowledged but stored: allowed
      } else await res.text().catch(() => '');
    }
  };
  const ledgerWriter = async () => {
    while (!stop.now) {
      const batch = Array.from({ length: 200 }, () => {
        const id = `c-${++txSeq}`;
        const rep = reps[txSeq % reps.length]!;
        return {
          id,
          date: '2026-03-10',
          amount: (txSeq % 997) + 1,
          credits: [{ personId: rep.id, share: 1 }],
        };
      });
      const res = await fetch(`${base}/actuals`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await token(base, 'finance-1')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ period: '2026-03', transactions: batch }),
      }).catch(() => undefined);
      if (!res) return;
      if (res.status === 201 || res.status === 200)
        for (const t of batch) acknowledged.transactions.set(t.id, t.amount);
      else await res.text().catch(() => '');
    }
  };
  const runWriter = async () => {
    while (!stop.now) {
      const res = await fetch(`${base}/periods/2026-03/payout-runs`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await token(base, 'finance-2')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ plan: sampleCompPlan('crash'), fresh: true }),
      }).catch(() => undefined);
      if (!res) return;
      if (res.status === 201) acknowledged.runs.add(((await res.json()) as { runId: string }).runId);
      else await res.text().catch(() => '');
    }
  };
  // A writer stops at its first failed call: the host is gone (a token asked for at the kill too).
  const untilGone = (w: Promise<void>) => w.catch(() => undefined);
  await Promise.all(
    [...teams.map((t) => planWriter(t.id)), ledgerWriter(), ledgerWriter(), runWriter()].map(untilGone),
  );
}

async function check(base: string): Promise<void> {
  const auth = { authorization: `Bearer ${await token(base, 'admin')}` };
  const fin = { authorization: `Bearer ${await token(base, 'finance-1')}` };
  for (const [unitId, versions] of acknowledged.plans) {
    const list = (await (await fetch(`${base}/plans/${unitId}/2026/versions`, { headers: auth })).json()) as {
      version: number;
    }[];
    const stored = list.map((v) => v.version);
    // A chain 1..n without gaps or repeats, holding every acknowledged version.
    expect(stored).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    for (const [version, value] of versions) {
      expect(stored, `${unitId} v${version} was acknowledged`).toContain(version);
      const res = await fetch(`${base}/plans/${unitId}/2026?version=${version}`, { headers: auth });
      expect(res.status).toBe(200);
      const plan = (await res.json()) as { plan?: Plan } & Plan;
      const targets = (plan.plan ?? plan).targets;
      expect(targets).toHaveLength(13);
      if (!Number.isNaN(value)) expect(targets.find((t) => t.period === '2026-01')?.value).toBe(value);
    }
  }
  const actuals = (await (await fetch(`${base}/actuals/acme/2026-03`, { headers: fin })).json()) as {
    transactions: { id: string; amount: number }[];
  };
  const ids = actuals.transactions.map((t) => t.id);
  expect(new Set(ids).size).toBe(ids.length); // each id once
  const byId = new Map(actuals.transactions.map((t) => [t.id, t.amount]));
  for (const [id, amount] of acknowledged.transactions)
    expect(byId.get(id), `transaction ${id}`).toBe(amount);
  // Uploads are whole: ids come in uploads of 200, so a half-stored upload would break the count.
  const ledgerIds = ids.filter((id) => id.startsWith('c-'));
  expect(ledgerIds.length % 200).toBe(0);
  const runs = (await (await fetch(`${base}/periods/2026-03/payout-runs`, { headers: fin })).json()) as {
    runs: { runId: string; lineCount: number }[];
  };
  const listed = new Set(runs.runs.map((r) => r.runId));
  for (const runId of acknowledged.runs) expect(listed, `run ${runId}`).toContain(runId);
  for (const run of runs.runs) {
    const res = await fetch(`${base}/periods/2026-03/payout-runs/${run.runId}?lines=true`, { headers: fin });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { lineCount: number };
    expect(body.lineCount).toBe(run.lineCount);
  }
}

describe('SIGKILL at random moments under concurrent writers', () => {
  it(`loses nothing acknowledged and restarts consistent, ${KILLS} times`, { timeout: 600_000 }, async () => {
    let kills = 0;
    while (kills < KILLS) {
      const host = (current = await startHost());
      await check(host.base);
      const stop = { now: false };
      const writing = writers(host.base, stop);
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 1200));
      const exited = new Promise((r) => host.child.once('exit', r));
      host.child.kill('SIGKILL');
      await exited;
      stop.now = true;
      await writing;
      kills++;
    }
    const host = (current = await startHost());
    try {
      await check(host.base);
      // The writers did write: the test is not vacuous.
      expect([...acknowledged.plans.values()].reduce((n, v) => n + v.size, 0)).toBeGreaterThan(KILLS);
      expect(acknowledged.transactions.size).toBeGreaterThan(1000);
      expect(acknowledged.runs.size).toBeGreaterThan(0);
    } finally {
      host.child.kill('SIGKILL');
    }
  });
});
