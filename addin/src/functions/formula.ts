// Reading a typed Teamsheet formula — `=TEAMSHEET.PAYOUT("王芳","2026-03")`, English or zh-CN name —
// into the lookup cell it asks for, so the preview workbook can evaluate what Excel would. Arguments
// are literals: "text", numbers, TRUE/FALSE, and empty ones (`,,`); anything else is not ours to read.
import type { LookupArg, LookupCell } from '@teamsheet/shared';
import { functionIdOf } from './names';

/** The cell a formula asks for; undefined when the text is not a Teamsheet formula we can read. */
export function parseTeamsheetFormula(text: string): LookupCell | undefined {
  const m = /^\s*=\s*((?:TEAMSHEET\.)?[\p{L}_.]+)\s*\((.*)\)\s*$/iu.exec(text);
  if (!m || !/^TEAMSHEET\./i.test(m[1]!)) return undefined;
  const fn = functionIdOf(m[1]!);
  if (!fn) return undefined;
  const args = splitArgs(m[2]!);
  return args ? { fn, args } : undefined;
}

function splitArgs(body: string): LookupArg[] | undefined {
  const args: LookupArg[] = [];
  let i = 0;
  if (body.trim() === '') return args;
  for (;;) {
    while (body[i] === ' ') i++;
    let arg: LookupArg;
    if (body[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= body.length) return undefined;
        if (body[i] === '"') {
          if (body[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += body[i++];
      }
      arg = text;
    } else {
      const end = body.indexOf(',', i);
      const raw = (end < 0 ? body.slice(i) : body.slice(i, end)).trim();
      i = end < 0 ? body.length : end;
      if (raw === '') arg = null;
      else if (/^TRUE$/i.test(raw)) arg = true;
      else if (/^FALSE$/i.test(raw)) arg = false;
      else if (/^[-+]?\d+(\.\d+)?$/.test(raw)) arg = Number(raw);
      else return undefined;
    }
    args.push(arg);
    while (body[i] === ' ') i++;
    if (i >= body.length) return args;
    if (body[i] !== ',') return undefined;
    i++;
  }
}
