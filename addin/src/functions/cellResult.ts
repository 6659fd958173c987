// A formula cell's answer as Excel shows it: the value; `#N/A` for no data and `#VALUE!` for a bad
// argument, each with its message (thrown as CustomFunctions.Error, which Excel shows on the cell);
// and no rights as the sentence itself, so the cell says plainly why it has no figure.
import type { LookupAnswer } from '@teamsheet/shared';

/** The part of Excel's `CustomFunctions` global this module uses. */
export type CustomFunctionsLike = {
  Error: new (code: never, message?: string) => Error;
  ErrorCode: { notAvailable: unknown; invalidValue: unknown };
};

/** The Excel error text of an answer without a value: `#VALUE!` for a bad argument, else `#N/A`. */
export const errorText = (kind: 'na' | 'value') => (kind === 'value' ? '#VALUE!' : '#N/A');

/** For Excel's runtime: the value to return, or the CustomFunctions.Error to throw. */
export function excelResult(answer: LookupAnswer, cf: CustomFunctionsLike): number | string {
  if ('value' in answer) return answer.value;
  if (answer.error === 'forbidden') return answer.message;
  const code = answer.error === 'value' ? cf.ErrorCode.invalidValue : cf.ErrorCode.notAvailable;
  throw new cf.Error(code as never, answer.message);
}

/** For the preview workbook: what the cell shows and, for an error, the message on hover (as Excel's). */
export function previewResult(answer: LookupAnswer): { value: number | string; note?: string } {
  if ('value' in answer) return { value: answer.value };
  if (answer.error === 'forbidden') return { value: answer.message };
  return { value: errorText(answer.error), note: answer.message };
}
