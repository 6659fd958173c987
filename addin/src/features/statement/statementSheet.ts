// The statement written to a sheet of its own: one row per line (its name, amount and how it was
// computed) and the total, through the workbook interface (addin/src/office), in the user's language.
import type { Locale, Translate } from '../../i18n';
import type { Workbook } from '../../office';
import { explainLine, lineLabel, type Statement } from './statement';

export async function writeStatementSheet(
  workbook: Workbook,
  statement: Extract<Statement, { lines: unknown }>,
  tr: Translate,
  locale: Locale,
): Promise<{ sheet: string; count: number }> {
  const sheet = tr('statement.sheet.name', { period: statement.period });
  const headers = [tr('statement.sheet.line'), tr('statement.sheet.amount'), tr('statement.sheet.explain')];
  const rows = statement.lines.map((line) => [
    lineLabel(line, tr, locale),
    Number(line.amount),
    explainLine(line, tr, locale, statement.currency).join(' → '),
  ]);
  rows.push([tr('statement.sheet.total'), Number(statement.total.amount), '']);
  await workbook.writeTable(sheet, {
    name: `Statement_${statement.period.replace('-', '_')}`,
    headers,
    rows,
    numberFormats: { [headers[1]!]: '#,##0.00' },
    freezeHeader: true,
  });
  await workbook.selectCell(sheet, 'A1');
  return { sheet, count: statement.lines.length };
}
