// What the stored-actuals read and the scoring routes say when they refuse a request.
// Part of the server's one catalog (index.ts); keys are the `code` of a problem answer.
import type { Locale } from '@teamsheet/shared';

export const readsMessages = {
  en: {
    'audit.entity-required': 'Name the entity whose audit trail you want, such as ?entity=org:demo.',
    'actuals-read.unknown-unit':
      'Unit {unitId} does not exist in the organisation in force (version {version}).',
    'scores.no-targets':
      'No targets are stored for unit {unitId} in {period}: submit the plan of the unit (or of its teams) first, then score again.',
    'scores.no-people': 'Unit {unitId} has no sales reps to score.',
    'scores.no-scores':
      'No scores are stored for unit {unitId} in {period}{version}. Compute them with POST /api/periods/{period}/scores.',
    'scores.conflict':
      'Someone stored version {version} of these scores at the same moment; read it, or compute again.',
  },
  'zh-CN': {
    'audit.entity-required': '请指明要查看审计记录的对象，例如 ?entity=org:demo。',
    'actuals-read.unknown-unit': '当前组织架构(版本 {version})中没有单位 {unitId}。',
    'scores.no-targets':
      '单位 {unitId} 在 {period} 没有已保存的目标：请先提交该单位(或其下团队)的计划，再计算得分。',
    'scores.no-people': '单位 {unitId} 没有需要考核的销售代表。',
    'scores.no-scores':
      '单位 {unitId} 在 {period}{version} 没有已保存的得分。请先通过 POST /api/periods/{period}/scores 计算。',
    'scores.conflict': '有人同时保存了该得分的第 {version} 版；请读取该版本或重新计算。',
  },
} as const satisfies Record<Locale, Record<string, string>>;
