// Messages of the planning capability, keyed by finding rule id (filled in by its engineer).
export const planningMessages = { en: {} as Record<string, string>, 'zh-CN': {} as Record<string, string> };
