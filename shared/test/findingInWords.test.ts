// A finding worded for its reader by the one core function: people, units, metrics, components and
// roles by name in the reader's language, numbers grouped in that locale, ids it has no name for left
// as they are, the params (ids) unchanged.
import { describe, expect, it } from 'vitest';
import { findingInWords, makeFinding, validatePlan } from '../src';

const people = new Map([
  ['rep-001', '王伟'],
  ['mgr-01', '李娜'],
]);
const units = { 'east-shanghai': '上海团队 Shanghai' };

describe('findingInWords', () => {
  it('names the owner and the metric, in either language, and keeps the ids in params', () => {
    const f = makeFinding('measurable.negative-target', 'error', 'targets[0].value', {
      owner: 'rep-001',
      metric: 'visits',
      period: '2026-03',
      value: -5000,
    });
    expect(f.message).toBe(
      'rep-001 visits 2026-03: the target -5,000 is below zero; a target is an amount to reach, zero or more.',
    );
    const en = findingInWords(f, { locale: 'en', people, units });
    expect(en.message).toBe(
      '王伟 Visits 2026-03: the target -5,000 is below zero; a target is an amount to reach, zero or more.',
    );
    expect(en.params).toEqual(f.params);
    expect(findingInWords(f, { locale: 'zh-CN', people, units }).message).toBe(
      '王伟 拜访次数 2026-03：目标 -5,000 小于零；目标是要达到的数量，应为零或以上。',
    );
  });

  it('groups the numbers of the reader’s locale but writes the year of a period as it is', () => {
    const f = makeFinding('relevant.children-do-not-sum', 'error', 'targets', {
      owner: 'east-shanghai',
      metric: 'revenue',
      period: '2026',
      sum: 1_100_000,
      target: 1_200_000,
      gap: -100_000,
    });
    expect(findingInWords(f, { locale: 'en', units }).message).toBe(
      '上海团队 Shanghai Revenue 2026: the parts add up to 1,100,000, not 1,200,000 (gap -100,000).',
    );
    expect(findingInWords(f, { locale: 'zh-CN', units }).message).toBe(
      '上海团队 Shanghai 销售额 2026：各部分合计 1,100,000，不等于 1,200,000（差额 -100,000）。',
    );
  });

  it('writes money with its two decimals and a ratio as a percentage', () => {
    const pool = makeFinding('payout.pool-no-scores', 'warning', 'people[3]', {
      personId: 'mgr-01',
      component: 'team-pool',
      pool: '1234567.5',
    });
    const components = (id: string) => (id === 'team-pool' ? '团队奖金池' : undefined);
    expect(findingInWords(pool, { locale: 'zh-CN', people, components }).message).toBe(
      '李娜 团队的奖金池（1,234,567.50，组件 团队奖金池）无法分配：团队中没有人有考核得分。',
    );
    const shares = makeFinding('payout.shares-not-one', 'error', 'transactions[0].credits', {
      transactionId: 't-1001',
      sum: '0.85',
    });
    expect(findingInWords(shares, { locale: 'en' }).message).toBe(
      'The credit shares of transaction "t-1001" sum to 85%, not 100%; credit is given as the shares say. Correct the shares so they sum to 100%.',
    );
  });

  it('names a role and a unit by the reader’s words', () => {
    const f = makeFinding('payout.no-version-in-effect', 'warning', 'people[0]', {
      personId: 'rep-001',
      role: 'rep',
      unitId: 'east-shanghai',
      compPlanId: 'sales-2026',
      date: '2026-04-01',
    });
    const roles = { rep: 'sales rep' };
    expect(findingInWords(f, { locale: 'en', people, units, roles }).message).toBe(
      '王伟 (sales rep, 上海团队 Shanghai) is under no version of comp plan sales-2026 in effect on 2026-04-01; nothing is paid to them in this run.',
    );
  });

  it('leaves an id it has no name for as it is, readable, and a rule it does not word as it came', () => {
    const f = makeFinding('specific.owner-unknown', 'error', 'targets[0].owner', {
      owner: 'ghost',
      unitId: 'east-shanghai',
    });
    expect(findingInWords(f, { locale: 'en', people, units }).message).toBe(
      'Owner "ghost" is neither unit 上海团队 Shanghai, a unit below it nor one of its people.',
    );
    const quota = makeFinding('payout.no-quota', 'warning', 'people[9]', {
      personId: 'rep-999',
      metric: 'no-such-metric',
      period: '2026-04',
      component: 'c-7',
    });
    expect(findingInWords(quota, { locale: 'en', people }).message).toBe(
      'rep-999 has no no-such-metric quota for 2026-04 (component c-7); no commission is paid until a quota is set.',
    );
    const server = { rule: 'no.such.rule', severity: 'info' as const, path: '', message: 'as it came' };
    expect(findingInWords(server, { locale: 'zh-CN' })).toBe(server);
  });

  it('keeps an id the message shows beside its own name (unitId next to unitName)', () => {
    const f = makeFinding('consolidation.no-target', 'info', 'units[0]', {
      unitName: '上海团队',
      unitId: 'east-shanghai',
      metric: 'revenue',
      period: '2026',
    });
    expect(findingInWords(f, { locale: 'zh-CN', units }).message).toBe(
      '上海团队（east-shanghai）在 2026 没有自身的 销售额 目标；差距和覆盖率留空。',
    );
  });

  it('words a finding without params in the reader’s language', () => {
    const f = makeFinding('http.precondition-required', 'error', '', {}, 'en');
    expect(findingInWords({ ...f, params: undefined }, { locale: 'zh-CN' }).message).toBe(
      '请在 If-Match 请求头中注明您修改所依据的版本。',
    );
  });
});

describe('findingInWords on a rule worded per case', () => {
  it('words it again by its own message key, every placeholder filled, the numbers grouped', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const { findings } = validatePlan({
      unitId: 'east-shanghai',
      period: '2026',
      templateVersion: '1',
      targets: [
        { owner: 'east-shanghai', metric: 'revenue', period: '2026', value: 1_200_000 },
        ...months.map((period) => ({ owner: 'east-shanghai', metric: 'revenue', period, value: 90_000 })),
      ],
    });
    const sum = findings.find((f) => f.rule === 'relevant.children-do-not-sum')!;
    expect(sum.messageKey).toBe('relevant.children-do-not-sum.months');
    expect(findingInWords(sum, { locale: 'en', units }).message).toBe(
      '上海团队 Shanghai Revenue 2026: the 12 months add up to 1,080,000, not the total 1,200,000 (gap 120,000).',
    );
  });
});
