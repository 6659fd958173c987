import { describe, expect, it } from 'vitest';
import { defaultRuleSettings, readObjective } from '../../src/planning';

const read = (text: string, ref = '2026-11-25') => readObjective(text, ref, defaultRuleSettings.vagueWords);

describe('readObjective', () => {
  it('finds vague words, including 提升/增强 … 意识 with words in between', () => {
    expect(read('增强客户意识').vagueWords).toEqual(['增强…意识']);
    expect(read('进一步提升员工的服务意识').vagueWords).toEqual(['进一步', '提升…意识']);
    expect(read('Try to improve service further').vagueWords).toEqual(['further', 'improve', 'try to']);
  });

  it('English vague words match whole words only ("furthermore" is not "further")', () => {
    expect(read('Furthermore, close 20 deals').vagueWords).toEqual([]);
  });

  it('reads 从4%降到2% as baseline 4 and target 2 in %, and 月底前 as the end of the month', () => {
    const r = read('客户投诉率从4%降到2%, 月底前');
    expect(r).toMatchObject({
      baseline: 4,
      target: 2,
      unit: '%',
      isChange: true,
      hasDeadline: true,
      deadline: '2026-11-30',
    });
  });

  it('reads "from 4% to 2% by the end of the month" the same way in English', () => {
    expect(read('Reduce complaints from 4% to 2% by the end of the month')).toMatchObject({
      baseline: 4,
      target: 2,
      unit: '%',
      deadline: '2026-11-30',
    });
  });

  it('dates and deadlines are not results: 截止到12月末 has no result number but a deadline of Dec 31', () => {
    const r = read('截止到12月末,各部门基本达成销售计划');
    expect(r.results).toEqual([]);
    expect(r.target).toBeUndefined();
    expect(r.deadline).toBe('2026-12-31');
  });

  it('reads 5万元 as 50000 yuan, 本周 as the coming Sunday and 首条 as starting from nothing', () => {
    const r = read('本周造就月销量5万元的首条餐饮样板街'); // 2026-11-25 is a Wednesday
    expect(r).toMatchObject({ target: 50000, unit: '元', baseline: 0, deadline: '2026-11-29' });
  });

  it("a named month already past in the reference year means next year's", () => {
    expect(read('3月底前开发6家客户').deadline).toBe('2027-03-31');
    expect(read('12月15日前开发6家客户').deadline).toBe('2026-12-15');
  });

  it('counts "within 10 days" from the reference day, both ends included', () => {
    expect(read('Close 5 deals within 10 days').deadline).toBe('2026-12-04');
  });

  it('numbers with units and currencies: $1,200 and 6家', () => {
    expect(read('Win $1,200 of new business').results).toEqual([{ value: 1200, unit: '$' }]);
    expect(read('开发月用量500元的餐饮6家').results).toEqual([
      { value: 500, unit: '元' },
      { value: 6, unit: '家' },
    ]);
  });

  it('a change word without a starting number has no baseline', () => {
    expect(read('Raise revenue to 5 million yuan')).toMatchObject({ isChange: true, target: 5_000_000 });
    expect(read('Raise revenue to 5 million yuan').baseline).toBeUndefined();
  });
});
