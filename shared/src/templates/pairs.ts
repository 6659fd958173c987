// The small "key:value; key:value" lists some template cells hold (grade multipliers, score bands),
// read with a dot decimal only so that a locale can never change a number.

const SEPARATORS = /[;；,，\n]+/;
const PAIR = /^\s*([^:=：]+?)\s*[:=：]\s*(-?\d+(?:\.\d+)?)\s*$/;

/** `"S:1.5; A:1.2"` → `[['S', 1.5], ['A', 1.2]]`; null when any part is not `key:number`. */
export function parsePairs(text: string): [string, number][] | null {
  const parts = text.split(SEPARATORS).filter((p) => p.trim() !== '');
  const out: [string, number][] = [];
  for (const part of parts) {
    const m = PAIR.exec(part);
    if (!m) return null;
    out.push([m[1] ?? '', Number(m[2])]);
  }
  return out.length > 0 ? out : null;
}

/** The text of pairs, as `parsePairs` reads it back: `S:1.5; A:1.2`. */
export function formatPairs(pairs: readonly (readonly [string | number, number])[]): string {
  return pairs.map(([k, v]) => `${k}:${v}`).join('; ');
}

/** A numeric key, where `90%` means 0.9; null when the key is not a plain dot-decimal number. */
export function pairKeyNumber(key: string): number | null {
  const m = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(key.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] === '%' ? n / 100 : n;
}
