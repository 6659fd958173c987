// Messages of the consolidation capability and of template import (reading sheets into plans),
// keyed by finding rule id; every message names the cell or unit and the numbers involved.
export const consolidationMessages = {
  en: {
    'import.unknown-column': 'Column "{header}" ({cell}) is not part of this template and was ignored.',
    'import.duplicate-column': 'Column "{header}" ({cell}) appears twice; remove one of them.',
    'import.missing-column':
      'Sheet {sheet} has no "{column}" column, which this template needs; add it to the header row.',
    'import.required': 'Cell {cell} ({column}) is empty but required; fill it in.',
    'import.not-a-number':
      'Cell {cell} ({column}) holds the text "{value}" where a number is expected; enter it as a number without quotes, spaces or separators.',
    'import.not-a-date':
      'Cell {cell} ({column}) holds "{value}", which is not a date; enter a date or write it as YYYY-MM-DD.',
    'import.fictitious-date':
      'Cell {cell} ({column}) holds Excel serial {value}, the day 1900-02-29 that never existed; enter the intended date again.',
    'import.not-a-week':
      'Cell {cell} ({column}) holds "{value}", which is neither an ISO week such as 2026-W09 nor a date.',
    'import.not-in-list': 'Cell {cell} ({column}) holds "{value}"; choose one of: {allowed}.',
    'import.formula-in-text':
      'Cell {cell} ({column}) starts with "=" ({value}); it was read as text, not as a formula. Remove the "=" if text was meant.',
    'import.duplicate-row':
      'Row {row}: {owner} × {metric} already appears in row {firstRow}; only the first row was used.',
    'import.duplicate-id': 'Row {row}: id "{id}" is used again; ids must be unique, so this row was skipped.',
    'import.derived-not-sum':
      'Cell {cell} ({column}) shows {value}, but its months add up to {sum}. {column} is computed from its months and is not read: the months count. To change it, change the months.',
    'import.derived-without-parts':
      'Cell {cell} ({column}) shows {value}, but its months are empty. {column} is computed from its months and is not read: enter the months instead.',
    'import.old-template':
      'This sheet was made from template version {version}; the current version is {current}. Download the current template.',
    'import.negative-value': 'Cell {cell} ({column}) is {value}; it cannot be negative.',
    'import.out-of-range': 'Cell {cell} ({column}) is {value}; it must lie between {min} and {max}.',
    'import.bad-pairs':
      'Cell {cell} ({column}) holds "{value}"; write it as key:number pairs separated by ";", e.g. {example}.',
    'import.bands-missing':
      'Cell {cell} ({column}) is empty, but a banded curve needs its bands, e.g. {example}.',
    'import.unknown-component-type':
      'Cell {cell}: component type "{value}" is unknown; use one of {allowed}.',
    'import.required-for-type': 'Cell {cell} ({column}) is empty or invalid but a {type} component needs it.',
    'import.negative-rate': 'Cell {cell} ({column}): the rate {value} is negative; rates are 0 or more.',
    'import.tier-inverted': 'Cell {cell}: a tier of {id} ends at {to}, not above where it starts ({from}).',
    'import.tiers-overlap':
      'Cell {cell}: the tier of {id} starting at {from} overlaps the tier {previousFrom}–{previousTo}; each tier must start where the previous one ends.',
    'import.tiers-gap':
      'Cell {cell}: the tiers of {id} leave a gap from {previousTo} to {from}; start this tier at {previousTo}.',
    'import.no-tiers': 'Cell {cell}: commission {id} has no rate tiers; add them on the Tiers sheet.',
    'import.tier-orphan': 'Cell {cell}: tiers name component "{id}", which is not a commission of this plan.',
    'import.gate-incomplete':
      'Cell {cell} ({column}): an override gate needs both its metric and its minimum.',
    'import.unknown-currency':
      'Cell {cell} ({column}) holds "{value}", which names no currency; write its name (Chinese Yuan) or its code (CNY).',
    'consolidation.not-submitted':
      'Unit {unitName} ({unitId}) has not submitted a plan for {period}; manager: {managerName} ({managerId}).',
    'consolidation.old-template':
      'Unit {unitName} ({unitId}) submitted version {version} on template {templateVersion}; the current template is {current}.',
    'consolidation.not-additive':
      '{metric} is {aggregation}-aggregated and cannot be added across units; it is shown per unit only, without a total, gap or coverage.',
    'consolidation.no-target':
      '{unitName} ({unitId}) has no own {metric} target for {period}; gap and coverage are left empty.',
    'consolidation.unknown-metric': 'Metric "{metric}" is not in the catalog; it was consolidated as a sum.',
    'consolidation.unknown-unit': 'Unit "{unitId}" is not in the organisation; nothing can be consolidated.',
  } as Record<string, string>,
  'zh-CN': {
    'import.unknown-column': '列"{header}"（{cell}）不属于本模板，已忽略。',
    'import.duplicate-column': '列"{header}"（{cell}）出现了两次，请删除其中一列。',
    'import.missing-column': '工作表 {sheet} 缺少本模板必需的"{column}"列，请在标题行中添加。',
    'import.required': '单元格 {cell}（{column}）为必填项，当前为空，请填写。',
    'import.not-a-number':
      '单元格 {cell}（{column}）中是文本"{value}"，此处应为数字；请直接输入数字，不要带引号、空格或分隔符。',
    'import.not-a-date': '单元格 {cell}（{column}）中的"{value}"不是日期；请输入日期或写作 YYYY-MM-DD。',
    'import.fictitious-date':
      '单元格 {cell}（{column}）中是 Excel 序号 {value}，即并不存在的 1900-02-29；请重新输入正确日期。',
    'import.not-a-week': '单元格 {cell}（{column}）中的"{value}"既不是 ISO 周（如 2026-W09），也不是日期。',
    'import.not-in-list': '单元格 {cell}（{column}）中是"{value}"；请从以下选项中选择：{allowed}。',
    'import.formula-in-text':
      '单元格 {cell}（{column}）以"="开头（{value}），已按文本读取而非公式。如为文本，请删除"="。',
    'import.duplicate-row': '第 {row} 行：{owner} × {metric} 已在第 {firstRow} 行出现，仅采用第一行。',
    'import.duplicate-id': '第 {row} 行：编号"{id}"重复；编号必须唯一，此行已跳过。',
    'import.derived-not-sum':
      '单元格 {cell}（{column}）显示 {value}，但其各月合计为 {sum}。{column}由各月自动求和，不作为目标读取，以各月为准；如需修改，请修改各月。',
    'import.derived-without-parts':
      '单元格 {cell}（{column}）显示 {value}，但其各月为空。{column}由各月自动求和，不作为目标读取；请填写各月。',
    'import.old-template': '此工作表使用的模板版本为 {version}，当前版本为 {current}。请下载最新模板。',
    'import.negative-value': '单元格 {cell}（{column}）为 {value}，不能为负数。',
    'import.out-of-range': '单元格 {cell}（{column}）为 {value}，应在 {min} 到 {max} 之间。',
    'import.bad-pairs':
      '单元格 {cell}（{column}）中是"{value}"；请写成以";"分隔的"键:数字"，例如 {example}。',
    'import.bands-missing': '单元格 {cell}（{column}）为空，但分档计分需要填写档位，例如 {example}。',
    'import.unknown-component-type': '单元格 {cell}：薪酬项目类型"{value}"未知；请使用 {allowed} 之一。',
    'import.required-for-type': '单元格 {cell}（{column}）为空或无效，但 {type} 类薪酬项目需要此项。',
    'import.negative-rate': '单元格 {cell}（{column}）：比例 {value} 为负数；比例应不小于 0。',
    'import.tier-inverted': '单元格 {cell}：{id} 的一个分段止于 {to}，未高于其起点 {from}。',
    'import.tiers-overlap':
      '单元格 {cell}：{id} 自 {from} 起的分段与分段 {previousFrom}–{previousTo} 重叠；每段应从上一段的终点开始。',
    'import.tiers-gap':
      '单元格 {cell}：{id} 的分段在 {previousTo} 到 {from} 之间有空缺；请让此段从 {previousTo} 开始。',
    'import.no-tiers': '单元格 {cell}：提成 {id} 没有分段费率；请在"分段费率"表中添加。',
    'import.tier-orphan': '单元格 {cell}：分段所属的薪酬项目"{id}"不是本方案中的提成项目。',
    'import.gate-incomplete': '单元格 {cell}（{column}）：管理提成的门槛需要同时填写指标和最低值。',
    'import.unknown-currency': '单元格 {cell}（{column}）中的"{value}"不是币种；请填写币种名称（如人民币）。',
    'consolidation.not-submitted':
      '单位 {unitName}（{unitId}）尚未提交 {period} 的计划；负责人：{managerName}（{managerId}）。',
    'consolidation.old-template':
      '单位 {unitName}（{unitId}）提交的第 {version} 版使用模板 {templateVersion}，当前模板为 {current}。',
    'consolidation.not-additive':
      '{metric} 的汇总方式为 {aggregation}，不能跨单位相加；仅按单位列示，不计合计、差距和覆盖率。',
    'consolidation.no-target':
      '{unitName}（{unitId}）在 {period} 没有自身的 {metric} 目标；差距和覆盖率留空。',
    'consolidation.unknown-metric': '指标"{metric}"不在指标目录中，已按求和汇总。',
    'consolidation.unknown-unit': '单位"{unitId}"不在组织中，无法汇总。',
  } as Record<string, string>,
};
