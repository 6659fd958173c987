// Scratch driver: one operation at a time under the host's profiler (not part of npm run bench).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call, expectStatus, profileStart, profileStop, startChild } from './client';
import { adminId, benchCompPlan, benchOrg, financeIds, makeMonth, managerId, monthActivities, teamId, teamPlan, TEAMS, uploadBodies, YEAR } from './data';

const N = Number(process.env.N ?? 200_000);
const only = (process.env.OPS ?? 'upload,team,run,scores,plans').split(',');
const dir = process.env.PROFDIR ?? '/tmp/prof';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'drive-'));
const host = await startChild({}, dataDir);
const cpu = () => {
  const stat = readFileSync(`/proc/${host.child.pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
const prof = async <T>(name: string, fn: () => Promise<T>) => {
  if (!process.env.NOPROF) await profileStart(host);
  const c0 = cpu();
  const t0 = performance.now();
  const r = await fn();
  const ms = performance.now() - t0;
  const c1 = cpu();
  if (!process.env.NOPROF) await profileStop(host, `${dir}/${name}.cpuprofile`);
  console.log(`${name}: ${ms.toFixed(0)} ms, host CPU ${c1 - c0} ms`);
  return r;
};
try {
  const admin = await host.token(adminId, 'admin');
  expectStatus(await call(host, 'PUT', 'org', admin, benchOrg()), [201], 'org');
  const tok = async (id: string) => (JSON.parse((await call(host, 'GET', `dev/token?person=${id}`, admin)).text) as { token: string }).token;
  const fin = await tok(financeIds[0]);
  const mgr = await tok(managerId(0));
  for (let t = 0; t < TEAMS; t++) {
    const m = await tok(managerId(t));
    expectStatus(await call(host, 'PUT', `plans/${teamId(t)}/${YEAR}`, m, teamPlan(t, () => N)), [201], 'plan');
  }
  const d = makeMonth(12, N);
  const bodies = uploadBodies(d, 100_000);
  await call(host, 'GET', 'health', admin);
  await prof('upload', async () => {
    for (const b of bodies) {
      const c0 = cpu();
      const a = expectStatus(await call(host, 'POST', 'actuals', fin, b), [201], 'upload');
      console.log(`  request ${a.ms.toFixed(0)} ms, host CPU ${cpu() - c0} ms`);
    }
  });
  expectStatus(await call(host, 'POST', 'actuals', fin, { period: d.period, activities: monthActivities(d) }), [201], 'act');
  if (only.includes('team'))
    await prof('team', async () => {
      for (let k = 0; k < 10; k++) {
        const a = expectStatus(await call(host, 'GET', `actuals/${teamId(0)}/${d.period}`, mgr), [200], 'team');
        console.log(`  team ${a.ms.toFixed(0)} ms`);
      }
    });
  if (only.includes('run'))
    await prof('run', async () => {
      for (let k = 0; k < 2; k++) {
        const a = expectStatus(await call(host, 'POST', `periods/${d.period}/payout-runs`, fin, { plan: benchCompPlan(), fresh: true }), [201], 'run');
        console.log(`  run ${a.ms.toFixed(0)} ms, ${(a.bytes / 2 ** 20).toFixed(1)} MiB`);
      }
    });
  if (only.includes('existing'))
    await prof('existing', async () => {
      for (let k = 0; k < 3; k++) {
        const a = expectStatus(await call(host, 'POST', `periods/${d.period}/payout-runs`, fin, { plan: benchCompPlan() }), [200, 201], 'run');
        console.log(`  plain run ${a.status} ${a.ms.toFixed(0)} ms`);
      }
    });
  if (only.includes('scores'))
    await prof('scores', async () => {
      const a = expectStatus(await call(host, 'POST', `periods/${d.period}/scores`, mgr, { unitId: teamId(0), scorecard: { items: [{ id: 'revenue', metric: 'revenue', weight: 100, curve: { type: 'linear', floor: 0.5, cap: 1.2 } }] } }), [201], 'scores');
      console.log(`  scores ${a.ms.toFixed(0)} ms`);
    });
  if (only.includes('plans'))
    await prof('plans', async () => {
      const times: number[] = [];
      for (let t = 0; t < 50; t++) {
        const m = await tok(managerId(t));
        const a = expectStatus(await call(host, 'PUT', `plans/${teamId(t)}/${YEAR}`, m, teamPlan(t, () => N), { 'if-match': '"1"' }), [201], 'plan');
        times.push(a.ms);
      }
      times.sort((a, b) => a - b);
      console.log(`  plans p50 ${times[25]!.toFixed(0)} p95 ${times[47]!.toFixed(0)}`);
    });
} finally {
  await host.stop();
  if (process.env.KEEP) console.log(`kept ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
}
