// The soak (functions/test/support/soak.ts): 50 managers and 2 finance users for 60 s against the real
// stack on loopback, then the store checked over HTTP. Figures go to docs/benchmarks.md through
// bench/soak.bench.ts; here only correctness is asserted, never speed.
import { describe, expect, it } from 'vitest';
import { soak } from './support/soak';

describe('50 managers and 2 finance users for 60 s', () => {
  it(
    'answers nothing but 2xx, 409 and 412, loses nothing acknowledged, duplicates nothing, keeps every chain',
    { timeout: 300_000 },
    async () => {
      const report = await soak({ seconds: 60, managers: 50 });
      expect(report.unexpected).toEqual([]);
      expect(report.lost).toEqual([]);
      expect(report.duplicates).toEqual([]);
      expect(report.brokenChains).toEqual([]);
      // Not vacuous: every kind of write was acknowledged many times, and the races did happen.
      expect(report.acknowledged.versions).toBeGreaterThan(100);
      expect(report.acknowledged.transactions).toBeGreaterThan(1000);
      expect(report.acknowledged.runs).toBeGreaterThan(5);
      expect(report.acknowledged.approvals).toBe(1);
    },
  );
});
