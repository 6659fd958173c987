// Half-up rounding of a score or ratio for display: fast on the common case, decimal-exact on ties,
// so 1.005 shows as 1.01 (as a person rounding by hand would) and not 1.00 as the float suggests.
import { toMinor } from '../money';

/** `x` rounded half-up (ties away from zero) to `decimals` places, reading `x` as its shortest decimal text. */
export function roundHalfUp(x: number, decimals = 2): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** decimals;
  const scaled = Math.abs(x) * factor;
  const fraction = scaled - Math.floor(scaled);
  // Far from a tie the float product cannot fall on the wrong side of .5; near one, use exact decimals.
  if (Math.abs(fraction - 0.5) > 1e-6 && scaled < 2 ** 50) {
    return (Math.sign(x) * Math.round(scaled)) / factor + 0;
  }
  return toMinor(x, decimals, 'half-up') / factor + 0;
}
