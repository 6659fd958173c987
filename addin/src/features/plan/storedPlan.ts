// The team's stored plan as the Plan section shows it: its versions with status, submitter, time and
// review (GET /api/plans/{unitId}/{period}/versions), its latest draft (…/draft), and the names the
// sheets show for owners.
import type { Plan, PlanCycleStatus, PlanReviewFacts, ValidationSummary } from '@teamsheet/shared';
import type { Api } from '../../api';
import type { OrgView } from '../org/org';
import { planPath } from './planWorkflow';

export type StoredVersion = {
  version: number;
  status: Exclude<PlanCycleStatus, 'not-started' | 'draft'>;
  author: string;
  /** The submitter's and reviewer's names as the server knows them (a head above is outside the team's view). */
  authorName?: string;
  createdAt: string;
  summary: ValidationSummary;
  review?: PlanReviewFacts & { byName?: string };
};

/** The stored versions of a unit's plan for a period, oldest first (none: an empty list). */
export function fetchStoredVersions(api: Api, unitId: string, period: string): Promise<StoredVersion[]> {
  return api.get<StoredVersion[]>(`${planPath(unitId, period)}/versions`);
}

/** The latest draft of a unit's plan: stored, not submitted; open until a version is submitted after it. */
export type StoredDraft = {
  draft: number;
  open: boolean;
  basedOn: number | null;
  author: string;
  authorName?: string;
  createdAt: string;
  summary: ValidationSummary;
  plan: Plan;
};

/** The latest draft of a unit's plan for a period, or null when none was saved. */
export async function fetchDraft(api: Api, unitId: string, period: string): Promise<StoredDraft | null> {
  const got = await api.get<StoredDraft | { draft: null }>(`${planPath(unitId, period)}/draft`);
  return got.draft === null ? null : (got as StoredDraft);
}

/** Every unit's and person's name by id, for the sheets and the pane. */
export function ownerNamesOf(org: OrgView | null): Map<string, string> {
  const names = new Map<string, string>();
  for (const u of org?.units ?? []) if (u.name) names.set(u.id, u.name);
  for (const p of org?.people ?? []) if (p.name) names.set(p.id, p.name);
  return names;
}
