import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  neutraliseCell,
  payoutCsv,
  payoutExportRows,
  tracePriorPeriodAdjustments,
  PRIOR_PERIOD_STEP,
  type PayoutLine,
} from '../../src/index';

const base = { period: '2026-03', runId: 'run-abc', hash: 'h'.repeat(64), currency: 'CNY' };

describe('payout export rows and CSV', () => {
  it('neutralises text that a spreadsheet would run as a formula, and nothing else', () => {
    expect(neutraliseCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutraliseCell('+1')).toBe("'+1");
    expect(neutraliseCell('-2')).toBe("'-2");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('\tx')).toBe("'\tx");
    expect(neutraliseCell('\rx')).toBe("'\rx");
    expect(neutraliseCell('王芳')).toBe('王芳');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(neutraliseCell('')).toBe('');
  });

  it('formats amounts from minor units with the currency digits (CNY 2, JPY 0)', () => {
    const lines = [{ personId: 'p1', component: 'commission', amountMinor: -1250 }];
    const people = [{ id: 'p1', name: 'Li', unitId: 'u1' }];
    expect(payoutExportRows({ ...base, lines, people })[0]).toMatchObject({
      amount: '-12.50',
      unitId: 'u1',
      personName: 'Li',
    });
    expect(payoutExportRows({ ...base, currency: 'JPY', lines, people })[0]!.amount).toBe('-1250');
  });

  it('writes RFC 4180 CSV: BOM, header, CRLF, quoted fields, negative amounts left as numbers', () => {
    const rows = payoutExportRows({
      ...base,
      lines: [
        { personId: 'p1', component: 'commission', amountMinor: 660000 },
        { personId: 'p2', component: 'draw, recoverable', amountMinor: -1250 },
      ],
      people: [
        { id: 'p1', name: '=HYPERLINK("http://evil","click")', unitId: 'u1' },
        { id: 'p2', name: 'Zhang "Wei"', unitId: 'u1' },
      ],
    });
    const csv = payoutCsv(rows);
    expect(csv.startsWith('\uFEFFperson,name,unit,component,amount,currency,period,run id,hash\r\n')).toBe(
      true,
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(
      `p1,"'=HYPERLINK(""http://evil"",""click"")",u1,commission,6600.00,CNY,2026-03,run-abc,${base.hash}`,
    );
    expect(lines[2]).toBe(
      `p2,"Zhang ""Wei""",u1,"draw, recoverable",-12.50,CNY,2026-03,run-abc,${base.hash}`,
    );
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });

  it('never lets a text cell begin with a formula character (property)', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const cell = neutraliseCell(name);
        return !/^[=+\-@\t\r]/.test(cell) && (cell === name || cell === `'${name}`);
      }),
    );
  });
});

describe('prior-period adjustments in the trace', () => {
  it('adds a step naming the corrected transaction to the commission line of each credited person', () => {
    const line = (personId: string, component: string): PayoutLine => ({
      personId,
      component,
      type: component === 'comm' ? 'commission' : 'bonus',
      amount: '0.00',
      amountMinor: 0,
      trace: [],
    });
    const lines = [line('a', 'comm'), line('a', 'bonus'), line('b', 'comm')];
    tracePriorPeriodAdjustments(
      lines,
      [
        {
          type: 'commission',
          id: 'comm',
          metric: 'revenue',
          mode: 'marginal',
          tiers: [{ from: 0, rate: 0.05 }],
        },
        { type: 'bonus', id: 'bonus', targetAmount: 100, multipliers: {} },
      ],
      [
        {
          id: 'x9',
          date: '2026-04-02',
          amount: -100,
          credits: [{ personId: 'a', share: 1 }],
          adjusts: { period: '2026-03', transactionId: 't1' },
        },
        { id: 'x1', date: '2026-04-03', amount: 50, credits: [{ personId: 'b', share: 1 }] },
      ],
    );
    expect(lines[0]!.trace).toEqual([{ step: PRIOR_PERIOD_STEP, value: 'x9 adjusts 2026-03 t1: -100 × 1' }]);
    expect(lines[1]!.trace).toEqual([]);
    expect(lines[2]!.trace).toEqual([]);
  });
});
