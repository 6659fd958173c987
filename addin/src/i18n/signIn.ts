// Why a sign-in failed, in English and Chinese (SignInError's reason keys, addin/src/auth/errors.ts).
export const signInEn = {
  'signIn.why.notJwt': 'The sign-in token is not one Teamsheet can read. Sign in again.',
  'signIn.why.unreadable': 'The sign-in token could not be read. Sign in again.',
  'signIn.why.noPerson':
    'The sign-in token does not say who you are. Sign in again, or ask your administrator.',
  'signIn.why.unreachable': 'The Teamsheet service at {url} cannot be reached. Check that it is running.',
  'signIn.why.devOff': 'Demo sign-in is off on this server (start it with TEAMSHEET_DEV_AUTH=1).',
  'signIn.why.devFailed': 'Demo sign-in failed ({status}): {why}',
  'signIn.why.devAnswer': 'The demo sign-in service answered something Teamsheet cannot use.',
  'signIn.why.noNaa':
    'This version of Office cannot sign in inside the add-in; use the sign-in window instead.',
  'signIn.why.incomplete': 'Microsoft sign-in did not complete: {why}',
  'signIn.why.dialogClosed': 'The sign-in window was closed before sign-in finished. Choose Sign in again.',
  'signIn.why.dialogOpen': 'A sign-in window is already open. Finish or close it first.',
  'signIn.why.dialogBlocked':
    'The browser blocked the sign-in window. Allow pop-ups for Office and choose Sign in again.',
  'signIn.why.dialogPage':
    'The sign-in page could not be opened (Office error {code}). The add-in must be served over https from a domain its manifest names.',
  'signIn.why.dialogFailed': 'The sign-in window failed (Office error {code}).',
  'signIn.why.scope':
    'The sign-in returned a token without access to Teamsheet ({scope}). Ask your administrator.',
  'signIn.why.unconfigured': 'Microsoft sign-in is not set up in this build ({missing} missing).',
  'signIn.why.authority': 'The sign-in authority must be an https address; it is "{authority}".',
};

export const signInZhCN: Record<keyof typeof signInEn, string> = {
  'signIn.why.notJwt': '登录令牌无法识别，请重新登录。',
  'signIn.why.unreadable': '无法读取登录令牌，请重新登录。',
  'signIn.why.noPerson': '登录令牌中没有您的身份信息。请重新登录，或联系管理员。',
  'signIn.why.unreachable': '无法连接位于 {url} 的 Teamsheet 服务，请确认服务正在运行。',
  'signIn.why.devOff': '此服务器未开启演示登录（请以 TEAMSHEET_DEV_AUTH=1 启动）。',
  'signIn.why.devFailed': '演示登录失败（{status}）：{why}',
  'signIn.why.devAnswer': '演示登录服务返回的内容无法使用。',
  'signIn.why.noNaa': '此版本的 Office 无法在加载项内登录，请改用登录窗口。',
  'signIn.why.incomplete': 'Microsoft 登录未完成：{why}',
  'signIn.why.dialogClosed': '登录完成前登录窗口已关闭，请重新点击“登录”。',
  'signIn.why.dialogOpen': '已有一个登录窗口打开，请先完成或关闭它。',
  'signIn.why.dialogBlocked': '浏览器阻止了登录窗口。请允许 Office 弹出窗口后重新点击“登录”。',
  'signIn.why.dialogPage': '无法打开登录页（Office 错误 {code}）。加载项须通过 https 从清单列出的域名提供。',
  'signIn.why.dialogFailed': '登录窗口出错（Office 错误 {code}）。',
  'signIn.why.scope': '登录返回的令牌没有访问 Teamsheet 的权限（{scope}），请联系管理员。',
  'signIn.why.unconfigured': '此版本未配置 Microsoft 登录（缺少 {missing}）。',
  'signIn.why.authority': '登录授权地址必须是 https 地址，当前为 "{authority}"。',
};

export const signInStrings = { en: signInEn, 'zh-CN': signInZhCN } as const;
