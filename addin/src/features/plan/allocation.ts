// The allocation panel's request: months of a row, or the people of a unit, split from a total by a
// basis through the core's allocate (the same code the server's /api/allocate runs, without the trip).
import {
  allocate,
  getMetric,
  monthsOf,
  type AllocateRequest,
  type AllocateResult,
  type AllocationBasis,
  type Locale,
} from '@teamsheet/shared';

export type BasisChoice = 'even' | 'last_year' | 'last_period' | 'weights' | 'blend';
export const basisChoices: readonly BasisChoice[] = ['even', 'last_year', 'last_period', 'weights', 'blend'];

/** The figures a basis reads per part: last year's, the previous period's, or a weight (index). */
export interface PartFigures {
  id: string;
  lastYear?: number;
  lastPeriod?: number;
  weight?: number;
}

export interface AllocationInput {
  total: number;
  basis: BasisChoice;
  /** For `blend`: the share of last year's figures; the rest goes by weights. */
  blendLastYearShare?: number;
  parts: PartFigures[];
  metric: string;
}

/** Decimals of a metric (currency 2, counts 0), the precision allocation rounds to. */
function precisionOf(metric: string): number {
  return getMetric(metric)?.precision ?? 0;
}

function basisOf(input: Pick<AllocationInput, 'basis' | 'blendLastYearShare'>): AllocationBasis {
  if (input.basis !== 'blend') return input.basis;
  const share = Math.min(1, Math.max(0, input.blendLastYearShare ?? 0.5));
  return {
    blend: [
      { basis: 'last_year', share },
      { basis: 'weights', share: Math.round((1 - share) * 1e9) / 1e9 },
    ],
  };
}

function allocationRequest(input: AllocationInput): AllocateRequest {
  return {
    total: input.total,
    precision: precisionOf(input.metric),
    basis: basisOf(input),
    parts: input.parts.map((p) => {
      const part: AllocateRequest['parts'][number] = { id: p.id };
      if (p.lastYear !== undefined) part.lastYear = p.lastYear;
      if (p.lastPeriod !== undefined) part.lastPeriod = p.lastPeriod;
      if (p.weight !== undefined) part.weight = p.weight;
      return part;
    }),
  };
}

/** Runs the core's allocation: parts that always sum exactly to the total, with fallback findings. */
export function runAllocation(input: AllocationInput, locale: Locale): AllocateResult {
  return allocate(allocationRequest(input), locale);
}

/** The months of a plan year as parts (ids are month ids, `2026-01` …). */
export function monthParts(year: number): PartFigures[] {
  return monthsOf(String(year)).map((id) => ({ id }));
}

/** Which figure columns a basis needs in the preview table. */
export function figuresFor(basis: BasisChoice): ('lastYear' | 'lastPeriod' | 'weight')[] {
  if (basis === 'last_year') return ['lastYear'];
  if (basis === 'last_period') return ['lastPeriod'];
  if (basis === 'weights') return ['weight'];
  if (basis === 'blend') return ['lastYear', 'weight'];
  return [];
}
