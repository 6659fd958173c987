// What sign-in and authorisation say when they refuse. The WWW-Authenticate challenge always carries
// the English text (the header must stay ASCII).
// Part of the server's one catalog (index.ts); keys are the `code` of a problem answer.
import type { Locale } from '@teamsheet/shared';

export const authMessages = {
  en: {
    'auth.missing': 'No bearer token: send the header "Authorization: Bearer <token>" (sign in first).',
    'auth.not-bearer':
      'The Authorization header is not "Bearer <token>"; sign in again and send the token it gives.',
    'auth.malformed': 'The bearer token is not a well-formed JWT; sign in again.',
    'auth.expired': 'The token expired at {at}; sign in again to get a new one.',
    'auth.audience':
      "The token is for audience {actual}, but this API accepts {expected}; request a token for the API's scope.",
    'auth.issuer':
      'The token was issued by {actual}, but this API trusts {expected}; sign in with the right organisation.',
    'auth.not-before': "The token is not valid before {at}; check this device's clock and sign in again.",
    'auth.claim-missing': 'The token has no "{claim}" claim; it was not issued for this API.',
    'auth.claim-rejected': 'The token\'s "{claim}" claim was rejected ({reason}); sign in again.',
    'auth.signature':
      "The token's signature does not match any key of {expected}; it was signed by someone else or altered. Sign in again.",
    'auth.algorithm': 'The token is signed with an algorithm this API does not accept (only {allowed}).',
    'auth.tenant':
      'The token belongs to tenant "{actual}", but this API serves tenant "{expected}"; sign in with your work account of that organisation.',
    'auth.no-person': 'The token names no person (no person_id, oid or sub claim).',
    'auth.keys-unavailable':
      "The API could not fetch its token issuer's signing keys; try again in a minute.",
    'auth.not-configured':
      'The API has no token issuer configured: set TEAMSHEET_AUTH_ISSUER, TEAMSHEET_AUTH_AUDIENCE and TEAMSHEET_AUTH_JWKS_URI, or TEAMSHEET_DEV_AUTH=1 for local development.',
    'auth.misconfigured': "The API's sign-in settings are incomplete: set {missing}.",
    'authz.role': 'This needs the role {roles}. Ask an administrator if you need it.',
    'authz.unit':
      'You may not see unit "{unitId}": it is not one of the units you manage (or there is no such unit).',
    'authz.person':
      'You may not see person "{personId}": only yourself and the people of the units you manage (or there is no such person).',
    'authz.owner':
      'You may not send figures for "{ownerId}": it is neither you, nor a unit you manage, nor one of its people (or there is no such id).',
    'authz.approve-scope':
      'You may not approve plans of unit "{unitId}": that is for the manager of its parent unit or someone above it (or there is no such unit).',
    'authz.approve-own':
      'You submitted version {version} of this plan and cannot approve it; the manager of the parent unit approves it.',
    'authz.approve-own-run':
      'You created payout run {runId}; someone else in finance must approve it (four-eyes rule).',
    'dev.unknown-person':
      'There is no person "{personId}" in the organisation; pick one from GET /api/dev/token.',
  },
  'zh-CN': {
    'auth.missing': '缺少访问令牌：请先登录，并在请求头中发送 "Authorization: Bearer <令牌>"。',
    'auth.not-bearer': 'Authorization 请求头不是 "Bearer <令牌>" 格式；请重新登录并发送登录得到的令牌。',
    'auth.malformed': '访问令牌不是有效的 JWT；请重新登录。',
    'auth.expired': '访问令牌已于 {at} 过期；请重新登录以获取新令牌。',
    'auth.audience': '该令牌的受众是 {actual}，而本 API 只接受 {expected}；请为本 API 的权限范围申请令牌。',
    'auth.issuer': '该令牌由 {actual} 签发，而本 API 只信任 {expected}；请用正确的组织账号登录。',
    'auth.not-before': '该令牌在 {at} 之前无效；请检查本机时钟后重新登录。',
    'auth.claim-missing': '该令牌缺少 "{claim}" 声明，不是为本 API 签发的。',
    'auth.claim-rejected': '该令牌的 "{claim}" 声明未通过校验（{reason}）；请重新登录。',
    'auth.signature': '该令牌的签名与 {expected} 的任何密钥都不匹配：它由他人签发或已被篡改。请重新登录。',
    'auth.algorithm': '该令牌使用了本 API 不接受的签名算法（仅接受 {allowed}）。',
    'auth.tenant': '该令牌属于租户 "{actual}"，而本 API 服务于租户 "{expected}"；请用该组织的工作账号登录。',
    'auth.no-person': '该令牌未指明人员（没有 person_id、oid 或 sub 声明）。',
    'auth.keys-unavailable': 'API 暂时无法获取令牌签发方的签名密钥；请一分钟后重试。',
    'auth.not-configured':
      'API 尚未配置令牌签发方：请设置 TEAMSHEET_AUTH_ISSUER、TEAMSHEET_AUTH_AUDIENCE 和 TEAMSHEET_AUTH_JWKS_URI，本地开发可设置 TEAMSHEET_DEV_AUTH=1。',
    'auth.misconfigured': 'API 的登录设置不完整：请设置 {missing}。',
    'authz.role': '此操作需要角色 {roles}。如需此权限请联系管理员。',
    'authz.unit': '您无权查看单位 "{unitId}"：它不在您管理的范围内（或没有这个单位）。',
    'authz.person': '您无权查看人员 "{personId}"：只能查看本人以及所管理单位的人员（或没有这个人员）。',
    'authz.owner':
      '您无权提交 "{ownerId}" 的数据：它既不是您本人，也不是您管理的单位或其人员（或没有这个编号）。',
    'authz.approve-scope':
      '您无权审批单位 "{unitId}" 的计划：应由其上级单位的负责人或更上级审批（或没有这个单位）。',
    'authz.approve-own': '您提交了该计划的版本 {version}，不能自己审批；应由上级单位的负责人审批。',
    'authz.approve-own-run': '薪酬计算批次 {runId} 由您创建，必须由另一位财务人员审批（双人复核）。',
    'dev.unknown-person': '组织中没有人员 "{personId}"；请从 GET /api/dev/token 的列表中选择。',
  },
} as const satisfies Record<Locale, Record<string, string>>;
