// New-hire assessments at months 3, 6 and 12 after hire (三/六/十二个月考核, docs/rules.md, Activities and new-hire
// checkpoints): their dates and which of them fall due in a period, so the monthly review knows whom to
// assess.
import { daysInMonth, periodContains, periodEnd, type PeriodOptions } from '../period';
import type { Person } from '../schemas';

export const NEW_HIRE_CHECKPOINT_MONTHS: readonly number[] = [3, 6, 12];

/**
 * The date `months` calendar months after `iso`, the day kept where the month has it and otherwise
 * the month's last day (hired 2026-01-31 → 3 months on 2026-04-30).
 */
export function addMonthsToDate(iso: string, months: number): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  const serial = year * 12 + (month - 1) + months;
  const y = Math.floor(serial / 12);
  const m = (serial % 12) + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type NewHireCheckpoint = {
  /** Months after hire: 3, 6 or 12. */
  month: number;
  date: string;
  /** The checkpoint date lies in the period asked about. */
  due: boolean;
  /** The checkpoint date is on or before the period's last day. */
  reached: boolean;
};

export type NewHireCheckpoints = {
  personId: string;
  hireDate: string | null;
  checkpoints: NewHireCheckpoint[];
};

/**
 * A person's checkpoints relative to a period. Someone without a hire date has none; a checkpoint
 * after the person's exit date is neither due nor reached (there is no one left to assess).
 */
export function newHireCheckpoints(
  person: Person,
  period: string,
  opts?: PeriodOptions & { months?: readonly number[] },
): NewHireCheckpoints {
  const hireDate = person.hireDate ?? null;
  if (!hireDate) return { personId: person.id, hireDate: null, checkpoints: [] };
  const end = periodEnd(period, opts);
  const checkpoints = (opts?.months ?? NEW_HIRE_CHECKPOINT_MONTHS).map((month) => {
    const date = addMonthsToDate(hireDate, month);
    const employed = !person.exitDate || date <= person.exitDate;
    return {
      month,
      date,
      due: employed && periodContains(period, date, opts),
      reached: employed && date <= end,
    };
  });
  return { personId: person.id, hireDate, checkpoints };
}

/** Everyone with an assessment due in the period, with the checkpoints due (in roster order). */
export function checkpointsDue(
  people: readonly Person[],
  period: string,
  opts?: PeriodOptions & { months?: readonly number[] },
): { personId: string; month: number; date: string }[] {
  const out: { personId: string; month: number; date: string }[] = [];
  for (const person of people) {
    for (const c of newHireCheckpoints(person, period, opts).checkpoints) {
      if (c.due) out.push({ personId: person.id, month: c.month, date: c.date });
    }
  }
  return out;
}
