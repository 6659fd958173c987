// The HTTP contract (docs/architecture.md, HTTP contract) as runtime schemas (zod 4): the single source of
// truth for request and response shapes, their TypeScript types, and the published OpenAPI document.
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { fieldMessages } from './messages/fields';

const id = z.string().min(1).max(200);
/** Calendar date as ISO `YYYY-MM-DD`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, fieldMessages.en['field.iso-date']);
/** Period id: `2026`, `2026-Q1` or `2026-03` (docs/rules.md, Periods). */
export const periodId = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, fieldMessages.en['field.period-id']);
const finiteNumber = z.number().refine(Number.isFinite, fieldMessages.en['field.finite-number']);
const share = finiteNumber.refine((v) => v >= 0 && v <= 1, fieldMessages.en['field.share']);

export const severity = z.enum(['error', 'warning', 'info']);
export const finding = z.object({
  rule: z.string(),
  severity,
  path: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  /** The message's key when it is not the rule id (a rule worded per case, e.g. by months or quarters). */
  messageKey: z.string().optional(),
});

// ---- organisation (docs/rules.md, Organisation)
export const unitKind = z.string().min(1).max(40); // labels, not fixed levels
export const role = z.enum(['rep', 'manager', 'regional_head', 'finance', 'admin']);
export const unit = z.object({
  id,
  name: z.string().min(1).max(200),
  kind: unitKind,
  parentId: id.nullish(),
  managerId: id.nullish(),
});
export const person = z.object({
  id,
  name: z.string().max(200).optional(),
  unitId: id,
  role,
  managerId: id.nullish(),
  hireDate: isoDate.optional(),
  exitDate: isoDate.nullish(),
  probationEnd: isoDate.nullish(),
  grade: z.string().max(40).optional(),
});
export const org = z.object({
  tenantId: id.optional(),
  units: z.array(unit).max(100_000),
  people: z.array(person).max(1_000_000),
});

// ---- plans (docs/rules.md, Allocation; SMART validation)
export const target = z.object({ owner: id, metric: id, period: periodId, value: finiteNumber });
export const goal = z.object({
  id,
  owner: id,
  objective: z.string().max(2000),
  metric: id.optional(),
  baseline: finiteNumber.optional(),
  target: finiteNumber.optional(),
  unit: z.string().max(40).optional(),
  deadline: isoDate.optional(),
  parentId: id.optional(),
  strategy: z.string().max(2000).optional(),
  measure: z.string().max(2000).optional(),
});
export const plan = z.object({
  unitId: id,
  period: periodId,
  templateVersion: z.string().min(1).max(40),
  targets: z.array(target).max(200_000),
  goals: z.array(goal).max(20_000).optional(),
});

export const ruleSettings = z.object({
  growthBand: finiteNumber.optional(),
  sandbaggingFloor: finiteNumber.optional(),
  tolerance: finiteNumber.optional(),
  capacityPerDay: z.record(z.string(), finiteNumber).optional(),
  ratchetRate: finiteNumber.optional(),
  vagueWords: z.array(z.string()).optional(),
  rampDays: finiteNumber.optional(),
});
export const validationContext = z.object({
  org: z.object({ units: z.array(unit), people: z.array(person) }).optional(),
  parentTargets: z.array(target).optional(),
  history: z.array(target).optional(),
  previousTargets: z.array(target).optional(),
  marketIndex: z.record(z.string(), finiteNumber).optional(),
  rules: ruleSettings.partial().optional(),
});
export const validateRequest = z.object({
  plan,
  context: validationContext.optional(),
  today: isoDate.optional(),
});

export const allocationBasisName = z.enum(['even', 'last_year', 'last_period', 'weights']);
export const allocationBasis = z.union([
  allocationBasisName,
  z.object({
    blend: z.array(z.object({ basis: allocationBasisName, share: finiteNumber })).min(1),
  }),
]);
export const allocateRequest = z.object({
  total: finiteNumber,
  precision: z.number().int().min(0).max(6).optional(),
  basis: allocationBasis,
  parts: z
    .array(
      z.object({
        id,
        weight: finiteNumber.optional(),
        lastYear: finiteNumber.optional(),
        lastPeriod: finiteNumber.optional(),
      }),
    )
    .min(1)
    .max(100_000),
});
export const allocateResult = z.object({
  parts: z.array(z.object({ id, value: z.number() })),
  findings: z.array(finding),
});

// ---- actuals and pay (docs/rules.md, Pay)
export const transaction = z.object({
  id,
  date: isoDate,
  amount: finiteNumber,
  metric: id.optional(),
  credits: z
    .array(z.object({ personId: id, share }))
    .min(1)
    .max(100),
  customerId: id.optional(),
  isNewCustomer: z.boolean().optional(),
  writtenDate: isoDate.optional(),
  lapseDate: isoDate.optional(),
  /** A prior-period adjustment: the transaction of a closed (earlier) period this one corrects. */
  adjusts: z.object({ period: periodId, transactionId: id }).optional(),
});
export const quota = z.object({ personId: id, metric: id, period: periodId, value: finiteNumber });
export const activity = z.object({ personId: id, metric: id, period: periodId, value: finiteNumber });
export const grade = z.string().min(1).max(40);

const tier = z.object({ from: finiteNumber, to: finiteNumber.nullish(), rate: finiteNumber });
export const component = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('commission'),
    id,
    metric: id,
    mode: z.enum(['marginal', 'retroactive']),
    tiers: z.array(tier).min(1).max(100),
    threshold: finiteNumber.optional(),
    capAttainment: finiteNumber.optional(),
    capAmount: finiteNumber.optional(),
  }),
  z.object({
    type: z.literal('bonus'),
    id,
    targetAmount: finiteNumber,
    multipliers: z.record(z.string(), finiteNumber),
  }),
  z.object({
    type: z.literal('override'),
    id,
    rate: finiteNumber,
    metric: id.optional(),
    gate: z.object({ metric: id, min: finiteNumber }).optional(),
  }),
  z.object({ type: z.literal('spiff'), id, amount: finiteNumber }),
  z.object({ type: z.literal('pool'), id, rate: finiteNumber, metric: id.optional() }),
  z.object({
    type: z.literal('performance'),
    id,
    coefficients: z.record(z.string(), finiteNumber),
  }),
  z.object({ type: z.literal('draw'), id, amount: finiteNumber, recoverable: z.boolean() }),
]);
export const compPlan = z.object({
  id,
  name: z.string().min(1).max(200),
  currency: z.string().regex(/^[A-Z]{3}$/, fieldMessages.en['field.currency']),
  rounding: z.enum(['half-up', 'half-even']).optional(),
  components: z.array(component).min(1).max(50),
});
export const scoreInput = z.object({ personId: id, final: finiteNumber, grade });
export const payoutRequest = z.object({
  period: periodId,
  plan: compPlan,
  people: z.array(person).max(200_000),
  quotas: z.array(quota).max(1_000_000),
  transactions: z.array(transaction).max(2_000_000),
  activities: z.array(activity).optional(),
  scores: z.array(scoreInput).optional(),
  baseSalaries: z.array(z.object({ personId: id, amount: finiteNumber })).optional(),
  drawBalances: z.array(z.object({ personId: id, amount: finiteNumber })).optional(),
});
const money = { amount: z.string(), amountMinor: z.number().int() };
export const payoutLine = z.object({
  personId: id,
  component: z.string(),
  type: z.string(),
  ...money,
  trace: z.array(z.object({ step: z.string(), value: z.union([z.string(), z.number()]) })),
});
export const payoutResult = z.object({
  period: periodId,
  currency: z.string(),
  lines: z.array(payoutLine),
  people: z.array(
    z.object({
      personId: id,
      credited: z.string(),
      quota: z.string().optional(),
      attainment: z.number().optional(),
      ...money,
    }),
  ),
  totals: z.object(money),
  findings: z.array(finding),
  engineVersion: z.string().optional(),
  drawBalances: z.array(z.object({ personId: id, ...money })).optional(),
});

// ---- scores (docs/rules.md, Scores)
export const raterGroup = z.enum(['superior', 'peer', 'self', 'customer']);
const curve = z.discriminatedUnion('type', [
  z.object({ type: z.literal('linear'), floor: finiteNumber.optional(), cap: finiteNumber.optional() }),
  z.object({
    type: z.literal('bands'),
    bands: z.array(z.object({ min: finiteNumber, score: finiteNumber })).min(1),
  }),
]);
export const scorecard = z.object({
  items: z
    .array(
      z.object({
        id,
        metric: id,
        weight: finiteNumber.refine((w) => w >= 0, fieldMessages.en['field.weight']),
        direction: z.enum(['higher', 'lower']).optional(),
        curve,
      }),
    )
    .min(1)
    .max(100),
  ratings: z
    .object({
      share: share,
      groups: z.partialRecord(raterGroup, finiteNumber),
      minRaters: z.partialRecord(raterGroup, z.number().int().min(0)).optional(),
    })
    .optional(),
  grades: z.array(z.object({ grade, min: finiteNumber })).optional(),
  distribution: z.record(z.string(), share).optional(),
});
export const rating = z.object({
  personId: id,
  raterId: id,
  group: raterGroup,
  dimension: z.string().min(1).max(100),
  score: finiteNumber.refine((s) => s >= 0 && s <= 100, fieldMessages.en['field.rating']),
});
export const deduction = z.object({ personId: id, points: finiteNumber, reason: z.string().max(500) });
export const scoreRequest = z.object({
  scorecard,
  period: periodId,
  people: z.array(person).max(200_000),
  targets: z.array(target),
  actuals: z.array(target),
  ratings: z.array(rating).optional(),
  deductions: z.array(deduction).optional(),
});
export const scoreResult = z.object({
  people: z.array(
    z.object({
      personId: id,
      items: z.array(
        z.object({
          id,
          actual: z.number().nullable(),
          target: z.number().nullable(),
          ratio: z.number().nullable(),
          score: z.number(),
        }),
      ),
      kpiScore: z.number(),
      ratingScore: z.number().optional(),
      final: z.number(),
      grade,
      rank: z.number().int(),
    }),
  ),
  findings: z.array(finding),
});

/** What a stored scoring version was computed from, so a reader can tell why a number is what it is. */
export const scoreInputsSummary = z.object({
  people: z.number().int(),
  targets: z.number().int(),
  actuals: z.number().int(),
  ratings: z.number().int(),
  deductions: z.number().int(),
  planVersions: z.array(z.object({ unitId: id, version: z.number().int() })),
  activityBatches: z.array(z.string()),
  inputsHash: z.string(),
});
/** A stored scoring version, as POST and GET /api/periods/{period}/scores answer it. */
export const storedScores = z.object({
  unitId: id,
  period: periodId,
  version: z.number().int().min(1),
  hash: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  scorecard,
  inputs: scoreInputsSummary,
  people: scoreResult.shape.people,
  findings: z.array(finding),
});

export type Severity = z.infer<typeof severity>;
export type Finding = z.infer<typeof finding>;
export type Role = z.infer<typeof role>;
export type Unit = z.infer<typeof unit>;
export type Person = z.infer<typeof person>;
export type Org = z.infer<typeof org>;
export type Target = z.infer<typeof target>;
export type Goal = z.infer<typeof goal>;
export type Plan = z.infer<typeof plan>;
export type ValidationContext = z.infer<typeof validationContext>;
export type ValidateRequest = z.infer<typeof validateRequest>;
export type AllocationBasis = z.infer<typeof allocationBasis>;
export type AllocateRequest = z.infer<typeof allocateRequest>;
export type AllocateResult = z.infer<typeof allocateResult>;
export type Transaction = z.infer<typeof transaction>;
export type Quota = z.infer<typeof quota>;
export type Activity = z.infer<typeof activity>;
export type Component = z.infer<typeof component>;
export type CompPlan = z.infer<typeof compPlan>;
export type PayoutRequest = z.infer<typeof payoutRequest>;
export type PayoutLine = z.infer<typeof payoutLine>;
export type PayoutResult = z.infer<typeof payoutResult>;
export type RaterGroup = z.infer<typeof raterGroup>;
export type Scorecard = z.infer<typeof scorecard>;
export type Rating = z.infer<typeof rating>;
export type Deduction = z.infer<typeof deduction>;
export type ScoreRequest = z.infer<typeof scoreRequest>;
export type ScoreResult = z.infer<typeof scoreResult>;
export type ScoreInputsSummary = z.infer<typeof scoreInputsSummary>;
export type StoredScores = z.infer<typeof storedScores>;

/** A zod issue path as the contract writes field paths: `targets[3].value`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export type FieldError = { path: string; message: string };

/** Parse `input` against `schema`; on failure, the field errors with their paths (for problem+json). */
export function parseWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
  locale: 'en' | 'zh-CN' = 'en',
): { ok: true; value: T } | { ok: false; errors: FieldError[] } {
  const result = locale === 'zh-CN' ? schema.safeParse(input, { error: zhIssue }) : schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.slice(0, 100).map((issue) => ({
      path: formatPath(issue.path),
      message: fieldMessageIn(locale, issue.message),
    })),
  };
}

/**
 * zod's built-in checks in Chinese: types, lengths and sizes worded here (zod's zh-CN locale leaves
 * "string" and "array" in English), the rest by zod's zh-CN locale. The schemas' own rules keep theirs.
 */
const zodZh = zhCN().localeError;
const zhType: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '布尔值（true 或 false）',
  object: '对象',
  array: '数组',
  null: '空值（null）',
  undefined: '空缺',
  bigint: '整数',
  nan: 'NaN',
};
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const zhIssue: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `无效输入：应为${zhType[issue.expected] ?? issue.expected}，实际为${zhType[typeOf(issue.input)] ?? typeOf(issue.input)}`;
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = String(small ? issue.minimum : issue.maximum);
      const op = issue.inclusive === false ? (small ? '大于' : '小于') : small ? '至少' : '至多';
      if (issue.origin === 'string') return `文本长度应${op} ${bound} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `应${op}有 ${bound} 项`;
      return `数值应${op} ${bound}`;
    }
    case 'invalid_value':
      return `无效选项：应为 ${issue.values.map((v) => JSON.stringify(v)).join('、')} 之一`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    default:
      return zodZh(issue);
  }
};
const fieldKeyOf = new Map<string, string>(
  Object.entries(fieldMessages.en).map(([key, text]) => [text, key]),
);

/**
 * A schema rule's message in `locale`: the schemas word their own rules in English (fieldMessages.en),
 * so a message that is one of those is given in the caller's language; any other is left as it is.
 */
export function fieldMessageIn(locale: 'en' | 'zh-CN', message: string): string {
  const key = fieldKeyOf.get(message);
  return key && locale === 'zh-CN'
    ? fieldMessages['zh-CN'][key as keyof (typeof fieldMessages)['en']]
    : message;
}

/** Every schema of the contract by name, for the OpenAPI document. */
export const contractSchemas = {
  Finding: finding,
  Unit: unit,
  Person: person,
  Org: org,
  Target: target,
  Goal: goal,
  Plan: plan,
  ValidationContext: validationContext,
  ValidateRequest: validateRequest,
  AllocateRequest: allocateRequest,
  AllocateResult: allocateResult,
  Transaction: transaction,
  Quota: quota,
  Activity: activity,
  CompPlan: compPlan,
  PayoutRequest: payoutRequest,
  PayoutLine: payoutLine,
  PayoutResult: payoutResult,
  Scorecard: scorecard,
  Rating: rating,
  Deduction: deduction,
  ScoreRequest: scoreRequest,
  ScoreResult: scoreResult,
} as const;
