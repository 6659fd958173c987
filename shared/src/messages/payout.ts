// Messages of the payout capability (docs/rules.md, Pay), keyed by finding rule id; each names the numbers
// involved so a statement can say why a line is what it is.
export const payoutMessages = {
  en: {
    'payout.unknown-person':
      'Person "{personId}" is not among the people of this payout; the row is left out.',
    'payout.shares-not-one':
      'The credit shares of transaction "{transactionId}" sum to {sum}, not 100%; credit is given as the shares say. Correct the shares so they sum to 100%.',
    'payout.no-quota':
      '{personId} has no {metric} quota for {period} (component {component}); no commission is paid until a quota is set.',
    'comp-plan.ends-before-start': 'effectiveTo {effectiveTo} is before effectiveFrom {effectiveFrom}.',
    'comp-plan.unknown-unit': 'Unit {unitId} is not in the organisation in force.',
    'comp-plan.one-currency': 'A comp plan pays in one currency; its versions are in {currency}.',
    'comp-plan.overlap':
      'Version {version} ({from} – {to}) is in effect for {unit} and {role} in the same months; end it, or start this version after it.',
    'comp-plan.every-unit': 'every unit',
    'comp-plan.every-role': 'every role',
    'comp-plan.role.rep': 'sales reps',
    'comp-plan.role.manager': 'managers',
    'comp-plan.role.regional_head': 'regional heads',
    'comp-plan.role.finance': 'finance',
    'comp-plan.role.admin': 'administrators',
    'payout.no-version-in-effect':
      '{personId} ({role}, {unitId}) is under no version of comp plan {compPlanId} in effect on {date}; nothing is paid to them in this run.',
    'payout.no-plan':
      '{personId} ({role}) is credited or has a quota in {period} but is under no plan: the plan pays reps, managers and regional heads employed in the period ({daysEmployed} days employed).',
    'payout.no-score':
      '{personId} has no score or grade for {period} (component {component}); that component pays 0 until the score is in.',
    'payout.no-base-salary':
      '{personId} has no base salary (component {component}); performance pay is 0 until it is given.',
    'payout.outside-period':
      'Transaction "{transactionId}" is dated {date}, outside {period}; it is left out of this payout.',
    'payout.amount-out-of-range':
      'The amount {value} cannot be held exactly in minor units; it is left out. Split it into smaller amounts.',
    'payout.draw-balance-positive':
      'The draw balance {amount} of {personId} is positive; a balance is what the person still owes, 0 or negative. It is ignored.',
    'payout.override-gated':
      'The override of {personId} is cancelled: {visits} {metric} for {customers} closed customers is {perCustomer} per customer, below the required {min}.',
    'payout.pool-no-scores':
      'The team pool of {personId} ({pool}, component {component}) is not shared: no one in the team has a score.',
    'payout.more-findings': '{count} findings of {rule}; the first {shown} are listed.',
  } as Record<string, string>,
  'zh-CN': {
    'payout.unknown-person': '人员 "{personId}" 不在本次计算的人员名单中，该行未计入。',
    'payout.shares-not-one':
      '交易 "{transactionId}" 的业绩分配比例合计为 {sum}，不等于 100%；已按所填比例计入。请调整比例使其合计为 100%。',
    'payout.no-quota':
      '{personId} 没有 {period} 的 {metric} 指标额（组件 {component}），设定指标额前不发提成。',
    'comp-plan.ends-before-start': '失效月份 {effectiveTo} 早于生效月份 {effectiveFrom}。',
    'comp-plan.unknown-unit': '单位 {unitId} 不在当前组织架构中。',
    'comp-plan.one-currency': '一个薪酬方案只用一种货币；其各版本使用 {currency}。',
    'comp-plan.overlap':
      '版本 {version}（{from} – {to}）在相同月份已对 {unit}、{role} 生效；请先为其设定失效月份，或让本版本在其之后生效。',
    'comp-plan.every-unit': '所有单位',
    'comp-plan.every-role': '所有角色',
    'comp-plan.role.rep': '销售代表',
    'comp-plan.role.manager': '经理',
    'comp-plan.role.regional_head': '大区经理',
    'comp-plan.role.finance': '财务',
    'comp-plan.role.admin': '管理员',
    'payout.no-version-in-effect':
      '{personId}（{role}，{unitId}）在 {date} 不适用薪酬方案 {compPlanId} 的任何生效版本；本批次不向其支付。',
    'payout.no-plan':
      '{personId}（{role}）在 {period} 有业绩或指标额，但不适用任何薪酬方案：方案只适用于周期内在职的销售代表、经理和大区经理（在职 {daysEmployed} 天）。',
    'payout.no-score': '{personId} 没有 {period} 的考核得分或等级（组件 {component}），录入得分前该项为 0。',
    'payout.no-base-salary': '{personId} 没有基本工资（组件 {component}），录入前绩效工资为 0。',
    'payout.outside-period': '交易 "{transactionId}" 的日期 {date} 不在 {period} 内，未计入本次计算。',
    'payout.amount-out-of-range': '金额 {value} 无法以最小货币单位精确表示，未计入。请拆分为较小的金额。',
    'payout.draw-balance-positive':
      '{personId} 的保底余额 {amount} 为正数；余额表示本人尚欠的金额，应为 0 或负数。已忽略。',
    'payout.override-gated':
      '{personId} 的管理提成被取消：{customers} 个成交客户共 {visits} 次{metric}，平均每个客户 {perCustomer} 次，低于要求的 {min} 次。',
    'payout.pool-no-scores':
      '{personId} 团队的奖金池（{pool}，组件 {component}）无法分配：团队中没有人有考核得分。',
    'payout.more-findings': '规则 {rule} 共有 {count} 条提示，仅列出前 {shown} 条。',
  } as Record<string, string>,
};
