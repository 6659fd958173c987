// The Office side of the Teamsheet formulas (addin/src/office/customFunctions.ts) against stand-ins
// of Office's globals only: CustomFunctions.associate gets every function by its metadata id, the
// sign-in the pane shares reaches the functions' runtime through OfficeRuntime.storage, and Refresh
// writes a new refresh token and asks Excel for a full recalculation (office-addin-mock's context).
import { OfficeMockObject } from 'office-addin-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { LOOKUP_FUNCTIONS } from '@teamsheet/shared';
import { FORMULAS } from '../src/functions/functions';
import {
  associateAll,
  FORMULA_REFRESH_KEY,
  formulaRefreshToken,
  refreshExcelFormulas,
  shareSignIn,
  sharedSignIn,
  type RecalcRun,
} from '../src/office/customFunctions';

type Globals = { CustomFunctions?: unknown; OfficeRuntime?: unknown };
const g = globalThis as Globals;

/** OfficeRuntime.storage as Office keeps it: strings by key, asynchronously. */
function officeRuntime() {
  const items = new Map<string, string>();
  g.OfficeRuntime = {
    storage: {
      getItem: async (k: string) => items.get(k) ?? null,
      setItem: async (k: string, v: string) => void items.set(k, v),
      removeItem: async (k: string) => void items.delete(k),
    },
  };
  return items;
}

afterEach(() => {
  delete g.CustomFunctions;
  delete g.OfficeRuntime;
});

describe('the Teamsheet formulas in Excel’s runtime', () => {
  it('associates every function of the metadata by its id', () => {
    const associated = new Map<string, unknown>();
    g.CustomFunctions = {
      associate: (id: string, fn: unknown) => associated.set(id, fn),
      Error: Error,
      ErrorCode: { notAvailable: '#N/A', invalidValue: '#VALUE!' },
    };
    associateAll(FORMULAS);
    expect([...associated.keys()].sort()).toEqual([...LOOKUP_FUNCTIONS].sort());
    expect(associated.get('PAYOUT')).toBe(FORMULAS.PAYOUT);
  });

  it('shares the pane’s sign-in through OfficeRuntime.storage, and forgets it on sign-out', async () => {
    officeRuntime();
    expect(await sharedSignIn()).toBeNull();
    await shareSignIn({ token: 'bearer-1', locale: 'zh-CN' });
    expect(await sharedSignIn()).toEqual({ token: 'bearer-1', locale: 'zh-CN' });
    await shareSignIn(null);
    expect(await sharedSignIn()).toBeNull();
  });

  it('does nothing outside Office, where there is no OfficeRuntime', async () => {
    await shareSignIn({ token: 'x', locale: 'en' });
    expect(await sharedSignIn()).toBeNull();
    expect(await formulaRefreshToken()).toBeNull();
  });

  it('refreshes with a new token and one full recalculation', async () => {
    const items = officeRuntime();
    const calls: string[] = [];
    const context = new OfficeMockObject({
      workbook: { application: { calculate: (type: string) => void calls.push(type) } },
    });
    const run: RecalcRun = (batch) => batch(context as unknown as Parameters<Parameters<RecalcRun>[0]>[0]);
    await refreshExcelFormulas(run);
    const first = items.get(FORMULA_REFRESH_KEY);
    expect(first).toBeTruthy();
    expect(await formulaRefreshToken()).toBe(first);
    await refreshExcelFormulas(run);
    expect(items.get(FORMULA_REFRESH_KEY)).not.toBe(first);
    expect(calls).toEqual(['Full', 'Full']);
  });
});
