// The soak's figures (functions/test/support/soak.ts): 50 managers and 2 finance users for 60 s
// against the real stack on loopback, requests and latencies, and what the store held afterwards.
import { soak } from '../functions/test/support/soak';
import { ms, type BenchSection } from './lib';

export async function run(): Promise<BenchSection> {
  const r = await soak({ seconds: 60, managers: 50 });
  const statuses = Object.entries(r.byStatus)
    .sort()
    .map(([s, n]) => `${s}: ${n.toLocaleString('en-US')}`)
    .join(', ');
  return {
    title: 'Soak: 50 managers and 2 finance users for 60 s (embedded store, host process on loopback)',
    body: [
      '| figure | value |',
      '|---|---|',
      `| requests | ${r.requests.toLocaleString('en-US')} (${(r.requests / r.seconds).toFixed(0)}/s) |`,
      `| answers by status | ${statuses} |`,
      `| latency p50 / p95 | ${ms(r.p50Ms)} / ${ms(r.p95Ms)} |`,
      `| acknowledged: plan versions, transactions, runs, approvals | ${r.acknowledged.versions}, ${r.acknowledged.transactions}, ${r.acknowledged.runs}, ${r.acknowledged.approvals} |`,
      `| unexpected answers (not 2xx, 409, 412) | ${r.unexpected.length} |`,
      `| acknowledged writes lost | ${r.lost.length} |`,
      `| duplicates | ${r.duplicates.length} |`,
      `| broken version or audit chains | ${r.brokenChains.length} |`,
      '',
      'Managers submit plans with If-Match (412 when another submit won), upload team transactions and ask for previews; finance creates runs (content-addressed) and the other finance person approves one twice at once (one 409). The same soak runs in the suite as `functions/test/soak.test.ts`, which asserts the last four rows are 0.',
    ].join('\n'),
  };
}
