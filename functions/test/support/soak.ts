// The soak: 50 simulated managers and 2 finance users for a bounded time against the real stack on
// loopback — plan submits with If-Match, team uploads, previews; runs and approvals — then the store
// is checked: no answer but the expected 409/412, no acknowledged write lost, no duplicate, every
// version chain intact. Used by functions/test/soak.test.ts (asserts) and bench/soak.bench.ts (figures).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoOrg, type Org, type Person, type Plan, type Unit } from '@teamsheet/shared';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import { startHostProcess, stopHostProcess, type HostProcess } from './hostProcess';

export type SoakReport = {
  seconds: number;
  managers: number;
  requests: number;
  byStatus: Record<string, number>;
  unexpected: { status: number; what: string; detail: string }[];
  p50Ms: number;
  p95Ms: number;
  acknowledged: { versions: number; transactions: number; runs: number; approvals: number };
  lost: string[];
  duplicates: string[];
  brokenChains: string[];
};

const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

/** The demo org with `teams` more teams of 4 reps each under the first region, each with its manager. */
function soakOrg(teams: number): Org {
  const demo = demoOrg();
  const units: Unit[] = [...demo.units];
  const people: Person[] = [...demo.people];
  const region = demo.units.find((u) => u.kind === 'region')!;
  const head = demo.people.find((p) => p.id === region.managerId)!;
  for (let t = 0; t < teams; t++) {
    const unitId = `soak-${t}`;
    const managerId = `mgr-soak-${t}`;
    units.push({ id: unitId, name: `Soak team ${t}`, kind: 'team', parentId: region.id, managerId });
    people.push({
      id: managerId,
      name: `Manager ${t}`,
      unitId,
      role: 'manager',
      managerId: head.id,
      hireDate: '2020-01-01',
    });
    for (let r = 0; r < 4; r++)
      people.push({
        id: `rep-soak-${t}-${r}`,
        name: `Rep ${t}.${r}`,
        unitId,
        role: 'rep',
        managerId,
        hireDate: '2020-01-01',
      });
  }
  return { tenantId: demo.tenantId, units, people };
}

function plan(unitId: string, value: number): Plan {
  return {
    unitId,
    period: '2026',
    templateVersion: '1',
    targets: [
      { owner: unitId, metric: 'revenue', period: '2026', value: value * 12 },
      ...MONTHS.map((period) => ({ owner: unitId, metric: 'revenue', period, value })),
    ],
  };
}

export async function soak(options: { seconds: number; managers?: number }): Promise<SoakReport> {
  const managers = options.managers ?? 50;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'teamsheet-soak-'));
  let host: HostProcess | undefined;
  try {
    host = await startHostProcess(dataDir);
    const { base } = host;
    const org = soakOrg(managers);
    const orgRes = await fetch(`${base}/org`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await host.token('admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ units: org.units, people: org.people }),
    });
    if (orgRes.status >= 300)
      throw new Error(`storing the soak org answered ${orgRes.status}: ${await orgRes.text()}`);

    const report: SoakReport = {
      seconds: options.seconds,
      managers,
      requests: 0,
      byStatus: {},
      unexpected: [],
      p50Ms: 0,
      p95Ms: 0,
      acknowledged: { versions: 0, transactions: 0, runs: 0, approvals: 0 },
      lost: [],
      duplicates: [],
      brokenChains: [],
    };
    const latencies: number[] = [];
    const versions = new Map<string, Map<number, number>>(); // unit → version → value
    const transactions = new Map<string, number>();
    const runs = new Set<string>();
    const deadline = Date.now() + options.seconds * 1000;
    const send = async (
      what: string,
      person: string,
      method: string,
      url: string,
      body: unknown,
      headers: Record<string, string> = {},
      expected: number[] = [],
    ) => {
      const started = performance.now();
      const res = await fetch(`${base}/${url}`, {
        method,
        headers: {
          authorization: `Bearer ${await host!.token(person)}`,
          'accept-language': Math.random() < 0.5 ? 'en' : 'zh-CN',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      latencies.push(performance.now() - started);
      report.requests++;
      report.byStatus[res.status] = (report.byStatus[res.status] ?? 0) + 1;
      if (res.status >= 300 && !expected.includes(res.status))
        report.unexpected.push({ status: res.status, what, detail: text.slice(0, 300) });
      return { status: res.status, json: () => JSON.parse(text) as Record<string, unknown> };
    };

    let seq = 0;
    const manager = async (t: number) => {
      const unitId = `soak-${t}`;
      const me = `mgr-soak-${t}`;
      const mine = new Map<number, number>();
      versions.set(unitId, mine);
      let current = 0;
      while (Date.now() < deadline) {
        const roll = Math.random();
        if (roll < 0.6) {
          const value = 1000 + Math.floor(Math.random() * 1000);
          const res = await send(
            'plan submit',
            me,
            'PUT',
            `plans/${unitId}/2026`,
            plan(unitId, value),
            current > 0 ? { 'if-match': `"${current}"` } : {},
            [412],
          );
          if (res.status === 201) {
            current = Number(res.json().version);
            mine.set(current, value);
          } else if (res.status === 412) current = Number(res.json().currentVersion ?? current);
        } else if (roll < 0.85) {
          const batch = Array.from({ length: 20 }, (_, i) => ({
            id: `s-${t}-${++seq}`,
            date: '2026-05-12',
            amount: 100 + i,
            credits: [{ personId: `rep-soak-${t}-${i % 4}`, share: 1 }],
          }));
          const res = await send(
            'upload',
            me,
            'POST',
            'actuals',
            { period: '2026-05', transactions: batch },
            { 'idempotency-key': `u-${t}-${seq}` },
          );
          if (res.status === 201) for (const b of batch) transactions.set(b.id, b.amount);
        } else {
          await send('preview', me, 'POST', 'payouts/preview', {
            period: '2026-05',
            plan: sampleCompPlan('soak'),
            people: org.people.filter((p) => p.unitId === unitId),
            quotas: [],
            transactions: [],
          });
        }
      }
    };
    const finance = async (who: string) => {
      while (Date.now() < deadline) {
        const res = await send(
          'run',
          who,
          'POST',
          'periods/2026-05/payout-runs',
          { plan: sampleCompPlan('soak') },
          { 'idempotency-key': `r-${who}-${++seq}` },
        );
        if (res.status === 201 || res.status === 200) runs.add(String(res.json().runId));
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    await Promise.all([
      ...Array.from({ length: managers }, (_, t) => manager(t)),
      finance('finance-1'),
      finance('finance-2'),
    ]);
    const listed = (
      await send('list runs', 'finance-1', 'GET', 'periods/2026-05/payout-runs', undefined)
    ).json().runs as { runId: string; createdBy: string; hash: string }[];
    // Runs are content-addressed: two runs of the same content would be a duplicate.
    const hashes = new Set<string>();
    for (const r of listed) {
      if (hashes.has(r.hash)) report.duplicates.push(`run of hash ${r.hash}`);
      hashes.add(r.hash);
    }
    // Four eyes: the other finance person approves the first run, twice at once; one wins, one is 409.
    const firstRun = listed.at(-1);
    if (firstRun) {
      const approver = firstRun.createdBy === 'finance-1' ? 'finance-2' : 'finance-1';
      const approvals = await Promise.all(
        [0, 1].map(() =>
          send(
            'approve',
            approver,
            'POST',
            `periods/2026-05/payout-runs/${firstRun.runId}/approve`,
            {},
            {},
            [409],
          ),
        ),
      );
      report.acknowledged.approvals = approvals.filter((a) => a.status < 300).length;
    }

    // ---- the store afterwards, over HTTP
    const admin = await host.token('admin');
    const get = async (url: string) =>
      (
        await fetch(`${base}/${url}`, { headers: { authorization: `Bearer ${admin}` } })
      ).json() as Promise<unknown>;
    for (const [unitId, mine] of versions) {
      const list = (await get(`plans/${unitId}/2026/versions`)) as { version: number }[];
      const numbers = list.map((v) => v.version);
      if (numbers.some((n, i) => n !== i + 1)) report.brokenChains.push(`${unitId}: ${numbers.join(',')}`);
      for (const [version, value] of mine) {
        report.acknowledged.versions++;
        const stored = (await get(`plans/${unitId}/2026?version=${version}`)) as { plan?: Plan };
        if (stored.plan?.targets.find((x) => x.period === '2026-01')?.value !== value)
          report.lost.push(`${unitId} v${version}`);
      }
      const trail = (await get(`audit?entity=${encodeURIComponent(`plan:${unitId}:2026`)}`)) as {
        entries: unknown[];
        chainIntact: boolean;
      };
      if (!trail.chainIntact) report.brokenChains.push(`audit of ${unitId}`);
      if (trail.entries.length !== numbers.length)
        report.duplicates.push(
          `audit of ${unitId}: ${trail.entries.length} entries for ${numbers.length} versions`,
        );
    }
    const fin = await host.token('finance-1');
    const actuals = (await (
      await fetch(`${base}/actuals/${org.units[0]!.id}/2026-05`, {
        headers: { authorization: `Bearer ${fin}` },
      })
    ).json()) as {
      transactions: { id: string; amount: number }[];
    };
    const seen = new Map<string, number>();
    for (const t of actuals.transactions) {
      if (seen.has(t.id)) report.duplicates.push(`transaction ${t.id}`);
      seen.set(t.id, t.amount);
    }
    for (const [id, amount] of transactions) {
      report.acknowledged.transactions++;
      if (seen.get(id) !== amount) report.lost.push(`transaction ${id}`);
    }
    const stored = new Set(listed.map((r) => r.runId));
    for (const runId of runs) {
      report.acknowledged.runs++;
      if (!stored.has(runId)) report.lost.push(`run ${runId}`);
    }
    latencies.sort((a, b) => a - b);
    report.p50Ms = latencies[Math.floor(latencies.length * 0.5)] ?? 0;
    report.p95Ms = latencies[Math.floor(latencies.length * 0.95)] ?? 0;
    return report;
  } finally {
    if (host) await stopHostProcess(host);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
