// Explain: a payout line's trace ({step, value} from the core's pipeline) as readable steps with
// grouped money, percentages and tier bands, in the user's language: "credited 123,456.00 →
// quota 100,000.00 → attainment 123.46 % → tier 100–150 % at 5 % …". Pure; the pane shows the result.
import type { PayoutLine } from '@teamsheet/shared';
import type { Translate, UiKey } from '../../i18n';

type Step = PayoutLine['trace'][number];

/** `-1234567.891` → `-1,234,567.891`: digits grouped by three, decimals kept exactly as given. */
export function groupDigits(text: string | number): string {
  const s = String(text).trim();
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(s);
  if (!m) return s;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

/** A ratio as a percentage with two decimals: `1.234568` → `123.46 %`. */
export function percent(ratio: string | number): string {
  const n = Number(ratio);
  return Number.isFinite(n) ? `${(n * 100).toFixed(2)} %` : String(ratio);
}

/** A rate or band edge as a short percentage: `0.05` → `5 %`, `1.5` → `150 %`, `0.035` → `3.5 %`. */
export function shortPercent(ratio: string | number): string {
  const n = Number(ratio);
  if (!Number.isFinite(n)) return String(ratio);
  return `${(n * 100).toFixed(4).replace(/\.?0+$/, '')} %`;
}

/** `1.2` → `×1.2`. */
const times = (value: string | number) => `×${value}`;

const TIER = /^\[([-\d.]+), ([-\d.]+|∞)\) × ([-\d.]+): ([-\d.]+) × ([-\d.]+) = ([-\d.]+)$/;
const COMPARISON = /^([-\d.]+|-) (≥|<) ([-\d.]+)$/;
const ROUNDING = /^([-\d.]+) → ([-\d.]+) \(([\w-]+)\)$/;

const moneySteps = new Set([
  'credit',
  'teamCredit',
  'quota',
  'quota.prorated',
  'bonus.prorated',
  'draw.prorated',
  'targetAmount',
  'baseSalary',
  'perCustomer',
  'earnings',
  'draw',
  'topUp',
  'recovery',
  'balance.opening',
  'balance.closing',
  'capAmount',
  'floor',
  'share',
  'largestRemainder',
]);

/** One step as a sentence fragment in the user's language. */
function explainStep(step: Step, tr: Translate): string {
  const key = (name: string) => `payouts.step.${name}` as UiKey;
  const value = step.value;
  if (value === 'missing') return tr(key(`${step.step}.missing`));
  if (moneySteps.has(step.step)) return tr(key(step.step), { amount: groupDigits(value) });
  switch (step.step) {
    case 'attainment':
    case 'attainment.capped':
      return tr(key(step.step), { percent: percent(value) });
    case 'rate':
      return tr(key('rate'), { rate: shortPercent(value) });
    case 'multiplier':
    case 'coefficient':
      return tr(key(step.step), { value: times(value) });
    case 'proration': {
      const [days, total] = String(value).split('/');
      return tr(key('proration'), { days: days ?? '', total: total ?? '' });
    }
    case 'tier': {
      if (value === 'none') return tr(key('tier.none'));
      const m = TIER.exec(String(value));
      if (!m) break;
      const [, from, to, rate, base, , amount] = m;
      const params = {
        from: shortPercent(from!).replace(' %', ''),
        to: to === '∞' ? '∞' : shortPercent(to!),
        rate: shortPercent(rate!),
        base: groupDigits(base!),
        amount: groupDigits(amount!),
      };
      return tr(key(to === '∞' ? 'tier.open' : 'tier'), params);
    }
    case 'threshold': {
      const m = COMPARISON.exec(String(value));
      if (!m) break;
      return tr(key(m[2] === '≥' ? 'threshold.passed' : 'threshold.failed'), {
        attainment: percent(m[1]!),
        threshold: shortPercent(m[3]!),
      });
    }
    case 'gate': {
      const m = COMPARISON.exec(String(value));
      if (!m) break;
      return tr(key(m[2] === '≥' ? 'gate.passed' : 'gate.failed'), { perCustomer: m[1]!, min: m[3]! });
    }
    case 'rounding':
    case 'pool': {
      const m = ROUNDING.exec(String(value));
      if (!m) break;
      // The rounding rule in the user's words ("舍入（四舍五入）"), not the plan's own term.
      const mode =
        m[3] === 'half-even'
          ? tr('payouts.rounding.half-even')
          : m[3] === 'half-up'
            ? tr('payouts.rounding.half-up')
            : m[3]!;
      return tr(key(step.step), { from: groupDigits(m[1]!), to: groupDigits(m[2]!), mode });
    }
    case 'score': {
      const [score, total] = String(value).split(' / ');
      return tr(key('score'), { score: score ?? '', total: total ?? '' });
    }
    case 'grade':
    case 'team':
    case 'newCustomers':
    case 'gate.visits':
    case 'gate.closedCustomers':
      return tr(key(step.step), { value });
  }
  return tr('payouts.step.other', { step: step.step, value });
}

/** The whole trace, one readable step per entry, in pipeline order. */
export function explainTrace(trace: readonly Step[], tr: Translate): string[] {
  return trace.map((s) => explainStep(s, tr));
}

/** The trace on one line, steps joined by arrows, as a cell note or a screen reader reads it. */
export function explainChain(trace: readonly Step[], tr: Translate): string {
  return explainTrace(trace, tr).join(' → ');
}
