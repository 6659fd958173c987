// The thresholds of SMART validation (docs/rules.md) with the handbooks' defaults; a plan's context
// may override any of them (`context.rules`).

export interface RuleSettings {
  /** Growth over last year's same-period actual above this is a warning; above twice this, an error. */
  growthBand: number;
  /** Growth below this (a fall of more than 10 %) is sandbagging: a warning. */
  sandbaggingFloor: number;
  /** Relative tolerance of sums against totals; for count metrics it is also capped at one unit. */
  tolerance: number;
  /** The most a person can do of an activity metric in one working day. Overrides merge per metric. */
  capacityPerDay: Record<string, number>;
  /** A person's target may grow at most this much over their previous one (鞭打快牛 guard). */
  ratchetRate: number;
  /** Vague words and phrases; `…` stands for up to 12 characters (提升…意识). Overrides replace the list. */
  vagueWords: string[];
  /**
   * Days it takes at least to build a recurring money level from nothing: a monthly business can
   * only show a month's sales after a month of selling, so a goal from a zero baseline due sooner
   * is growth above any band (the handbooks' one-week ¥50,000 street).
   */
  rampDays: number;
}

export const defaultVagueWords: readonly string[] = [
  // zh-CN
  '基本',
  '进一步',
  '加强',
  '尽量',
  '尽快',
  '尽可能',
  '适当',
  '大概',
  '努力',
  '争取',
  '力争',
  '提升…意识',
  '增强…意识',
  '提高…意识',
  // en
  'basically',
  'further',
  'enhance',
  'improve',
  'strengthen',
  'as soon as possible',
  'asap',
  'try to',
  'do our best',
  'as much as possible',
  'appropriately',
  'roughly',
];

export const defaultRuleSettings: Readonly<RuleSettings> = Object.freeze({
  growthBand: 0.5,
  sandbaggingFloor: -0.1,
  tolerance: 0.005,
  capacityPerDay: Object.freeze({ visits: 8, calls: 30 }) as Record<string, number>,
  ratchetRate: 0.3,
  vagueWords: defaultVagueWords as string[],
  rampDays: 30,
});

/** The defaults with `rules` laid over them (undefined entries keep the default). */
export function resolveRuleSettings(rules?: Partial<RuleSettings>): RuleSettings {
  const d = defaultRuleSettings;
  return {
    growthBand: rules?.growthBand ?? d.growthBand,
    sandbaggingFloor: rules?.sandbaggingFloor ?? d.sandbaggingFloor,
    tolerance: rules?.tolerance ?? d.tolerance,
    capacityPerDay: { ...d.capacityPerDay, ...(rules?.capacityPerDay ?? {}) },
    ratchetRate: rules?.ratchetRate ?? d.ratchetRate,
    vagueWords: [...(rules?.vagueWords ?? d.vagueWords)],
    rampDays: rules?.rampDays ?? d.rampDays,
  };
}
