// The single definition of every Teamsheet sheet template: sheets, columns, headers in both languages,
// types, number formats and drop-down lists. The add-in writes tables from it, the xlsx routes read with it.
import { getMetric } from '../metrics';
import type { Locale } from '../messages/index';
import { monthsOf, periodStart, type PeriodOptions } from '../period';

export type TemplateKind = 'targets' | 'goals' | 'activities' | 'scorecard' | 'ratings' | 'compplan';
export const templateKinds: readonly TemplateKind[] = [
  'targets',
  'goals',
  'activities',
  'scorecard',
  'ratings',
  'compplan',
];

/**
 * How a column's cells are read. `number`/`percent` take only number cells (a percent is a fraction:
 * 5 % is 0.05); `date` takes a date cell, an Excel serial or ISO text; `week` an ISO week id or a date;
 * `owner`/`metric` are ids (a metric may also be written by its label); `enum` one of `values`.
 */
export type ColumnType =
  'text' | 'number' | 'percent' | 'date' | 'week' | 'metric' | 'owner' | 'enum' | 'boolean';

/**
 * Where a drop-down's entries come from: the org (`owners` = units and people, `people`, `units`),
 * the metric catalog (`metrics`), or a fixed list of {@link fixedLists}.
 */
export type ListSource =
  | 'owners'
  | 'people'
  | 'units'
  | 'metrics'
  | 'directions'
  | 'curves'
  | 'raterGroups'
  | 'componentTypes'
  | 'commissionModes'
  | 'roundings'
  | 'booleans';

export type LocalizedText = { en: string; 'zh-CN': string };

export type ColumnDef = {
  key: string;
  header: LocalizedText;
  /** Other headers accepted on import (compared like headers: trimmed, case- and width-insensitive). */
  aliases?: readonly string[];
  type: ColumnType;
  required: boolean;
  /** Excel number format; absent where it depends on the row (targets: by the row's metric). */
  numberFormat?: string;
  list?: ListSource;
  /** Accepted values of an `enum` column, with their labels for reading and for drop-downs. */
  values?: readonly EnumValue[];
  /**
   * A formula column: the template fills each row with the sum of these columns of the row, blank
   * while they are all blank (templates/formulas.ts), so it follows every value typed or allocated.
   */
  sumOf?: readonly string[];
  /** Computed, never read as data: an import only checks it against its formula (the quarters). */
  derived?: boolean;
};

export type EnumValue = { value: string; label: LocalizedText; aliases?: readonly string[] };

export type SheetDef = {
  /** The table's name in finding paths: `targets[3].m2`, `tiers[0].rate`. */
  key: string;
  name: LocalizedText;
  columns: readonly ColumnDef[];
};

export type TemplateDef = { kind: TemplateKind; title: LocalizedText; sheets: readonly SheetDef[] };

export const NUMBER_FORMATS = {
  currency: '#,##0.00',
  count: '#,##0',
  percent: '0.0%',
  ratio: '0.00',
  date: 'yyyy-mm-dd',
  score: '0.0',
  rate: '0.00%',
  decimal: '0.00',
} as const;

/** The number format of a metric's cells: currency `#,##0.00`, count `#,##0`, percent `0.0%`, ratio `0.00`. */
export function numberFormatFor(metricId: string): string {
  const unit = getMetric(metricId)?.unit;
  if (unit === 'count') return NUMBER_FORMATS.count;
  if (unit === 'percent') return NUMBER_FORMATS.percent;
  if (unit === 'ratio') return NUMBER_FORMATS.ratio;
  return NUMBER_FORMATS.currency; // currency and unknown metrics: two decimals lose nothing
}

const t = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });
const enumValue = (value: string, en: string, zh: string, aliases?: string[]): EnumValue =>
  aliases ? { value, label: t(en, zh), aliases } : { value, label: t(en, zh) };

export const fixedLists = {
  directions: [
    enumValue('higher', 'Higher is better', '越高越好', ['高']),
    enumValue('lower', 'Lower is better', '越低越好', ['低']),
  ],
  curves: [enumValue('linear', 'Linear', '线性'), enumValue('bands', 'Bands', '分档', ['档位'])],
  raterGroups: [
    enumValue('superior', 'Superior', '上级', ['manager']),
    enumValue('peer', 'Peer', '同事', ['同级']),
    enumValue('self', 'Self', '自评', ['本人']),
    enumValue('customer', 'Customer', '客户', ['客户评价']),
  ],
  componentTypes: [
    enumValue('commission', 'Commission', '提成'),
    enumValue('bonus', 'Bonus', '奖金'),
    enumValue('override', 'Management override', '管理提成', ['override']),
    enumValue('spiff', 'New-customer bonus', '新客户奖励', ['SPIFF']),
    enumValue('pool', 'Team bonus pool', '团队奖金池'),
    enumValue('performance', 'Performance pay', '绩效工资'),
    enumValue('draw', 'Guaranteed minimum', '保底', ['Draw']),
  ],
  commissionModes: [
    enumValue('marginal', 'Marginal', '分段累进'),
    enumValue('retroactive', 'Retroactive', '全额追溯'),
  ],
  /** A comp plan's rounding rule in words (money.ts: half-up is 四舍五入, half-even banker's rounding). */
  roundings: [
    enumValue('half-up', 'Round half up', '四舍五入', ['half-up']),
    enumValue('half-even', 'Round half to even', '四舍六入五成双', [
      'half-even',
      "Banker's rounding",
      '银行家舍入',
    ]),
  ],
  booleans: [
    enumValue('true', 'Yes', '是', ['true', 'y', '1']),
    enumValue('false', 'No', '否', ['false', 'n', '0']),
  ],
} as const satisfies Record<string, readonly EnumValue[]>;

type ColumnOptions = Partial<Omit<ColumnDef, 'key' | 'header' | 'type'>>;
function column(
  key: string,
  en: string,
  zh: string,
  type: ColumnType,
  options: ColumnOptions = {},
): ColumnDef {
  return { key, header: t(en, zh), type, required: false, ...options };
}

// ---- targets: owner × metric rows, a Total and one column per month of the plan's year
const MONTH_NAMES_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES_EN_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH_NAMES_ZH = [
  '一月',
  '二月',
  '三月',
  '四月',
  '五月',
  '六月',
  '七月',
  '八月',
  '九月',
  '十月',
  '十一月',
  '十二月',
];

const QUARTER_NAMES_ZH = ['一季度', '二季度', '三季度', '四季度'];
const QUARTER_ALIASES_ZH = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** The key of the n-th month column of a plan year (1-based): `m1` … `m12`. */
export const monthKey = (n: number): string => `m${n}`;
/** The key of the n-th quarter column of a plan year (1-based): `q1` … `q4`. */
export const quarterKey = (n: number): string => `q${n}`;

/**
 * The targets sheet of a plan year. Month columns are keyed by position (`m1` is the year's first
 * month, which is April under an April fiscal start) and headed by the calendar month they hold;
 * on import `Mar`, `March`, `3月`, `三月` and `2026-03` all name March. Total and the quarters Q1–Q4
 * (fiscal quarters, after the months) are formula columns summing the months; Total is still the
 * year's target when a number is typed over it, the quarters are only shown (docs/rules.md, Templates).
 */
export function targetsSheet(year: number, opts?: PeriodOptions): SheetDef {
  const months = monthsOf(String(year), opts);
  const monthColumns = months.map((monthId, i) => {
    const calendarMonth = Number(periodStart(monthId).slice(5, 7));
    return column(
      monthKey(i + 1),
      MONTH_NAMES_EN[calendarMonth - 1] ?? monthId,
      `${calendarMonth}月`,
      'number',
      {
        aliases: [
          MONTH_NAMES_EN_LONG[calendarMonth - 1] ?? monthId,
          MONTH_NAMES_ZH[calendarMonth - 1] ?? monthId,
          monthId,
        ],
      },
    );
  });
  return {
    key: 'targets',
    name: t('Targets', '目标'),
    columns: [
      column('owner', 'Owner', '负责人', 'owner', {
        required: true,
        list: 'owners',
        aliases: ['责任人', '对象'],
      }),
      column('metric', 'Metric', '指标', 'metric', { required: true, list: 'metrics' }),
      column('total', 'Total', '合计', 'number', {
        aliases: ['全年', '总计', 'Year'],
        sumOf: monthColumns.map((c) => c.key),
      }),
      ...monthColumns,
      ...[1, 2, 3, 4].map((q) =>
        column(quarterKey(q), `Q${q}`, QUARTER_NAMES_ZH[q - 1] ?? `Q${q}`, 'number', {
          aliases: [`Quarter ${q}`, QUARTER_ALIASES_ZH[q - 1] ?? `Q${q}`, `${year}-Q${q}`],
          sumOf: monthColumns.slice((q - 1) * 3, q * 3).map((c) => c.key),
          derived: true,
        }),
      ),
    ],
  };
}

const goalsSheet: SheetDef = {
  key: 'goals',
  name: t('Goals', '目标OGSM'),
  columns: [
    column('id', 'Id', '编号', 'text', { required: true, aliases: ['ID', '序号'] }),
    column('owner', 'Owner', '负责人', 'owner', { required: true, list: 'owners', aliases: ['责任人'] }),
    column('objective', 'Objective', '目标描述', 'text', { required: true, aliases: ['目的', '目标'] }),
    column('metric', 'Metric', '指标', 'metric', { list: 'metrics' }),
    column('baseline', 'Baseline', '基线', 'number', { numberFormat: '#,##0.##', aliases: ['基数', '现状'] }),
    column('target', 'Target', '目标值', 'number', { numberFormat: '#,##0.##' }),
    column('unit', 'Unit', '单位', 'text'),
    column('deadline', 'Deadline', '截止日期', 'date', {
      numberFormat: NUMBER_FORMATS.date,
      aliases: ['期限', '完成时间'],
    }),
    column('parentId', 'Parent', '上级目标', 'text', { aliases: ['Parent Id', '上级'] }),
    column('strategy', 'Strategy', '策略', 'text'),
    column('measure', 'Measure', '衡量', 'text', { aliases: ['措施', '衡量标准'] }),
  ],
};

/** The activity metrics of the activities sheet, as metric ids, in column order. */
export const activityMetrics = ['visits', 'calls', 'new_leads', 'proposals', 'deals'] as const;

const activitiesSheet: SheetDef = {
  key: 'activities',
  name: t('Activities', '活动'),
  columns: [
    column('person', 'Person', '人员', 'owner', {
      required: true,
      list: 'people',
      aliases: ['Rep', '销售代表', '姓名'],
    }),
    column('week', 'Week', '周', 'week', {
      required: true,
      numberFormat: NUMBER_FORMATS.date,
      aliases: ['Week start', '周次', '周开始'],
    }),
    column('visits', 'Visits', '拜访', 'number', {
      numberFormat: NUMBER_FORMATS.count,
      aliases: ['拜访次数'],
    }),
    column('calls', 'Calls', '电话', 'number', { numberFormat: NUMBER_FORMATS.count, aliases: ['电话次数'] }),
    column('new_leads', 'New leads', '新线索', 'number', {
      numberFormat: NUMBER_FORMATS.count,
      aliases: ['Leads', '新增线索'],
    }),
    column('proposals', 'Proposals', '方案', 'number', {
      numberFormat: NUMBER_FORMATS.count,
      aliases: ['建议书', '报价'],
    }),
    column('deals', 'Deals', '成交', 'number', { numberFormat: NUMBER_FORMATS.count, aliases: ['成交数'] }),
  ],
};

const scorecardSheet: SheetDef = {
  key: 'items',
  name: t('Scorecard', '考核表'),
  columns: [
    column('id', 'Item', '考核项', 'text', { required: true, aliases: ['Id', '项目'] }),
    column('metric', 'Metric', '指标', 'metric', { required: true, list: 'metrics' }),
    column('weight', 'Weight', '权重', 'number', { required: true, numberFormat: '0' }),
    column('direction', 'Direction', '方向', 'enum', { list: 'directions', values: fixedLists.directions }),
    column('curve', 'Curve', '计分方式', 'enum', {
      list: 'curves',
      values: fixedLists.curves,
      aliases: ['曲线'],
    }),
    column('floor', 'Floor', '下限', 'percent', { numberFormat: '0%', aliases: ['门槛'] }),
    column('cap', 'Cap', '上限', 'percent', { numberFormat: '0%', aliases: ['封顶'] }),
    column('bands', 'Bands', '分档', 'text', { aliases: ['档位'] }),
  ],
};

const ratingsSheet: SheetDef = {
  key: 'ratings',
  name: t('Ratings', '360评价'),
  columns: [
    column('personId', 'Person', '被评人', 'owner', { required: true, list: 'people', aliases: ['人员'] }),
    column('raterId', 'Rater', '评价人', 'owner', { required: true, list: 'people' }),
    column('group', 'Group', '评价关系', 'enum', {
      required: true,
      list: 'raterGroups',
      values: fixedLists.raterGroups,
      aliases: ['Rater group', '组别'],
    }),
    column('dimension', 'Dimension', '维度', 'text', { required: true, aliases: ['评价维度'] }),
    column('score', 'Score', '分数', 'number', {
      required: true,
      numberFormat: NUMBER_FORMATS.score,
      aliases: ['得分'],
    }),
  ],
};

const componentsSheet: SheetDef = {
  key: 'components',
  name: t('Components', '薪酬项目'),
  columns: [
    // A component by its name (componentNames); the id it stands for is kept beside it off the sheet.
    column('id', 'Component', '项目名称', 'text', {
      required: true,
      aliases: ['Id', '编号', '项目', 'Name', '名称'],
    }),
    column('type', 'Type', '类型', 'text', {
      required: true,
      list: 'componentTypes',
      values: fixedLists.componentTypes,
    }),
    column('metric', 'Metric', '指标', 'metric', { list: 'metrics' }),
    column('mode', 'Mode', '计算方式', 'enum', {
      list: 'commissionModes',
      values: fixedLists.commissionModes,
    }),
    column('rate', 'Rate', '比例', 'percent', {
      numberFormat: NUMBER_FORMATS.rate,
      aliases: ['费率', '提成比例'],
    }),
    column('amount', 'Amount', '金额', 'number', {
      numberFormat: NUMBER_FORMATS.currency,
      aliases: ['Target amount', '目标金额'],
    }),
    column('threshold', 'Threshold', '起付线', 'percent', { numberFormat: '0%', aliases: ['门槛'] }),
    column('capAttainment', 'Attainment cap', '达成率封顶', 'percent', { numberFormat: '0%' }),
    column('capAmount', 'Amount cap', '金额封顶', 'number', { numberFormat: NUMBER_FORMATS.currency }),
    column('gateMetric', 'Gate metric', '门槛指标', 'metric', { list: 'metrics' }),
    column('gateMin', 'Gate minimum', '门槛最低值', 'number', { numberFormat: '#,##0.##' }),
    column('recoverable', 'Recoverable', '可追回', 'boolean', {
      list: 'booleans',
      values: fixedLists.booleans,
    }),
    column('multipliers', 'Multipliers', '系数', 'text', { aliases: ['Coefficients', '等级系数'] }),
  ],
};

const tiersSheet: SheetDef = {
  key: 'tiers',
  name: t('Tiers', '分段费率'),
  columns: [
    column('component', 'Component', '薪酬项目', 'text', {
      required: true,
      aliases: ['Component id', '编号'],
    }),
    column('from', 'From', '达成率起', 'percent', { required: true, numberFormat: '0%', aliases: ['起'] }),
    column('to', 'To', '达成率止', 'percent', { numberFormat: '0%', aliases: ['止'] }),
    column('rate', 'Rate', '费率', 'percent', {
      required: true,
      numberFormat: NUMBER_FORMATS.rate,
      aliases: ['比例'],
    }),
  ],
};

/** The settings a comp plan's Components sheet shows beside its table, by their words. */
export const compPlanSettingNames = [
  enumValue('name', 'Plan name', '方案名称', ['Name', '名称']),
  enumValue('currency', 'Currency', '币种', ['货币']),
  enumValue('rounding', 'Rounding', '舍入规则', ['舍入']),
] as const satisfies readonly EnumValue[];

/**
 * The plan's own settings (name, currency, rounding), a small table of words on a sheet of its own
 * beside Components and Tiers: a setting by its name in either language, its value in words (人民币,
 * 四舍五入).
 */
export const compPlanSettingsTable: SheetDef = {
  key: 'settings',
  name: t('Plan', '方案设置'),
  columns: [
    column('setting', 'Plan setting', '方案设置', 'enum', {
      required: true,
      values: compPlanSettingNames,
      aliases: ['Setting', '设置'],
    }),
    column('value', 'Value', '内容', 'text', { aliases: ['值'] }),
  ],
};

const templates: Record<TemplateKind, TemplateDef> = {
  targets: { kind: 'targets', title: t('Targets', '目标分解'), sheets: [targetsSheet(2026)] },
  goals: { kind: 'goals', title: t('Goals (OGSM)', '目标（OGSM）'), sheets: [goalsSheet] },
  activities: { kind: 'activities', title: t('Activities', '活动管理'), sheets: [activitiesSheet] },
  scorecard: { kind: 'scorecard', title: t('Scorecard', '绩效考核表'), sheets: [scorecardSheet] },
  ratings: { kind: 'ratings', title: t('360 ratings', '360度评价'), sheets: [ratingsSheet] },
  compplan: {
    kind: 'compplan',
    title: t('Compensation plan', '薪酬方案'),
    sheets: [componentsSheet, tiersSheet],
  },
};

/**
 * The template of a kind. The targets template depends on the plan year (and fiscal start): pass
 * `year` to get its month columns; without it the columns are those of a calendar year.
 */
export function getTemplate(kind: TemplateKind, opts: { year?: number } & PeriodOptions = {}): TemplateDef {
  if (kind === 'targets' && (opts.year !== undefined || opts.fiscalYearStartMonth !== undefined)) {
    return { ...templates.targets, sheets: [targetsSheet(opts.year ?? 2026, opts)] };
  }
  return templates[kind];
}

export function isTemplateKind(value: unknown): value is TemplateKind {
  return typeof value === 'string' && (templateKinds as readonly string[]).includes(value);
}

/** The headers of a sheet in a language, in column order. */
export function sheetHeaders(sheet: SheetDef, locale: Locale = 'en'): string[] {
  return sheet.columns.map((c) => c.header[locale]);
}

/** The label of an enum value in a language (the value itself when unknown). */
export function enumLabel(values: readonly EnumValue[], value: string, locale: Locale = 'en'): string {
  return values.find((v) => v.value === value)?.label[locale] ?? value;
}
