// Reads a goal's objective text (Chinese or English) for what SMART validation needs: vague words,
// the numbers that state a result, a baseline and target written as "从4%降到2%", a unit, a deadline.
import { addDays, daysInMonth, weekdayOf } from '../period';

export interface ObjectiveNumber {
  value: number;
  /** As written after (or before) the number: `%`, `元`, `家`, `customers`, `¥` …; undefined when bare. */
  unit?: string;
}

export interface ObjectiveReading {
  /** The vague words and phrases found, as listed in the lexicon. */
  vagueWords: string[];
  /** Numbers that state a result: not dates, deadlines, ordinals or durations. */
  results: ObjectiveNumber[];
  /** The text states a change ("raise", "reduce", 提高, 降低, 从…到…). */
  isChange: boolean;
  /** The starting level the text states ("从4%…", "from 4% …"), or 0 when it says "from nothing" (从零, 首条…). */
  baseline?: number;
  /** The level to reach: the number after 到/至/"to", else the last result number. */
  target?: number;
  unit?: string;
  /** The text names a deadline (月底前, by the end of the month, 12月末 …). */
  hasDeadline: boolean;
  /** That deadline as a date, where it can be resolved against the reference date. */
  deadline?: string;
}

const CURRENCY_PREFIX = /^(?:[¥￥$€£]|RMB|CNY|USD|EUR)$/i;
const currencyUnits: readonly string[] = [
  '元',
  '块',
  '美元',
  '¥',
  '￥',
  '$',
  '€',
  '£',
  'rmb',
  'cny',
  'usd',
  'eur',
  'yuan',
  'dollar',
  'dollars',
];

const MULTIPLIERS: Record<string, number> = {
  百万: 1e6,
  千万: 1e7,
  万: 1e4,
  千: 1e3,
  亿: 1e8,
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
};

const NUMBER =
  /([¥￥$€£]|\b(?:RMB|CNY|USD|EUR)\s?)?(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(百万|千万|万|千|亿|k\b|m\b|thousand\b|million\b|bn\b|billion\b))?/gi;
const TIME_AFTER =
  /^\s*(?:年|月|日|号|周|天|个月|个工作日|个星期|星期|点|:\d|days?\b|weeks?\b|months?\b|years?\b|yrs?\b|st\b|nd\b|rd\b|th\b|am\b|pm\b)/i;
const ORDINAL_BEFORE = /(?:第|\bQ|\bFY|\bH)\s*$/i;
const MONTH_NAMES =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const MONTH_NAME_BEFORE = new RegExp(`\\b(?:${MONTH_NAMES})\\b\\.?\\s*$`, 'i');
const YEAR_BEFORE = /\b(?:in|by|before|until|during|of|since|for)\s*$/i;
const UNIT_ZH =
  /^\s*(个百分点|百分点|%|元|块|美元|家|次|个|人|名|位|件|单|笔|户|台|套|份|场|条|小时|箱|吨|公斤|张|项|篇)/;
const WORD_AFTER = /^\s*([a-z]+)/i;
const NOT_UNITS = new Set([
  'a',
  'an',
  'and',
  'or',
  'to',
  'from',
  'by',
  'in',
  'of',
  'on',
  'at',
  'the',
  'this',
  'next',
  'before',
  'until',
  'within',
  'per',
  'with',
  'for',
  'than',
  'more',
  'less',
  'each',
  'every',
  'is',
  'are',
  'be',
  'then',
]);

const CHANGE = [
  /提高|降低|提升|减少|增加|增长|下降|上升|降到|降至|升至|升到|减低|压降|从[^,.;，。；]{0,24}?(?:到|至)/,
  /\b(?:rais|reduc|increas|decreas|grow|cut|lower|boost|improv)\w*|\bfrom\b.{0,40}?\bto\b/i,
];
const FROM_BEFORE = /(?:从|\bfrom)\s*$/i;
const TO_BETWEEN = /到|至|\bto\b/i;
const TARGET_BEFORE =
  /(?:(?:降|提高|提升|增加|减少|下降|上升|增长|升|达|压降|减低)(?:到|至)|\b(?:to|reach(?:es|ing)?|achieve|at least|at most))\s*$/i;
const FROM_NOTHING =
  /从零|从无到有|零起步|零基础|首条|首个|首家|\bfrom (?:scratch|nothing|zero)\b|\bfirst[- ]ever\b/i;

/** Full-width digits, letters and signs (％，：) as their ASCII forms, so one set of patterns reads both. */
function halfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

const compiled = new Map<string, RegExp>();
function vaguePattern(word: string): RegExp {
  let re = compiled.get(word);
  if (!re) {
    const body = word
      .split('…')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.{0,12}?');
    re = /^[\x20-\x7e…]+$/.test(word) ? new RegExp(`\\b${body}\\b`, 'i') : new RegExp(body);
    compiled.set(word, re);
  }
  return re;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
function monthEnd(year: number, month: number): string {
  return iso(year, month, daysInMonth(year, month));
}
const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Deadlines the text names, resolved against `ref` (today, or the plan's first day): a named month
 * or day that has already passed in ref's year means next year's.
 */
function readDeadline(text: string, ref: string): { hasDeadline: boolean; deadline?: string } {
  const refYear = Number(ref.slice(0, 4));
  const refMonth = Number(ref.slice(5, 7));
  const dates: string[] = [];
  let named = false;
  const upcoming = (year: number | undefined, month: number, day?: number): void => {
    if (month < 1 || month > 12) return;
    let y = year ?? refYear;
    const make = (yy: number): string | null => {
      if (day === undefined) return monthEnd(yy, month);
      return day >= 1 && day <= daysInMonth(yy, month) ? iso(yy, month, day) : null;
    };
    let d = make(y);
    if (d !== null && year === undefined && d < ref) d = make(++y);
    if (d !== null) dates.push(d);
    named = true;
  };
  for (const m of text.matchAll(/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/g))
    upcoming(Number(m[1]), Number(m[2]), Number(m[3]));
  for (const m of text.matchAll(/(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g)) {
    upcoming(m[1] === undefined ? undefined : Number(m[1]), Number(m[2]), Number(m[3]));
  }
  for (const m of text.matchAll(/(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号])/g)) {
    upcoming(m[1] === undefined ? undefined : Number(m[1]), Number(m[2]));
  }
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(
    new RegExp(`\\b(${MONTH_NAMES})\\b\\.?(?:\\s+(\\d{1,2})\\b(?!\\s*(?:%|percent)))?`, 'g'),
  )) {
    const month = MONTHS_EN.indexOf((m[1] ?? '').slice(0, 3)) + 1;
    if (m[1] === 'may' && m[2] === undefined) continue; // the verb "may"
    upcoming(undefined, month, m[2] === undefined ? undefined : Number(m[2]));
  }
  const weekEnd = addDays(ref, 7 - weekdayOf(ref));
  const quarterEnd = monthEnd(refYear, Math.ceil(refMonth / 3) * 3);
  const relative: [RegExp, () => string][] = [
    [
      /月底|月末|本月|当月|这个月|\bend of (?:the )?month\b|\bthis month\b/i,
      () => monthEnd(refYear, refMonth),
    ],
    [/年底|年末|本年|今年|年内|\bend of (?:the )?year\b|\bthis year\b/i, () => iso(refYear, 12, 31)],
    [/季末|季度末|本季|\bend of (?:the )?quarter\b|\bthis quarter\b/i, () => quarterEnd],
    [/下周|\bnext week\b/i, () => addDays(weekEnd, 7)],
    [/本周|这周|周末|本星期|这个星期|\bend of (?:the )?week\b|\bthis week\b/i, () => weekEnd],
  ];
  for (const [re, date] of relative) {
    if (re.test(text)) {
      dates.push(date());
      named = true;
    }
  }
  for (const m of text.matchAll(
    /(\d+)\s*(天|日|周|个星期|星期|个月)\s*内|\bwithin\s+(\d+)\s+(day|week|month)s?\b/gi,
  )) {
    const n = Number(m[1] ?? m[3]);
    const what = (m[2] ?? m[4] ?? '').toLowerCase();
    const days =
      what === '天' || what === '日' || what === 'day'
        ? n
        : what === 'month' || what === '个月'
          ? 30 * n
          : 7 * n;
    if (days > 0) dates.push(addDays(ref, days - 1));
    named = true;
  }
  if (/截止|截至|之前|以前|期限|\b(?:by|before|until|due|deadline)\b/i.test(text)) named = true;
  if (dates.length === 0) return { hasDeadline: named };
  return { hasDeadline: true, deadline: dates.reduce((a, b) => (a > b ? a : b)) };
}

interface Token extends ObjectiveNumber {
  start: number;
  end: number;
  isTime: boolean;
}

function readNumbers(text: string): Token[] {
  const tokens: Token[] = [];
  // Dates written in full are deadlines, never results: blank them so their digits are not read.
  const blanked = text.replace(/\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/g, (d) => ' '.repeat(d.length));
  for (const m of blanked.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const currency = m[1]?.trim();
    const multiplier = m[3]?.toLowerCase();
    const digits = (m[2] ?? '').replace(/,/g, '');
    const value = Number(digits) * (multiplier ? (MULTIPLIERS[multiplier] ?? 1) : 1);
    const after = blanked.slice(end, end + 16);
    const before = blanked.slice(Math.max(0, start - 16), start);
    let unit: string | undefined = currency && CURRENCY_PREFIX.test(currency) ? currency : undefined;
    const zh = UNIT_ZH.exec(after);
    if (zh?.[1]) unit = zh[1] === '个百分点' || zh[1] === '百分点' ? '%' : zh[1];
    else if (!unit) {
      const word = WORD_AFTER.exec(after)?.[1]?.toLowerCase();
      if (word === 'percent' || word === 'pct') unit = '%';
      else if (word && !NOT_UNITS.has(word) && !TIME_AFTER.test(after)) unit = word;
    }
    const plain = !currency && !multiplier && unit === undefined;
    const isTime =
      !currency &&
      !multiplier &&
      (TIME_AFTER.test(after) ||
        ORDINAL_BEFORE.test(before) ||
        (plain && MONTH_NAME_BEFORE.test(before)) ||
        (plain && /^(?:19|20)\d\d$/.test(digits) && YEAR_BEFORE.test(before)));
    const token: Token = { value, start, end, isTime };
    if (unit !== undefined) token.unit = unit;
    tokens.push(token);
  }
  return tokens;
}

/** What an objective says, read against `ref` (an ISO date) for relative deadlines such as 月底前. */
export function readObjective(
  objective: string,
  ref: string,
  vagueWords: readonly string[],
): ObjectiveReading {
  const text = halfWidth(objective);
  const vague = vagueWords.filter((w) => w.trim() !== '' && vaguePattern(w).test(text));
  const results = readNumbers(text).filter((t) => !t.isTime);
  const isChange = CHANGE.some((re) => re.test(text));

  let baseline: number | undefined;
  let target: ObjectiveNumber | undefined;
  for (let i = 0; i + 1 < results.length && baseline === undefined; i++) {
    const a = results[i] as Token;
    const b = results[i + 1] as Token;
    const between = text.slice(a.end, b.start);
    if (
      FROM_BEFORE.test(text.slice(Math.max(0, a.start - 8), a.start)) &&
      between.length <= 16 &&
      TO_BETWEEN.test(between)
    ) {
      baseline = a.value;
      target = b.unit === undefined && a.unit !== undefined ? { value: b.value, unit: a.unit } : b;
    }
  }
  if (!target)
    target = results.find((t) => TARGET_BEFORE.test(text.slice(Math.max(0, t.start - 12), t.start)));
  if (!target) target = results[results.length - 1];
  if (baseline === undefined && FROM_NOTHING.test(text)) baseline = 0;

  const reading: ObjectiveReading = {
    vagueWords: vague,
    results: results.map(({ value, unit }) => (unit === undefined ? { value } : { value, unit })),
    isChange,
    ...readDeadline(text, ref),
  };
  if (baseline !== undefined) reading.baseline = baseline;
  if (target) {
    reading.target = target.value;
    const unit = target.unit ?? results.find((t) => t.unit !== undefined)?.unit;
    if (unit !== undefined) reading.unit = unit;
  }
  return reading;
}

export function isCurrencyUnit(unit: string | undefined): boolean {
  return unit !== undefined && currencyUnits.includes(unit.toLowerCase());
}
