// The preview workbook's evaluator of Teamsheet formulas: a typed `=TEAMSHEET.…(…)` goes through the
// same LookupClient as in Excel (so a block written at once is one request), its answer shown as Excel
// would show it.
import type { FormulaEvaluator } from '../office/previewWorkbook';
import { previewResult } from './cellResult';
import { parseTeamsheetFormula } from './formula';
import type { LookupClient } from './lookupClient';

export function teamsheetFormulas(client: LookupClient): FormulaEvaluator {
  return (formula) => {
    const cell = parseTeamsheetFormula(formula);
    return cell ? client.lookup(cell).then(previewResult) : undefined;
  };
}
