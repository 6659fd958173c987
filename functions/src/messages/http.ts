// What the HTTP layer says about requests it refuses (body, routing, store), in both languages.
// Part of the server's one catalog (index.ts); keys are the `code` of a problem answer.
import type { Locale } from '@teamsheet/shared';

export const httpMessages = {
  en: {
    'status.400': 'Bad request',
    'status.401': 'Not signed in',
    'status.403': 'Not allowed',
    'status.404': 'Not found',
    'status.405': 'Method not allowed',
    'status.409': 'Conflict',
    'status.412': 'Precondition failed',
    'status.413': 'Request body too large',
    'status.415': 'Unsupported media type',
    'status.422': 'Unprocessable content',
    'status.500': 'Internal server error',
    'status.503': 'Service unavailable',
    'http.body-too-large':
      'The request body is {size} bytes; this endpoint accepts at most {max} bytes ({limit}). Split the data into smaller requests.',
    'http.body-too-large-streamed':
      'The request body is larger than this endpoint accepts: at most {max} bytes ({limit}); it was not read further. Split the data into smaller requests.',
    'http.body-empty': 'The request has no body; send a JSON document.',
    'http.body-not-json':
      'The request body is not valid JSON ({reason}). Send a JSON document encoded as UTF-8.',
    'http.body-invalid':
      'The request body does not match the expected shape: {count} field(s) are wrong. See errors[] for each path.',
    'http.number-overflow':
      'The figures sent multiply to an amount too large to compute exactly ({reason}). Check the amounts, rates and quotas for a misplaced decimal point.',
    'http.internal':
      'Something went wrong on the server. The error was logged; try again, and if it persists contact your administrator with invocation id {invocationId}.',
    'http.not-found': 'No route matches {method} {path}.',
    'http.method-not-allowed': '{path} does not accept {method}; it accepts {allowed}.',
    'http.origin-refused':
      'Requests from the web page at {origin} are not allowed: this API answers only the Teamsheet task pane. An administrator can add an origin to TEAMSHEET_ALLOWED_ORIGINS.',
    'http.store-unavailable':
      'The data store could not complete this request, and nothing of it was stored. Try again in a moment; if it persists, ask your administrator to check the store (GET /api/health).',
    'org.invalid': 'The organisation has {count} error(s); nothing was stored. See errors[] for each path.',
    'org.missing':
      'No organisation has been loaded yet for tenant {tenant}. An administrator uploads it with PUT /api/org.',
    'org.stale':
      'The organisation changed since version {base} (now version {current}); reload it and apply your changes again.',
    'http.address-invalid': 'The address of the request is wrong at {path}: {message}',
    'address.period': 'expected a period id such as 2026, 2026-Q1 or 2026-03; got "{value}"',
    'address.id': 'expected {name} of at most 200 characters without / \\ ? or #; got "{value}"',
    'idempotency.key-too-long':
      'Idempotency-Key is at most 200 characters; send a shorter key (a UUID, say).',
    'idempotency.key-reused':
      'Idempotency-Key "{key}" was already used for a different request; use a new key for new content.',
  },
  'zh-CN': {
    'http.address-invalid': '请求地址中的 {path} 有误:{message}',
    'address.period': '应为期间编号,例如 2026、2026-Q1 或 2026-03;收到的是"{value}"',
    'address.id': '{name} 应不超过 200 个字符,且不含 / \\ ? #;收到的是"{value}"',
    'idempotency.key-too-long': 'Idempotency-Key 最多 200 个字符,请使用更短的键(例如 UUID)。',
    'idempotency.key-reused': 'Idempotency-Key "{key}" 已用于另一项不同的请求;新内容请使用新的键。',
    'status.400': '请求有误',
    'status.401': '未登录',
    'status.403': '无权操作',
    'status.404': '未找到',
    'status.405': '不支持的请求方法',
    'status.409': '冲突',
    'status.412': '前提条件不成立',
    'status.413': '请求内容过大',
    'status.415': '不支持的内容类型',
    'status.422': '内容无法处理',
    'status.500': '服务器内部错误',
    'status.503': '服务暂不可用',
    'http.body-too-large':
      '请求内容为 {size} 字节,此接口最多接受 {max} 字节({limit})。请把数据拆成多次提交。',
    'http.body-too-large-streamed':
      '请求内容超过此接口的上限:最多 {max} 字节({limit}),其余部分未被读取。请把数据拆成多次提交。',
    'http.body-empty': '请求没有内容,请发送 JSON 文档。',
    'http.body-not-json': '请求内容不是有效的 JSON({reason})。请发送 UTF-8 编码的 JSON 文档。',
    'http.body-invalid': '请求内容与约定的结构不符:{count} 个字段有误,各字段路径见 errors[]。',
    'http.number-overflow':
      '所提交的数字相乘后金额过大,无法精确计算({reason})。请检查金额、比率和定额是否多写了位数。',
    'http.internal': '服务器出错,错误已记录。请重试;如仍出错,请把调用编号 {invocationId} 告知管理员。',
    'http.not-found': '没有与 {method} {path} 匹配的接口。',
    'http.method-not-allowed': '{path} 不接受 {method},只接受 {allowed}。',
    'http.origin-refused':
      '不接受来自网页 {origin} 的请求:本接口只服务 Teamsheet 任务窗格。管理员可在 TEAMSHEET_ALLOWED_ORIGINS 中添加来源。',
    'http.store-unavailable':
      '数据存储未能完成本次请求,本次内容均未保存。请稍后重试;如仍失败,请管理员检查数据存储(GET /api/health)。',
    'org.invalid': '组织架构有 {count} 处错误,未保存任何内容。各处路径见 errors[]。',
    'org.missing': '租户 {tenant} 尚未导入组织架构。请管理员通过 PUT /api/org 上传。',
    'org.stale': '组织架构在版本 {base} 之后已被修改(当前版本 {current}),请重新读取后再修改。',
  },
} as const satisfies Record<Locale, Record<string, string>>;
