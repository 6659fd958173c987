// The payout engine's public surface: the object API and the columnar core.
export { computePayouts, computePayoutsColumnar, PAYOUT_ENGINE_VERSION } from './engine';
export type {
  ColumnarPayoutOptions,
  ColumnarPayoutResult,
  PayoutMoney,
  PayoutOptions,
  PayoutOutcome,
} from './engine';
export {
  amountToMinor,
  daysEmployedIn,
  PAID_ROLES,
  SHARE_DECIMALS_MAX,
  sharesInMillionths,
  toColumnar,
  transactionColumns,
} from './columnar';
export type { ColumnarActuals, PayoutColumns, PeopleColumns, TransactionColumns } from './columnar';
export { CreditTotals } from './credit';
export type { Trace, TraceStep } from './steps';
export { neutraliseCell, payoutCsv, payoutExportRows, exportCells, PAYOUT_EXPORT_COLUMNS } from './export';
export type { PayoutExportInput, PayoutExportRow } from './export';
export { tracePriorPeriodAdjustments, PRIOR_PERIOD_STEP } from './adjustments';
export { quotaMetrics, quotasFromTargets } from './quotas';
export {
  ADJUSTMENT_COMPONENT,
  answerAmountMinor,
  applyQuestionAdjustments,
  questionAnswerRequest,
  questionRequest,
} from './questions';
export type { QuestionAdjustment, QuestionAnswerRequest, QuestionRequest } from './questions';
export {
  assignCompPlanVersions,
  checkCompPlanVersion,
  combinedPlan,
  compPlanScope,
  compPlanVersionBody,
  computePayoutsByVersion,
  monthId,
  monthInEffect,
  versionInEffect,
  versionReaches,
} from './compPlanVersions';
export type {
  CompPlanScope,
  CompPlanVersion,
  CompPlanVersionBody,
  VersionAssignment,
} from './compPlanVersions';
