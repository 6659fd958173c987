// "Fill sample data" of the Payouts section on the preview workbook: the sample Targets sheet names
// its owners as the plan sheets do (people and units by name, the ids beside them on the Lists sheet),
// and reads back as the same targets by id, which the preview's quotas need.
import { demoOrg } from '@teamsheet/shared';
import { demoTargets } from '@teamsheet/shared/demo';
import { describe, expect, it } from 'vitest';
import { readPlan } from '../src/features/plan/planSheets';
import { insertSampleData } from '../src/features/payouts/sampleData';
import { loadTeam } from '../src/features/payouts/preview';
import { createPreviewWorkbook } from '../src/office';
import { apiAnswering } from './support/apiAnswering';

const org = demoOrg();
const unitId = 'east-shanghai';
const nameOf = new Map([...org.units, ...org.people].map((o) => [o.id, o.name ?? o.id]));

describe('sample data of the Payouts section', () => {
  for (const locale of ['en', 'zh-CN'] as const)
    it(`writes the sample targets by owner name (${locale}) and reads them back by id`, async () => {
      const team = await loadTeam(apiAnswering(200, org), 'mgr-sh', unitId);
      const wb = createPreviewWorkbook([]);
      const written = await insertSampleData(wb, team, '2026-03', locale);
      const sheet = written.sheets[0]!;
      const table = await wb.readTable(sheet, 'TeamsheetTargets');
      const owners = new Set(table!.rows.map((r) => r[0]));
      // the unit and its people by name; no owner cell holds an id
      expect(owners.has(nameOf.get(unitId)!)).toBe(true);
      expect(owners.has(nameOf.get('rep-001')!)).toBe(true);
      for (const id of nameOf.keys()) expect(owners.has(id)).toBe(false);
      // read back: the very targets the core's demo gave, owners by id again
      const ids = new Set([unitId, ...team.people.map((p) => p.id)]);
      const expected = demoTargets({ units: team.units, people: team.people }, 2026).targets.filter((t) =>
        ids.has(t.owner),
      );
      const read = await readPlan(wb, locale);
      const key = (t: { owner: string; metric: string; period: string }) =>
        `${t.owner} ${t.metric} ${t.period}`;
      const byKey = (ts: typeof expected) => [...ts].sort((a, b) => key(a).localeCompare(key(b)));
      const months = read.plan.targets.filter((t) => t.period.length === 7);
      expect(byKey(months)).toEqual(byKey(expected));
      // and the sheet's Total of each owner as their year target
      expect(
        read.plan.targets
          .filter((t) => t.period === '2026')
          .map((t) => t.owner)
          .sort(),
      ).toEqual([...new Set(expected.map((t) => t.owner))].sort());
    });
});
