// The names and descriptions Excel shows for the Teamsheet formulas in Chinese (zh-CN). English comes
// from the JSDoc of functions.ts, which custom-functions-metadata turns into functions.json at build
// time; scripts/build.mjs overlays this table on it to write functions.zh-CN.json, and the preview
// workbook reads formulas typed with either name.
import { LOOKUP_FUNCTIONS, type LookupFn } from '@teamsheet/shared';

export const NAMESPACE = 'TEAMSHEET';

export type LocalName = { name: string; description: string; params: Record<string, string> };

export const ZH_CN: Readonly<Record<LookupFn, LocalName>> = {
  TARGET: {
    name: '目标值',
    description:
      '人员或单位在某期间某指标的目标：默认取最新已批准的计划版本，status 为“submitted”时取最新提交的版本。',
    params: {
      owner: '人员或单位：名称(按任务窗格显示)或编号',
      metric: '指标：编号或名称，例如 销售额',
      period: '期间：2026、2026-Q1 或 2026-03',
      status: '可选：approved(已批准，默认)或 submitted(最新提交)',
    },
  },
  ACTUAL: {
    name: '实际值',
    description: '人员或单位在某期间某指标的实际值(按业绩分配计入)。',
    params: {
      owner: '人员或单位：名称或编号',
      metric: '指标：编号或名称',
      period: '期间：2026、2026-Q1 或 2026-03',
    },
  },
  ATTAINMENT: {
    name: '达成率',
    description: '实际值 ÷ 已批准目标；没有目标或目标为零时为 #N/A。',
    params: {
      owner: '人员或单位：名称或编号',
      metric: '指标：编号或名称',
      period: '期间：2026、2026-Q1 或 2026-03',
    },
  },
  PAYOUT: {
    name: '薪酬额',
    description: '人员某月的薪酬：取已批准的核算，没有时取最新草稿(用 TEAMSHEET.薪酬状态 查看是哪一种)。',
    params: {
      person: '人员：名称或编号',
      period: '月份，例如 2026-03',
      component: '可选：薪酬项编号，例如 commission；留空为合计',
      source: '可选：latest(默认，已批准否则草稿)或 approved(只取已批准)',
    },
  },
  PAYOUTSTATUS: {
    name: '薪酬状态',
    description: 'TEAMSHEET.薪酬额 所取核算的状态：已批准、已锁定或草稿。',
    params: { person: '人员：名称或编号', period: '月份，例如 2026-03' },
  },
  SCORE: {
    name: '考核得分',
    description: '人员在某期间已保存的考核最终得分。',
    params: { person: '人员：名称或编号', period: '期间，例如 2026-03' },
  },
  GRADE: {
    name: '考核等级',
    description: '人员在某期间已保存的考核等级。',
    params: { person: '人员：名称或编号', period: '期间，例如 2026-03' },
  },
};

/** A function id from a name typed in a cell (`TEAMSHEET.PAYOUT`, `TEAMSHEET.薪酬额`, without the namespace too). */
export function functionIdOf(name: string): LookupFn | undefined {
  const bare = name
    .trim()
    .toUpperCase()
    .replace(/^TEAMSHEET\./, '');
  const byId = LOOKUP_FUNCTIONS.find((fn) => fn === bare);
  if (byId) return byId;
  return LOOKUP_FUNCTIONS.find((fn) => ZH_CN[fn].name === name.trim().replace(/^TEAMSHEET\./i, ''));
}
