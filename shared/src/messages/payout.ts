// Messages of the payout capability, keyed by finding rule id (filled in by its engineer).
export const payoutMessages = { en: {} as Record<string, string>, 'zh-CN': {} as Record<string, string> };
