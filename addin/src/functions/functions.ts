// The Teamsheet formulas Excel calls (namespace TEAMSHEET). custom-functions-metadata reads the JSDoc
// below to write functions.json at build time (scripts/build.mjs); names.ts holds the zh-CN names.
// Each function hands its cell to the one LookupClient, which batches a recalculation into one request.
import type { LookupArg, LookupFn } from '@teamsheet/shared';
import { excelResult, type CustomFunctionsLike } from './cellResult';
import type { LookupClient } from './lookupClient';

let current: { client: LookupClient; cf: CustomFunctionsLike } | undefined;

/** Where the functions send their cells, and Excel's CustomFunctions global to report errors with. */
export function useFormulaClient(client: LookupClient, cf: CustomFunctionsLike): void {
  current = { client, cf };
}

async function ask(fn: LookupFn, args: unknown[]): Promise<number | string> {
  if (!current)
    throw new Error('Teamsheet formulas are not connected yet; open the Teamsheet pane and sign in.');
  // Trailing optional arguments Excel passes as null or undefined are left out, as if never written.
  const given = args.map((a) => (a === undefined ? null : (a as LookupArg)));
  while (given.length > 0 && given[given.length - 1] === null) given.pop();
  return excelResult(await current.client.lookup({ fn, args: given }), current.cf);
}

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes a typed 2026-03 as a date number. */

/**
 * Target of a person or unit for a metric and period: from the latest approved plan version, or the latest submitted one.
 * @customfunction TARGET
 * @param owner Person or unit: the name the pane shows, or its id.
 * @param metric Metric: its id or label, such as revenue.
 * @param period Period: 2026, 2026-Q1 or 2026-03.
 * @param [status] approved (the default) or submitted.
 * @returns The target.
 */
export function target(owner: string, metric: string, period: any, status?: string): Promise<any> {
  return ask('TARGET', [owner, metric, period, status]);
}

/**
 * Credited actuals of a person or unit for a metric and period.
 * @customfunction ACTUAL
 * @param owner Person or unit: the name the pane shows, or its id.
 * @param metric Metric: its id or label, such as revenue.
 * @param period Period: 2026, 2026-Q1 or 2026-03.
 * @returns The actual.
 */
export function actual(owner: string, metric: string, period: any): Promise<any> {
  return ask('ACTUAL', [owner, metric, period]);
}

/**
 * Attainment: actual divided by the approved target (#N/A without a target above zero).
 * @customfunction ATTAINMENT
 * @param owner Person or unit: the name the pane shows, or its id.
 * @param metric Metric: its id or label, such as revenue.
 * @param period Period: 2026, 2026-Q1 or 2026-03.
 * @returns Attainment as a ratio (1 = 100 %).
 */
export function attainment(owner: string, metric: string, period: any): Promise<any> {
  return ask('ATTAINMENT', [owner, metric, period]);
}

/**
 * Pay of a person for a month: from the approved run, else the newest draft (TEAMSHEET.PAYOUTSTATUS says which).
 * @customfunction PAYOUT
 * @param person Person: the name the pane shows, or their id.
 * @param period Month, such as 2026-03.
 * @param [component] A line of the comp plan, such as commission; empty for the total.
 * @param [source] latest (the default: approved, else draft) or approved (only an approved run).
 * @returns The amount in the run's currency.
 */
export function payout(person: string, period: any, component?: string, source?: string): Promise<any> {
  return ask('PAYOUT', [person, period, component, source]);
}

/**
 * Status of the run TEAMSHEET.PAYOUT reads for a person and month: approved, locked or draft.
 * @customfunction PAYOUTSTATUS
 * @param person Person: the name the pane shows, or their id.
 * @param period Month, such as 2026-03.
 * @returns approved, locked or draft.
 */
export function payoutStatus(person: string, period: any): Promise<any> {
  return ask('PAYOUTSTATUS', [person, period]);
}

/**
 * Final score of a person for a period, from the stored scores.
 * @customfunction SCORE
 * @param person Person: the name the pane shows, or their id.
 * @param period Period, such as 2026-03.
 * @returns The final score.
 */
export function score(person: string, period: any): Promise<any> {
  return ask('SCORE', [person, period]);
}

/**
 * Grade of a person for a period, from the stored scores.
 * @customfunction GRADE
 * @param person Person: the name the pane shows, or their id.
 * @param period Period, such as 2026-03.
 * @returns The grade.
 */
export function grade(person: string, period: any): Promise<any> {
  return ask('GRADE', [person, period]);
}

/** Each function by its id, for CustomFunctions.associate. */
export const FORMULAS: Readonly<Record<LookupFn, (...args: any[]) => Promise<any>>> = {
  TARGET: target,
  ACTUAL: actual,
  ATTAINMENT: attainment,
  PAYOUT: payout,
  PAYOUTSTATUS: payoutStatus,
  SCORE: score,
  GRADE: grade,
};
