// Messages shared by every capability: HTTP and input errors the Functions answer with, and the
// organisation, period and metric checks of the core. Keys are rule ids; `{name}` takes a param.
export const commonMessages = {
  en: {
    'http.bad-json': 'The request body is not valid JSON: {detail}. Send a JSON object.',
    'http.body-too-large':
      'The request body is {size} bytes; the limit is {limit} bytes. Send less data per request.',
    'http.unsupported-media-type':
      'Content type "{contentType}" is not accepted here; send application/json.',
    'http.validation-failed': 'The request has {count} invalid field(s); correct them and send it again.',
    'http.unauthorized': 'You are not signed in, or your sign-in has expired ({reason}). Sign in again.',
    'http.forbidden': 'Your role ({role}) may not {action}. Ask an administrator if you need access.',
    'http.out-of-scope':
      'Unit {unitId} is outside what you manage. Choose a unit in your own part of the organisation.',
    'http.not-found': '{entity} "{id}" was not found. Check the id or whether it was stored.',
    'http.method-not-allowed': 'Method {method} is not allowed on this route; use {allowed}.',
    'http.conflict':
      '{entity} "{id}" was changed by someone else. Reload it, reapply your changes and submit again.',
    'http.precondition-required': 'Name the version your changes are based on in the If-Match header.',
    'http.precondition-failed':
      'Your changes are based on version {expected}, but the current version is {actual}. Reload version {actual} and submit again.',
    'http.idempotency-key-reused':
      'Idempotency-Key "{key}" was already used for a different request. Use a new key for new data.',
    'http.internal':
      'Something went wrong on the server (reference {reference}). Try again; if it persists, report the reference.',
    'period.invalid-id': '"{period}" is not a period id; write 2026, 2026-Q1 or 2026-03.',
    'period.closed':
      'Period {period} is closed and cannot change; record a correction in the next open period.',
    'metric.unknown': 'Metric "{metric}" is not in the catalog.',
    'metric.zero-denominator':
      '{metric} cannot be computed: its denominator {denominator} is 0 (numerator {numerator}). It is left empty.',
    'org.duplicate-id': 'Id "{id}" is used {count} times; each id must be unique.',
    'org.unknown-parent': 'Unit "{unitId}" names parent "{parentId}", which is not a unit.',
    'org.unknown-manager': '"{id}" names manager "{managerId}", who is not a person in the organisation.',
    'org.cycle': 'Unit "{unitId}" is its own ancestor: {chain}. Break the loop by changing a parent.',
    'org.unknown-unit': 'Person "{personId}" belongs to unit "{unitId}", which is not a unit.',
  } as Record<string, string>,
  'zh-CN': {
    'http.bad-json': '请求内容不是有效的 JSON：{detail}。请发送 JSON 对象。',
    'http.body-too-large': '请求内容为 {size} 字节，上限为 {limit} 字节。请分批发送。',
    'http.unsupported-media-type': '不接受内容类型 "{contentType}"，请使用 application/json。',
    'http.validation-failed': '请求中有 {count} 个字段不正确，请更正后重新提交。',
    'http.unauthorized': '您尚未登录或登录已过期（{reason}）。请重新登录。',
    'http.forbidden': '您的角色（{role}）无权{action}。如需权限，请联系管理员。',
    'http.out-of-scope': '单位 {unitId} 不在您的管理范围内。请选择您所辖组织中的单位。',
    'http.not-found': '未找到{entity} "{id}"。请检查编号或是否已保存。',
    'http.method-not-allowed': '此接口不支持 {method} 方法，请使用 {allowed}。',
    'http.conflict': '{entity} "{id}" 已被他人修改。请重新加载，重新填写您的修改后再提交。',
    'http.precondition-required': '请在 If-Match 请求头中注明您修改所依据的版本。',
    'http.precondition-failed':
      '您的修改基于版本 {expected}，但当前版本为 {actual}。请加载版本 {actual} 后重新提交。',
    'http.idempotency-key-reused': '幂等键 "{key}" 已用于另一个不同的请求。新数据请使用新的键。',
    'http.internal': '服务器出错（参考编号 {reference}）。请重试；如仍出错，请报告该编号。',
    'period.invalid-id': '"{period}" 不是有效的周期编号，请写作 2026、2026-Q1 或 2026-03。',
    'period.closed': '周期 {period} 已关闭，不能修改；请在下一个开放周期中登记更正。',
    'metric.unknown': '指标 "{metric}" 不在指标目录中。',
    'metric.zero-denominator': '无法计算{metric}：分母 {denominator} 为 0（分子 {numerator}），结果留空。',
    'org.duplicate-id': '编号 "{id}" 出现了 {count} 次，编号必须唯一。',
    'org.unknown-parent': '单位 "{unitId}" 的上级 "{parentId}" 不是已知单位。',
    'org.unknown-manager': '"{id}" 的负责人 "{managerId}" 不是组织中的人员。',
    'org.cycle': '单位 "{unitId}" 成为了自己的上级：{chain}。请修改上级以消除循环。',
    'org.unknown-unit': '人员 "{personId}" 所属单位 "{unitId}" 不是已知单位。',
  } as Record<string, string>,
};
