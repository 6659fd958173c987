// What the statement and question routes say (docs/rules.md, Statements and questions).
// Part of the server's one catalog (index.ts); keys are the `code` of a problem answer.
import type { Locale } from '@teamsheet/shared';

export const statementsMessages = {
  en: {
    'statement.month': 'A statement is of a month, such as 2026-03; got "{period}".',
    'statement.unknown-person': '{personId} is not a person of the organisation in force.',
    'statement.none':
      'No approved payout run pays {name} for {period} yet: the statement appears once finance has approved the run of the month.',
    'question.unknown-line':
      '"{lineId}" is not a line of your approved statement for {period}: question one of its lines.',
    'question.open':
      'This line of {period} already has an open question; finance answers it before another can be asked.',
    'question.not-found': 'There is no question {questionId}.',
    'question.answered':
      'This question was answered already ({decision} on {at}); an answer is final. Ask a new question to reopen it.',
    'question.zero-amount':
      'The amount rounds to zero: an accepted question adjusts pay by at least one cent.',
    'question.no-open-period':
      'No month in the next two years after {period} is open to pay the adjustment; open a period first.',
    'question.status': 'status must be open or answered; got "{status}".',
    'question.amount-range': '{amount} is more than a payout can hold to the cent; enter a smaller amount.',
    'question.decision.accepted': 'accepted',
    'question.decision.declined': 'declined',
  },
  'zh-CN': {
    'statement.month': '工资单按月查看，例如 2026-03；收到的是 "{period}"。',
    'statement.unknown-person': '{personId} 不是当前组织架构中的人员。',
    'statement.none': '{name} 在 {period} 尚无已审批的薪酬计算批次：财务审批该月批次后即可查看工资单。',
    'question.unknown-line': '"{lineId}" 不是您 {period} 已审批工资单中的项目：请对其中的某一项提出申诉。',
    'question.open': '{period} 的这一项已有未答复的申诉；财务答复后才能再次申诉。',
    'question.not-found': '没有编号为 {questionId} 的申诉。',
    'question.answered': '该申诉已于 {at} 答复（{decision}），答复不可更改。如需重新申诉，请提出新的申诉。',
    'question.zero-amount': '金额四舍五入后为零：接受的申诉至少调整一分钱。',
    'question.no-open-period': '{period} 之后两年内没有未结账的月份可支付该调整；请先开放一个期间。',
    'question.status': 'status 只能是 open 或 answered；收到的是 "{status}"。',
    'question.amount-range': '{amount} 超出薪酬金额可精确表示的范围，请输入较小的金额。',
    'question.decision.accepted': '已接受',
    'question.decision.declined': '已驳回',
  },
} as const satisfies Record<Locale, Record<string, string>>;
