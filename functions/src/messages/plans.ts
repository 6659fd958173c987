// What the plan routes say when they refuse a plan, a version or an approval.
// Part of the server's one catalog (index.ts); keys are the `code` of a problem answer.
import type { Locale } from '@teamsheet/shared';

export const plansMessages = {
  en: {
    'plan.invalid':
      'The plan has {count} error(s); nothing was stored. Fix the cells named in findings[] and submit again.',
    'plan.stale':
      'The plan of {unitId} for {period} changed since version {base} (now version {current}); reload it, reapply your changes and submit again.',
    'plan.exists':
      'The plan of {unitId} for {period} already has version {current}; send If-Match: "{current}" to submit a new version based on it.',
    'plan.none': 'No plan of {unitId} for {period} has been submitted yet.',
    'plan.version-missing': 'The plan of {unitId} for {period} has no version {version} (latest: {latest}).',
    'plan.route-mismatch':
      'The plan in the body is for {field} "{body}", but the address names "{route}"; send it to the matching address.',
    'plan.if-match': 'If-Match must name a plan version such as "3"; got {value}.',
    'plan.query-version': '{name} must be a version number such as 2; got "{value}".',
    'plan.unit-unknown': 'There is no unit {unitId} in the organisation in force.',
    'plan.route-period': 'The period in the address is not a period id such as 2026, 2026-Q1 or 2026-03.',
    'plan.approve-own':
      '{who} submitted version {version} of this plan and cannot approve it; the manager of the parent unit approves it.',
    'plan.approve-scope':
      '{who} may not approve plans of {unitId}: approval is for the manager of the parent unit {parentId} or someone above it.',
    'plan.approve-root': 'The plan of {unitId} has no parent unit; only an administrator approves it.',
    'plan.already-approved':
      'Version {version} of the plan of {unitId} for {period} was already approved by {by} at {at}.',
    'plan.superseded':
      'Version {version} of the plan of {unitId} for {period} was superseded by version {latest}; approve the latest version.',
    'plan.already-rejected':
      'Version {version} of the plan of {unitId} for {period} was already rejected by {by} at {at}; a resubmission is reviewed as a new version.',
    'plan.reject-comment': 'A rejection says why: write a comment for the team.',
    'plan.context-invalid': 'The date {today} in "today" does not exist; send a date as YYYY-MM-DD.',
  },
  'zh-CN': {
    'plan.invalid': '计划有 {count} 处错误,未保存任何内容。请修改 findings[] 中指出的单元格后重新提交。',
    'plan.stale':
      '{unitId} 在 {period} 的计划在版本 {base} 之后已被修改(当前版本 {current})。请重新读取,重做修改后再提交。',
    'plan.exists':
      '{unitId} 在 {period} 的计划已有版本 {current};如要在其基础上提交新版本,请发送 If-Match: "{current}"。',
    'plan.none': '{unitId} 在 {period} 尚未提交计划。',
    'plan.version-missing': '{unitId} 在 {period} 的计划没有版本 {version}(最新版本:{latest})。',
    'plan.route-mismatch': '请求内容中的计划 {field} 为 "{body}",而地址中为 "{route}";请提交到对应的地址。',
    'plan.if-match': 'If-Match 须为计划版本号,例如 "3";收到的是 {value}。',
    'plan.query-version': '{name} 须为版本号,例如 2;收到的是 "{value}"。',
    'plan.unit-unknown': '现行组织架构中没有单位 {unitId}。',
    'plan.route-period': '地址中的周期不是有效的周期编号,例如 2026、2026-Q1 或 2026-03。',
    'plan.approve-own': '{who} 提交了该计划的版本 {version},不能自己审批;应由上级单位的负责人审批。',
    'plan.approve-scope': '{who} 无权审批 {unitId} 的计划:应由上级单位 {parentId} 的负责人或更上级审批。',
    'plan.approve-root': '{unitId} 没有上级单位,其计划只能由管理员审批。',
    'plan.already-approved': '{unitId} 在 {period} 的计划版本 {version} 已由 {by} 于 {at} 审批。',
    'plan.superseded': '{unitId} 在 {period} 的计划版本 {version} 已被版本 {latest} 取代,请审批最新版本。',
    'plan.already-rejected':
      '{unitId} 在 {period} 的计划版本 {version} 已由 {by} 于 {at} 退回;重新提交后将作为新版本审批。',
    'plan.reject-comment': '退回计划须说明原因:请填写给团队的意见。',
    'plan.context-invalid': '"today" 中的日期 {today} 不存在,请按 YYYY-MM-DD 填写。',
  },
} as const satisfies Record<Locale, Record<string, string>>;
