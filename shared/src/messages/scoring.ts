// Messages of the scoring capability (scorecards, 360 ratings, grades, field-force KPIs, analysis and
// sizing), keyed by finding rule id; `{name}` takes a param. Every message names the numbers involved.
export const scoringMessages = {
  en: {
    'score.no-target':
      'Person {personId} has no target for {metric} in {period}; item {item} scores 0. Enter a target for it.',
    'score.zero-target':
      'The target of person {personId} for {metric} is {target}, which cannot be divided by; item {item} scores 0.',
    'score.no-actual':
      'Person {personId} has no actual for {metric} in {period}; item {item} scores 0. Enter the actual, 0 if nothing happened.',
    'score.weights-zero':
      'The scorecard weights sum to {sum}; no KPI score can be computed, so every KPI score is 0. Give the items positive weights.',
    'score.weights-sum':
      'The scorecard weights sum to {sum}, not 100; each item counts as its weight divided by {sum}.',
    'score.unknown-person':
      '{what} names person {personId}, who is not among the people scored; it is ignored.',
    'rating.group-dropped':
      "Person {personId}: the {groupLabel} group has {raters} rater(s), fewer than the minimum {min}; it is dropped and the other groups' weights are renormalised.",
    'rating.none':
      'Person {personId} has no usable 360 ratings; the final score is the KPI score {kpiScore} less deductions {deductions}.',
    'grade.distribution-exceeded':
      '{scope}: {count} of {total} people ({share}%) are graded {grades}, above the limit of {limit}%.',
    'grade.distribution-unknown': 'The distribution limit names grade {grade}, which no grade band has.',
    'kpi.zero-denominator':
      '{label} ({metric}) cannot be computed for {unitId} in {period}: its denominator ({denominatorName}) is 0 and its numerator {numerator}. It is left empty.',
    'kpi.no-target': 'Unit {unitId} has no target for {metric} in {period}; completion is left empty.',
    'sizing.no-capacity':
      "A rep's capacity is {workingDays} working days × {visitsPerDay} visits a day = {capacity} visits; it must be above 0 to size the force.",
  } as Record<string, string>,
  'zh-CN': {
    'score.no-target':
      '人员 {personId} 在 {period} 没有 {metric} 的目标，考核项 {item} 记 0 分。请填写目标。',
    'score.zero-target': '人员 {personId} 的 {metric} 目标为 {target}，无法作为分母；考核项 {item} 记 0 分。',
    'score.no-actual':
      '人员 {personId} 在 {period} 没有 {metric} 的实际值，考核项 {item} 记 0 分。请填写实际值，没有发生请填 0。',
    'score.weights-zero':
      '考核表权重合计为 {sum}，无法计算KPI得分，所有KPI得分记 0。请为考核项设置正的权重。',
    'score.weights-sum': '考核表权重合计为 {sum}，不是 100；每项按其权重除以 {sum} 计算。',
    'score.unknown-person': '{what} 中的人员 {personId} 不在被考核人员之列，已忽略。',
    'rating.group-dropped':
      '人员 {personId}：{groupLabel}评价组只有 {raters} 位评价人，少于最低人数 {min}；该组不计，其余各组权重按比例重新分配。',
    'rating.none':
      '人员 {personId} 没有可用的360度评价；最终得分为KPI得分 {kpiScore} 减去扣分 {deductions}。',
    'grade.distribution-exceeded':
      '{scope}：{total} 人中有 {count} 人（{share}%）评为 {grades}，超过上限 {limit}%。',
    'grade.distribution-unknown': '强制分布比例中的等级 {grade} 不在等级设置中。',
    'kpi.zero-denominator':
      '{unitId} 在 {period} 的{label}（{metric}）无法计算：分母（{denominatorName}）为 0，分子为 {numerator}，结果留空。',
    'kpi.no-target': '单位 {unitId} 在 {period} 没有 {metric} 的目标，完成率留空。',
    'sizing.no-capacity':
      '每位代表的拜访能力为 {workingDays} 个工作日 × 每天 {visitsPerDay} 次 = {capacity} 次，必须大于 0 才能测算人数。',
  } as Record<string, string>,
};
