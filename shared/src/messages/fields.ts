// The messages of a request field the contract's schemas refuse: the schemas' own rules (a date, a
// period, a share…) in both languages. zod's built-in checks (a type, a length, an enum) are worded by
// the core in Chinese (schemas.ts, zhIssue); parseWith chooses per request (docs/architecture.md).
export const fieldMessages = {
  en: {
    'field.iso-date': 'expected a date as YYYY-MM-DD',
    'field.period-id': 'expected a period id such as 2026, 2026-Q1 or 2026-03',
    'field.finite-number': 'expected a finite number',
    'field.share': 'a share lies between 0 and 1',
    'field.currency': 'expected an ISO 4217 currency code',
    'field.weight': 'a weight is not negative',
    'field.rating': 'a rating lies between 0 and 100',
    'field.number-too-large': '{value} is beyond ±{max}, the largest number accepted',
    // Questions on statement lines and their answers (payout/questions.ts).
    'field.comment-required': 'a comment is required: say what you question',
    'field.answer-amount': 'an accepted question needs an amount (not zero) to adjust by',
    'field.answer-reason': 'a declined question needs a reason in the comment',
    'field.answer-no-amount': 'only an accepted question has an amount',
    'field.month-id': 'expected a month as YYYY-MM',
  },
  'zh-CN': {
    'field.iso-date': '应为 YYYY-MM-DD 格式的日期',
    'field.period-id': '应为期间编号，如 2026、2026-Q1 或 2026-03',
    'field.finite-number': '应为有限的数字',
    'field.share': '分配比例应在 0 到 1 之间',
    'field.currency': '应为 ISO 4217 货币代码（如 CNY）',
    'field.weight': '权重不能为负数',
    'field.rating': '评分应在 0 到 100 之间',
    'field.number-too-large': '{value} 超出 ±{max}，即可接受的最大数值',
    'field.comment-required': '请填写说明：对哪一点有疑问',
    'field.answer-amount': '接受申诉时须填写调整金额（不能为零）',
    'field.answer-reason': '驳回申诉时须在说明中写明理由',
    'field.answer-no-amount': '只有接受的申诉才有调整金额',
    'field.month-id': '应为 YYYY-MM 格式的月份',
  },
} as const;
