// The preview workbook's stand-in for Excel's own calculation: the few worksheet functions the
// templates write (SUM, COUNT, IF over cells of the same sheet), with Excel's comparisons and
// arithmetic. Anything else is not understood (undefined) and stays as the text it was written as.
import { parseRange } from './address';
import type { CellValue } from './workbook';

/** A cell's value by 0-based row and column, as the formula reads it. */
export type CellLookup = (row: number, col: number) => CellValue;

type Value = number | string | boolean | null | Value[];
type Token = { kind: 'num' | 'str' | 'ref' | 'name' | 'op' | 'paren' | 'comma'; text: string };

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|"((?:[^"]|"")*)"|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![A-Za-z0-9_.(])|([A-Za-z_][A-Za-z0-9_.]*)|(<>|<=|>=|[-+*/=<>&])|([()])|(,))/y;

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    if (m[1] !== undefined) tokens.push({ kind: 'num', text: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: 'str', text: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) tokens.push({ kind: 'ref', text: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: 'name', text: m[4].toUpperCase() });
    else if (m[5] !== undefined) tokens.push({ kind: 'op', text: m[5] });
    else if (m[6] !== undefined) tokens.push({ kind: 'paren', text: m[6] });
    else tokens.push({ kind: 'comma', text: ',' });
  }
  return tokens;
}

const flat = (args: Value[]): Value[] => args.flatMap((a) => (Array.isArray(a) ? flat(a) : [a]));
// Excel's SUM and COUNT take the numbers among their arguments; text and empty cells are skipped.
const numbersIn = (args: Value[]): number[] =>
  flat(args).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
const toNumber = (v: Value): number =>
  typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v === null || v === '' ? 0 : Number(v);

const functions: Record<string, (args: Value[]) => Value> = {
  SUM: (args) => numbersIn(args).reduce((a, b) => a + b, 0),
  COUNT: (args) => numbersIn(args).length,
  IF: ([test, then = true, otherwise = false]) => {
    const t = Array.isArray(test) ? test[0] : test;
    const truthy = typeof t === 'string' ? t !== '' : Boolean(t);
    return (truthy ? then : otherwise) as Value;
  },
};

function compare(op: string, a: Value, b: Value): boolean {
  const x = a === null ? (typeof b === 'string' ? '' : 0) : a;
  const y = b === null ? (typeof a === 'string' ? '' : 0) : b;
  const diff =
    typeof x === 'string' && typeof y === 'string'
      ? x.toLowerCase().localeCompare(y.toLowerCase())
      : typeof x === 'string' || typeof y === 'string'
        ? typeof x === 'string'
          ? 1
          : -1 // Excel orders numbers before text
        : toNumber(x) - toNumber(y);
  switch (op) {
    case '=':
      return diff === 0;
    case '<>':
      return diff !== 0;
    case '<':
      return diff < 0;
    case '>':
      return diff > 0;
    case '<=':
      return diff <= 0;
    default:
      return diff >= 0;
  }
}

/**
 * Evaluates `=…` when the preview understands every part of it; undefined otherwise (another sheet,
 * an unknown function such as TEAMSHEET.TARGET). A blank result is `''`, as Excel shows `""`.
 */
export function evaluateSheetFormula(formula: string, cellAt: CellLookup): CellValue | undefined {
  if (!formula.startsWith('=')) return undefined;
  const tokens = tokenize(formula.slice(1));
  if (!tokens || tokens.length === 0) return undefined;
  let at = 0;
  const peek = () => tokens[at];
  const fail = (): never => {
    throw new Unknown();
  };
  const expect = (text: string) => (peek()?.text === text ? at++ : fail());

  const comparison = (): Value => {
    let left = additive();
    while (peek()?.kind === 'op' && ['=', '<>', '<', '>', '<=', '>='].includes(peek()!.text)) {
      const op = tokens[at++]!.text;
      left = compare(op, left, additive());
    }
    return left;
  };
  const additive = (): Value => {
    let left = multiplicative();
    while (peek()?.kind === 'op' && ['+', '-', '&'].includes(peek()!.text)) {
      const op = tokens[at++]!.text;
      const right = multiplicative();
      left =
        op === '&'
          ? `${String(left ?? '')}${String(right ?? '')}`
          : op === '+'
            ? toNumber(left) + toNumber(right)
            : toNumber(left) - toNumber(right);
    }
    return left;
  };
  const multiplicative = (): Value => {
    let left = unary();
    while (peek()?.kind === 'op' && ['*', '/'].includes(peek()!.text)) {
      const op = tokens[at++]!.text;
      const right = toNumber(unary());
      if (op === '/' && right === 0) throw new Failed('#DIV/0!');
      left = op === '*' ? toNumber(left) * right : toNumber(left) / right;
    }
    return left;
  };
  const unary = (): Value => {
    if (peek()?.kind === 'op' && (peek()!.text === '-' || peek()!.text === '+')) {
      const op = tokens[at++]!.text;
      const v = toNumber(unary());
      return op === '-' ? -v : v;
    }
    return primary();
  };
  const primary = (): Value => {
    const t = tokens[at++] ?? fail();
    if (t.kind === 'num') return Number(t.text);
    if (t.kind === 'str') return t.text;
    if (t.kind === 'ref') {
      const r = parseRange(t.text);
      if (!t.text.includes(':')) return cellAt(r.start.row, r.start.col) as Value;
      const out: Value[] = [];
      for (let row = r.start.row; row <= r.end.row; row++)
        for (let col = r.start.col; col <= r.end.col; col++) out.push(cellAt(row, col) as Value);
      return out;
    }
    if (t.kind === 'paren' && t.text === '(') {
      const v = comparison();
      expect(')');
      return v;
    }
    if (t.kind === 'name') {
      if (t.text === 'TRUE' || t.text === 'FALSE') return t.text === 'TRUE';
      const fn = functions[t.text] ?? fail();
      expect('(');
      const args: Value[] = [];
      if (peek()?.text !== ')') {
        args.push(comparison());
        while (peek()?.kind === 'comma') {
          at++;
          args.push(comparison());
        }
      }
      expect(')');
      return fn(args);
    }
    return fail();
  };

  try {
    const result = comparison();
    if (at !== tokens.length) return undefined;
    const v = Array.isArray(result) ? flat(result)[0] : result; // a range shows its first cell
    if (Array.isArray(v)) return undefined;
    return v === null || v === undefined ? 0 : v; // a formula pointing at an empty cell shows 0, as in Excel
  } catch (error) {
    if (error instanceof Failed) return error.code;
    if (error instanceof Unknown) return undefined;
    throw error;
  }
}

class Unknown extends Error {}
class Failed extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
