// What the comp-plan routes, and a payout run naming a comp plan, say when they refuse a request.
// Part of the server's one catalog (index.ts); keys are the `code` of a problem answer.
import type { Locale } from '@teamsheet/shared';

export const compPlansMessages = {
  en: {
    'comp-plans.invalid':
      'The comp-plan version breaks {count} rule(s); nothing was stored. See errors[] for each field.',
    'comp-plans.back-dated':
      'A change applies from the next period, never back-dated: {month} is closed or has an approved payout run, so effectiveFrom must be after it. Correct a paid month with a prior-period adjustment.',
    'comp-plans.too-far-back':
      'effectiveFrom {month} is more than {months} months before this month; a change applies from the next period.',
    'comp-plans.stale':
      'Comp plan {compPlanId} is at version {current}; this change was based on version {base}. Open the latest version and store your change again.',
    'comp-plans.exists':
      'Comp plan {compPlanId} exists already (version {current}); send If-Match with the version your change is based on.',
    'comp-plans.not-found': 'No comp plan {compPlanId} is stored.',
    'comp-plans.version-missing': 'Comp plan {compPlanId} has no version {version} (the latest is {latest}).',
    'comp-plans.route-mismatch':
      'The body names comp plan {body}, the address {route}; they must be the same.',
    'authz.comp-plan': 'This comp plan pays nobody in your scope.',
    'runs.unknown-comp-plan':
      'No comp plan {compPlanId} is stored; store it with PUT /api/comp-plans/{compPlanId} first.',
    'runs.one-plan': 'Send one of "plan", "planId" or "compPlanId", not several.',
    'runs.no-version-in-effect':
      'No version of comp plan {compPlanId} is in effect on {date} for anyone in this run; nothing was stored. Store a version effective from that month.',
  },
  'zh-CN': {
    'comp-plans.invalid': '该薪酬方案版本违反 {count} 条规则，未作保存。各字段的问题见 errors[]。',
    'comp-plans.back-dated':
      '变更自下一期间起生效，不得追溯：{month} 已结账或已有审批通过的薪酬计算批次，生效月份须晚于该月。已发放月份的更正请以前期调整录入。',
    'comp-plans.too-far-back': '生效月份 {month} 早于本月超过 {months} 个月；变更自下一期间起生效。',
    'comp-plans.stale':
      '薪酬方案 {compPlanId} 已是第 {current} 版，而本次修改基于第 {base} 版。请打开最新版本后重新保存。',
    'comp-plans.exists':
      '薪酬方案 {compPlanId} 已存在（第 {current} 版）；请在 If-Match 中注明本次修改所基于的版本。',
    'comp-plans.not-found': '未保存编号为 {compPlanId} 的薪酬方案。',
    'comp-plans.version-missing': '薪酬方案 {compPlanId} 没有第 {version} 版（最新为第 {latest} 版）。',
    'comp-plans.route-mismatch': '请求体中的薪酬方案为 {body}，地址中为 {route}，两者必须一致。',
    'authz.comp-plan': '该薪酬方案不适用于您权限范围内的任何人。',
    'runs.unknown-comp-plan':
      '未保存编号为 {compPlanId} 的薪酬方案；请先通过 PUT /api/comp-plans/{compPlanId} 保存。',
    'runs.one-plan': '"plan"、"planId"、"compPlanId" 只能提供其中一个。',
    'runs.no-version-in-effect':
      '薪酬方案 {compPlanId} 在 {date} 对本批次中的任何人都没有生效版本，未作保存。请保存一个自该月起生效的版本。',
  },
} as const satisfies Record<Locale, Record<string, string>>;
