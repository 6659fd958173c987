// Messages of the planning capability (allocation and SMART validation), keyed by finding rule id;
// a `rule.variant` key words the same rule for another case (months against a total, a deadline …).
export const planningMessages = {
  en: {
    'allocation.no-basis':
      'Part {part} has no {basis} figure; it gets the even share, 1/{parts} of the total, and the other parts split the rest by {basis}.',
    'allocation.no-basis-all':
      'None of the {parts} parts has a {basis} figure above zero; the total is split evenly.',
    'allocation.total-rounded':
      'The total {total} is rounded to {rounded} ({precision} decimals) before it is split.',
    'allocation.shares-normalised':
      'The blend shares add up to {sum}, not 100%; each is scaled by the same factor so they add up to 100%.',
    'allocation.share-ignored':
      'The share {share} of basis {basis} is not a positive number and is left out of the blend.',
    'allocation.no-shares':
      'The blend has no positive share; the total is split evenly over the {parts} parts.',

    'specific.owner-unknown':
      'Owner "{owner}" is neither unit {unitId}, a unit below it nor one of its people.',
    'specific.metric-unknown': 'Metric "{metric}" is not in the metric catalog; choose a catalog metric.',
    'specific.vague-wording':
      'Goal {goal} uses vague wording ({words}) and no number states the result; say how much, of what, by when.',
    'measurable.no-target': 'Goal {goal} has no numeric target; state the number to reach.',
    'measurable.negative-target':
      '{owner} {metric} {period}: the target {value} is below zero; a target is an amount to reach, zero or more.',
    'measurable.no-unit':
      'Goal {goal} aims at {target} without a unit; say what is counted (%, yuan, visits …).',
    'measurable.no-baseline':
      'Goal {goal} states a change without a baseline; give the level it starts from.',
    'attainable.growth-above-band':
      "{owner} {metric} {period}: target {value} is {growth}% above last year's {lastYear}; the band is {band}%.",
    'attainable.growth-above-band.from-zero':
      'Goal {goal} builds {target} from nothing ({baseline}) in {days} days; a level from nothing needs at least {rampDays} days.',
    'attainable.below-history':
      "{owner} {metric} {period}: target {value} is {growth}% against last year's {lastYear}, below the floor of {floor}% (sandbagging).",
    'attainable.capacity-exceeded':
      '{owner} {metric} {period}: target {value} exceeds the capacity of {capacity} ({people} people × {workingDays} working days × {perDay} a day).',
    'attainable.capacity-exceeded.goal':
      'Goal {goal}: {value} {metric} by {deadline} exceeds the capacity of {capacity} ({people} people × {workingDays} working days × {perDay} a day).',
    'attainable.ratchet':
      '{owner} {metric} {period}: target {value} is {growth}% above the previous target {previous}, more than the {rate}% guard, while the market grew {marketGrowth}%.',
    'attainable.ratchet.no-market':
      '{owner} {metric} {period}: target {value} is {growth}% above the previous target {previous}, more than the {rate}% guard, with no market growth to justify it.',
    'relevant.no-parent':
      'Goal {goal} of {owner} is below the top but serves no goal of this plan (parent: {parentId}).',
    'relevant.metric-mismatch':
      'Goal {goal} measures {metric}, but its parent {parentId} measures {parentMetric}.',
    'relevant.children-do-not-sum':
      '{owner} {metric} {period}: the parts add up to {sum}, not {target} (gap {gap}).',
    'relevant.children-do-not-sum.months':
      '{owner} {metric} {period}: the {count} months add up to {sum}, not the total {total} (gap {gap}).',
    'relevant.children-do-not-sum.quarters':
      '{owner} {metric} {period}: the {count} quarters add up to {sum}, not the total {total} (gap {gap}).',
    'relevant.children-do-not-sum.children':
      '{owner} {metric} {period}: its {count} people and sub-units add up to {sum}, {gap} short of its target {target} ({coverage}% covered).',
    'relevant.children-do-not-sum.handed-down':
      '{owner} {metric} {period}: the plan holds {sum}, {gap} short of the {target} handed down ({coverage}% covered).',
    'relevant.over-assigned': '{owner} {metric} {period}: the parts add up to {sum}, {over}% over {target}.',
    'relevant.over-assigned.children':
      '{owner} {metric} {period}: its {count} people and sub-units add up to {sum}, {over}% over its target {target} (over-assignment).',
    'relevant.over-assigned.handed-down':
      '{owner} {metric} {period}: the plan holds {sum}, {over}% over the {target} handed down.',
    'timebound.no-deadline': 'Goal {goal} has no deadline; give a date by which it is reached.',
    'timebound.outside-period':
      "{owner} {metric}: period {period} lies outside the plan's {horizon} ({start} to {end}).",
    'timebound.outside-period.deadline':
      "Goal {goal}: deadline {deadline} lies outside the plan's {horizon} ({start} to {end}).",
    'timebound.months-missing':
      '{owner} {metric}: {count} of the {months} months of {horizon} have no target: {missing}.',
    'timebound.months-overlap': '{owner} {metric}: period {period} has {count} target rows; keep one.',
  } as Record<string, string>,
  'zh-CN': {
    'allocation.no-basis':
      '{part} 没有{basis}数据，按平均分配得到总数的 1/{parts}，其余部分按{basis}分配剩余数。',
    'allocation.no-basis-all': '{parts} 个部分都没有大于零的{basis}数据，总数平均分配。',
    'allocation.total-rounded': '总数 {total} 先按 {precision} 位小数取整为 {rounded} 再分配。',
    'allocation.shares-normalised': '混合比例之和为 {sum} 而不是 100%，各比例按同一倍数调整，使合计为 100%。',
    'allocation.share-ignored': '依据 {basis} 的比例 {share} 不是正数，不参与混合。',
    'allocation.no-shares': '混合中没有正的比例，总数在 {parts} 个部分间平均分配。',

    'specific.owner-unknown': '负责人 "{owner}" 既不是单位 {unitId}、其下属单位，也不是其人员。',
    'specific.metric-unknown': '指标 "{metric}" 不在指标目录中，请选择目录中的指标。',
    'specific.vague-wording':
      '目标 {goal} 用语含糊（{words}），且没有数字说明结果；请写明做到多少、什么、何时。',
    'measurable.no-target': '目标 {goal} 没有数值目标，请写明要达到的数字。',
    'measurable.negative-target':
      '{owner} {metric} {period}：目标 {value} 小于零；目标是要达到的数量，应为零或以上。',
    'measurable.no-unit': '目标 {goal} 的目标值 {target} 没有单位，请写明计量单位（%、元、拜访次数……）。',
    'measurable.no-baseline': '目标 {goal} 描述了变化却没有基数，请写明起点水平。',
    'attainable.growth-above-band':
      '{owner} {metric} {period}：目标 {value} 比去年同期实际 {lastYear} 增长 {growth}%，超出 {band}% 的合理区间。',
    'attainable.growth-above-band.from-zero':
      '目标 {goal} 要在 {days} 天内从零（{baseline}）做到 {target}；从零起步至少需要 {rampDays} 天。',
    'attainable.below-history':
      '{owner} {metric} {period}：目标 {value} 比去年同期实际 {lastYear} 变动 {growth}%，低于 {floor}% 的下限（压低目标）。',
    'attainable.capacity-exceeded':
      '{owner} {metric} {period}：目标 {value} 超出产能 {capacity}（{people} 人 × {workingDays} 个工作日 × 每天 {perDay}）。',
    'attainable.capacity-exceeded.goal':
      '目标 {goal}：{deadline} 前完成 {value} {metric} 超出产能 {capacity}（{people} 人 × {workingDays} 个工作日 × 每天 {perDay}）。',
    'attainable.ratchet':
      '{owner} {metric} {period}：目标 {value} 比上期目标 {previous} 增长 {growth}%，超过 {rate}% 的上限，而市场只增长了 {marketGrowth}%（鞭打快牛）。',
    'attainable.ratchet.no-market':
      '{owner} {metric} {period}：目标 {value} 比上期目标 {previous} 增长 {growth}%，超过 {rate}% 的上限，且没有市场增长作依据（鞭打快牛）。',
    'relevant.no-parent':
      '{owner} 的目标 {goal} 不是最高层目标，却没有对应本计划中的上级目标（上级：{parentId}）。',
    'relevant.metric-mismatch': '目标 {goal} 衡量 {metric}，而其上级目标 {parentId} 衡量 {parentMetric}。',
    'relevant.children-do-not-sum':
      '{owner} {metric} {period}：各部分合计 {sum}，不等于 {target}（差额 {gap}）。',
    'relevant.children-do-not-sum.months':
      '{owner} {metric} {period}：{count} 个月合计 {sum}，不等于总目标 {total}（差额 {gap}）。',
    'relevant.children-do-not-sum.quarters':
      '{owner} {metric} {period}：{count} 个季度合计 {sum}，不等于总目标 {total}（差额 {gap}）。',
    'relevant.children-do-not-sum.children':
      '{owner} {metric} {period}：下属 {count} 个人员和单位合计 {sum}，比目标 {target} 少 {gap}（覆盖 {coverage}%）。',
    'relevant.children-do-not-sum.handed-down':
      '{owner} {metric} {period}：计划合计 {sum}，比上级下达的 {target} 少 {gap}（覆盖 {coverage}%）。',
    'relevant.over-assigned': '{owner} {metric} {period}：各部分合计 {sum}，超出 {target} 的 {over}%。',
    'relevant.over-assigned.children':
      '{owner} {metric} {period}：下属 {count} 个人员和单位合计 {sum}，超出目标 {target} 的 {over}%（超额分配）。',
    'relevant.over-assigned.handed-down':
      '{owner} {metric} {period}：计划合计 {sum}，超出上级下达的 {target} 的 {over}%。',
    'timebound.no-deadline': '目标 {goal} 没有截止日期，请写明完成日期。',
    'timebound.outside-period':
      '{owner} {metric}：周期 {period} 不在计划期 {horizon}（{start} 至 {end}）内。',
    'timebound.outside-period.deadline':
      '目标 {goal}：截止日期 {deadline} 不在计划期 {horizon}（{start} 至 {end}）内。',
    'timebound.months-missing':
      '{owner} {metric}：{horizon} 的 {months} 个月中有 {count} 个月没有目标：{missing}。',
    'timebound.months-overlap': '{owner} {metric}：周期 {period} 有 {count} 行目标，请只保留一行。',
  } as Record<string, string>,
};
