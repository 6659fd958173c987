// Excel's side of the Teamsheet formulas: registering each function with CustomFunctions.associate,
// and the sign-in the pane shares with the functions' own runtime through OfficeRuntime.storage
// (docs/decisions.md: no shared runtime under the V1_0 VersionOverrides schema we validate against).
import type { CustomFunctionsLike } from '../functions/cellResult';

/** The key under which the pane leaves its bearer token and language for the functions' runtime. */
export const SHARED_SIGN_IN_KEY = 'teamsheet.sign-in';

type Storage = {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
};
type Globals = {
  CustomFunctions?: CustomFunctionsLike & { associate(id: string, fn: (...args: never[]) => unknown): void };
  OfficeRuntime?: { storage?: Storage };
};
const globals = () => globalThis as Globals;

/** Excel's CustomFunctions global, where this page runs in Excel's functions runtime. */
export function customFunctionsGlobal():
  (CustomFunctionsLike & { associate: NonNullable<Globals['CustomFunctions']>['associate'] }) | undefined {
  return globals().CustomFunctions;
}

/** Registers every function by its metadata id. */
export function associateAll(functions: Readonly<Record<string, (...args: never[]) => unknown>>): void {
  const cf = customFunctionsGlobal();
  if (!cf) return;
  for (const [id, fn] of Object.entries(functions)) cf.associate(id, fn);
}

/** The key whose value changes whenever the pane asks the formulas to read the server again. */
export const FORMULA_REFRESH_KEY = 'teamsheet.formulas.refresh';

/** What the functions' runtime reads to know the pane asked for a refresh (null before the first). */
export async function formulaRefreshToken(): Promise<string | null> {
  return (await globals().OfficeRuntime?.storage?.getItem(FORMULA_REFRESH_KEY)) ?? null;
}

/**
 * The pane's Refresh in Excel: a new refresh token for the functions' runtime, then a full
 * recalculation, so every Teamsheet formula asks again (the server answers 304 where nothing changed).
 */
export async function refreshExcelFormulas(run: RecalcRun | undefined = excelRun()): Promise<void> {
  const storage = globals().OfficeRuntime?.storage;
  if (!storage || !run) return;
  await storage.setItem(FORMULA_REFRESH_KEY, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
  await run(async (context) => {
    context.workbook.application.calculate('Full'); // Excel.CalculationType.full
    await context.sync();
  });
}

/** The part of `Excel.run` a recalculation needs; tests hand in office-addin-mock's context. */
export type RecalcRun = (
  batch: (context: {
    workbook: { application: { calculate(type: string): void } };
    sync(): PromiseLike<void>;
  }) => Promise<void>,
) => PromiseLike<void>;
const excelRun = (): RecalcRun | undefined =>
  typeof Excel === 'undefined' ? undefined : (batch) => Excel.run((context) => batch(context));

export type SharedSignIn = { token: string; locale: string };

/** The pane leaves its sign-in for the functions (nothing outside Office, where there is no OfficeRuntime). */
export async function shareSignIn(signIn: SharedSignIn | null): Promise<void> {
  const storage = globals().OfficeRuntime?.storage;
  if (!storage) return;
  if (signIn) await storage.setItem(SHARED_SIGN_IN_KEY, JSON.stringify(signIn));
  else await storage.removeItem(SHARED_SIGN_IN_KEY);
}

/** The functions' runtime reads the sign-in the pane left (null before anyone signed in). */
export async function sharedSignIn(): Promise<SharedSignIn | null> {
  const storage = globals().OfficeRuntime?.storage;
  const text = storage ? await storage.getItem(SHARED_SIGN_IN_KEY) : null;
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Partial<SharedSignIn>;
    return typeof parsed.token === 'string'
      ? { token: parsed.token, locale: String(parsed.locale ?? 'en') }
      : null;
  } catch {
    return null;
  }
}
