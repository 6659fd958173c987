// What the actuals, payout-run, period and export routes say when they refuse a request.
// Part of the server's one catalog (index.ts); keys are the `code` of a problem answer.
import type { Locale } from '@teamsheet/shared';

export const payoutsMessages = {
  en: {
    'period.closed':
      'Period {period} is closed ({closed} was closed by {closedBy} on {closedAt}); nothing can change in it. Post corrections to the next open period as prior-period adjustments that name what they correct.',
    'period.no-approved-run':
      'Period {period} cannot be closed: it has no approved payout run. Create a run, have another finance person approve it, then close the period.',
    'actuals.outside-period': 'Transaction {id} is dated {date}, outside period {period}.',
    'actuals.unknown-person': '{personId} is not a person of the organisation in force.',
    'actuals.duplicate-in-body':
      'Transaction {id} appears twice in this upload with different content; send each transaction once.',
    'actuals.conflict':
      '{count} transaction(s) already stored for {period} have different content: {ids}. History is append-only: send a correction as a new transaction (for example a negative amount), or in a later period with "adjusts".',
    'actuals.adjusts-not-earlier':
      'An adjustment corrects an earlier period; {adjusted} is not before {period}.',
    'actuals.adjusts-unknown':
      'Transaction {transactionId} of {adjusted} is not stored, so it cannot be adjusted.',
    'actuals.empty': 'The upload holds no transactions, activities or metric actuals.',
    'runs.no-plan':
      'No comp plan was given: send "plan" (a CompPlan) or "planId" of a plan used by an earlier run.',
    'runs.unknown-plan': 'No stored comp plan has id {planId}; send the plan itself once.',
    'runs.unknown-unit': 'Unit {unitId} is not in the organisation in force.',
    'runs.not-found': 'Payout run {runId} does not exist in period {period}.',
    'runs.own-approval':
      'Payout run {runId} was created by {createdBy}; someone else in finance must approve it (four-eyes rule).',
    'runs.already-approved':
      'Period {period} already has an approved payout run ({approvedRunId}); a period pays from one approved run.',
    'runs.findings':
      'The payout run has {count} error finding(s); nothing was stored. Fix the inputs (see errors[]) and run again.',
    'export.no-approved-run': 'Period {period} has no approved payout run to export. Approve a run first.',
    'export.bad-format': 'format must be json, csv or xlsx; got "{format}".',
    'actuals.not-in-period': '{value} is not {period} nor a month or quarter of it.',
    'actuals.unknown-owner': '{owner} is neither a person nor a unit of the organisation in force.',
    'actuals.negative-count': 'An activity count is not negative; got {value}.',
  },
  'zh-CN': {
    'actuals.not-in-period': '{value} 不是 {period},也不是其中的月份或季度。',
    'actuals.unknown-owner': '{owner} 既不是当前组织架构中的人员,也不是其中的单位。',
    'actuals.negative-count': '活动数量不能为负数;收到的是 {value}。',
    'period.closed':
      '期间 {period} 已结账({closed} 由 {closedBy} 于 {closedAt} 结账),其中内容不能再修改。更正请在下一个未结账期间以前期调整的方式录入,并注明所更正的内容。',
    'period.no-approved-run':
      '期间 {period} 无法结账:尚无已审批的薪酬计算批次。请先生成批次,由另一位财务人员审批后再结账。',
    'actuals.outside-period': '交易 {id} 的日期为 {date},不在期间 {period} 内。',
    'actuals.unknown-person': '{personId} 不是当前组织架构中的人员。',
    'actuals.duplicate-in-body': '交易 {id} 在本次上传中出现两次且内容不同,每笔交易只能提交一次。',
    'actuals.conflict':
      '{period} 已存储的 {count} 笔交易内容与本次不同:{ids}。历史记录只能追加:请以新交易(例如负数金额)更正,或在以后期间用 "adjusts" 调整。',
    'actuals.adjusts-not-earlier': '前期调整只能更正以前的期间;{adjusted} 不早于 {period}。',
    'actuals.adjusts-unknown': '{adjusted} 中没有交易 {transactionId},无法调整。',
    'actuals.empty': '本次上传没有交易、活动或指标实绩。',
    'runs.no-plan': '未提供薪酬方案:请发送 "plan"(CompPlan)或之前批次用过的方案编号 "planId"。',
    'runs.unknown-plan': '没有编号为 {planId} 的已存储薪酬方案,请先发送方案本身。',
    'runs.unknown-unit': '当前组织架构中没有单元 {unitId}。',
    'runs.not-found': '期间 {period} 中没有薪酬计算批次 {runId}。',
    'runs.own-approval': '薪酬计算批次 {runId} 由 {createdBy} 创建,必须由另一位财务人员审批(双人复核)。',
    'runs.already-approved':
      '期间 {period} 已有已审批的批次({approvedRunId}),每个期间只按一个已审批批次发放。',
    'runs.findings': '本次计算有 {count} 个错误,未保存任何内容。请按 errors[] 修正输入后重新计算。',
    'export.no-approved-run': '期间 {period} 没有可导出的已审批薪酬批次,请先审批。',
    'export.bad-format': 'format 必须是 json、csv 或 xlsx;收到的是 "{format}"。',
  },
} as const satisfies Record<Locale, Record<string, string>>;
