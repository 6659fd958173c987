// The demo organisation: ACME 销售公司 with three regions, twelve teams and about 120 people, so that
// the local host, the task pane's preview mode and the tests all have the same realistic company.
import { addDays } from '../period';
import type { Org, Person, Unit } from '../schemas';
import { seededRandom, type Random } from './random';

export const DEMO_TENANT = 'demo';

const regions = [
  {
    id: 'east',
    name: '华东大区 East Region',
    teams: [
      ['shanghai', '上海团队 Shanghai'],
      ['hangzhou', '杭州团队 Hangzhou'],
      ['nanjing', '南京团队 Nanjing'],
      ['suzhou', '苏州团队 Suzhou'],
    ],
  },
  {
    id: 'north',
    name: '华北大区 North Region',
    teams: [
      ['beijing', '北京团队 Beijing'],
      ['tianjin', '天津团队 Tianjin'],
      ['jinan', '济南团队 Jinan'],
      ['shijiazhuang', '石家庄团队 Shijiazhuang'],
    ],
  },
  {
    id: 'south',
    name: '华南大区 South Region',
    teams: [
      ['guangzhou', '广州团队 Guangzhou'],
      ['shenzhen', '深圳团队 Shenzhen'],
      ['xiamen', '厦门团队 Xiamen'],
      ['nanning', '南宁团队 Nanning'],
    ],
  },
] as const;

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '郑',
  '梁',
  '谢',
  '宋',
];
const givenNames = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '晨',
  '欣怡',
  '子涵',
  '浩然',
  '思远',
  '雨桐',
  '嘉怡',
  '俊杰',
];

function nameOf(rng: Random, used: Set<string>): string {
  for (;;) {
    const name = rng.pick(surnames) + rng.pick(givenNames);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
    // Past a few hundred people the pool runs out of distinct pairs; a suffix keeps names unique.
    if (used.size > 500) return `${name}${used.size}`;
  }
}

function dateBetween(rng: Random, fromIso: string, days: number): string {
  return addDays(fromIso, rng.int(0, days - 1));
}

/** Three months after the hire date, the handbooks' usual probation (转正). */
export function probationEndOf(hireDate: string): string {
  return addDays(hireDate, 91);
}

/**
 * The demo company, deterministic for a seed: units `acme` → `east|north|south` → `<region>-<city>`;
 * people `admin`, `finance-1..2`, `head-<region>`, `mgr-<team>`, `rep-001…`. Reps hired during 2026
 * and leavers in 2026 are there so proration and attrition have something to show.
 */
export function demoOrg(seed = 1): Org & { tenantId: string } {
  const rng = seededRandom(seed);
  const used = new Set<string>();
  const units: Unit[] = [
    { id: 'acme', name: 'ACME 销售公司 ACME Sales', kind: 'company', parentId: null, managerId: null },
  ];
  const people: Person[] = [
    { id: 'admin', name: nameOf(rng, used), unitId: 'acme', role: 'admin', hireDate: '2018-03-01' },
    { id: 'finance-1', name: nameOf(rng, used), unitId: 'acme', role: 'finance', hireDate: '2019-07-15' },
    { id: 'finance-2', name: nameOf(rng, used), unitId: 'acme', role: 'finance', hireDate: '2022-04-06' },
  ];
  let repNo = 0;
  for (const region of regions) {
    const headId = `head-${region.id}`;
    units.push({ id: region.id, name: region.name, kind: 'region', parentId: 'acme', managerId: headId });
    people.push({
      id: headId,
      name: nameOf(rng, used),
      unitId: region.id,
      role: 'regional_head',
      hireDate: dateBetween(rng, '2016-01-04', 1500),
    });
    for (const [city, teamName] of region.teams) {
      const teamId = `${region.id}-${city}`;
      const managerId = `mgr-${teamId}`;
      units.push({ id: teamId, name: teamName, kind: 'team', parentId: region.id, managerId });
      people.push({
        id: managerId,
        name: nameOf(rng, used),
        unitId: teamId,
        role: 'manager',
        managerId: headId,
        hireDate: dateBetween(rng, '2017-01-03', 2200),
      });
      const reps = rng.int(7, 10);
      for (let i = 0; i < reps; i++) {
        repNo++;
        const hiredIn2026 = rng.chance(0.1);
        const hireDate = hiredIn2026
          ? dateBetween(rng, '2026-01-05', 240)
          : dateBetween(rng, '2019-01-02', 2500);
        const rep: Person = {
          id: `rep-${String(repNo).padStart(3, '0')}`,
          name: nameOf(rng, used),
          unitId: teamId,
          role: 'rep',
          managerId,
          hireDate,
        };
        const probationEnd = probationEndOf(hireDate);
        if (probationEnd >= '2025-07-01') rep.probationEnd = probationEnd;
        // A few leave during 2026, never before they joined.
        if (rng.chance(0.05)) {
          const exit = dateBetween(rng, '2026-03-01', 270);
          if (exit > hireDate) rep.exitDate = exit;
        }
        people.push(rep);
      }
    }
  }
  return { tenantId: DEMO_TENANT, units, people };
}
