// Sales-force sizing by the workload method (工作量法, docs/rules.md, Analysis and sizing): the visits the
// customers need in a year over the visits one rep can make, rounded up, against the current headcount.
import { makeFinding, type Locale } from '../messages/index';
import type { Finding } from '../schemas';

export type CustomerClassLoad = { class: string; customers: number; visitsPerYear: number };

export type SizingInput = {
  classes: readonly CustomerClassLoad[];
  /** Working days a rep has for visits in the year (after leave, training and meetings). */
  workingDays: number;
  visitsPerDay: number;
  currentHeadcount?: number;
};

export type SizingResult = {
  byClass: (CustomerClassLoad & { visits: number })[];
  totalVisits: number;
  /** Visits one rep makes in a year: working days × visits per day. */
  capacityPerRep: number;
  /** totalVisits / capacityPerRep before rounding up; null without capacity. */
  exact: number | null;
  repsNeeded: number | null;
  currentHeadcount: number | null;
  /** repsNeeded − currentHeadcount: positive means hire, negative means over capacity. */
  gap: number | null;
  findings: Finding[];
};

/** `ceil(Σ customers × visits per year / (working days × visits per day))`, compared with the headcount. */
export function salesForceSize(input: SizingInput, options: { locale?: Locale } = {}): SizingResult {
  const byClass = input.classes.map((c) => ({ ...c, visits: c.customers * c.visitsPerYear }));
  const totalVisits = byClass.reduce((s, c) => s + c.visits, 0);
  const capacityPerRep = input.workingDays * input.visitsPerDay;
  const findings: Finding[] = [];
  let exact: number | null = null;
  let repsNeeded: number | null = null;
  if (capacityPerRep > 0) {
    exact = totalVisits / capacityPerRep;
    // A float quotient like 12.000000000000002 is 12 reps, not 13.
    repsNeeded = Math.max(0, Math.ceil(exact - 1e-9));
  } else {
    findings.push(
      makeFinding(
        'sizing.no-capacity',
        'error',
        input.workingDays > 0 ? 'visitsPerDay' : 'workingDays',
        { workingDays: input.workingDays, visitsPerDay: input.visitsPerDay, capacity: capacityPerRep },
        options.locale,
      ),
    );
  }
  const currentHeadcount = input.currentHeadcount ?? null;
  const gap = repsNeeded !== null && currentHeadcount !== null ? repsNeeded - currentHeadcount : null;
  return { byClass, totalVisits, capacityPerRep, exact, repsNeeded, currentHeadcount, gap, findings };
}
