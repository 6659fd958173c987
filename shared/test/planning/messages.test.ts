import { describe, expect, it } from 'vitest';
import { planningMessages } from '../../src/messages/planning';

const RULES = [
  'specific.owner-unknown',
  'specific.metric-unknown',
  'specific.vague-wording',
  'measurable.no-target',
  'measurable.no-unit',
  'measurable.no-baseline',
  'attainable.growth-above-band',
  'attainable.below-history',
  'attainable.capacity-exceeded',
  'attainable.ratchet',
  'relevant.no-parent',
  'relevant.metric-mismatch',
  'relevant.children-do-not-sum',
  'relevant.over-assigned',
  'timebound.no-deadline',
  'timebound.outside-period',
  'timebound.months-missing',
  'timebound.months-overlap',
  'allocation.no-basis',
];
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe('planning messages', () => {
  it('have every SMART validation rule id in both languages', () => {
    for (const rule of RULES) {
      expect(planningMessages.en[rule], rule).toBeTypeOf('string');
      expect(planningMessages['zh-CN'][rule], rule).toBeTypeOf('string');
    }
  });

  it('say the same numbers in both languages: the same keys with the same placeholders', () => {
    expect(Object.keys(planningMessages['zh-CN']).sort()).toEqual(Object.keys(planningMessages.en).sort());
    for (const [key, en] of Object.entries(planningMessages.en)) {
      expect(placeholders(planningMessages['zh-CN'][key] ?? ''), key).toEqual(placeholders(en));
    }
  });
});
