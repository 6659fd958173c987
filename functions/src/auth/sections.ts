// Which sections of the task pane a caller's roles open (GET /api/me): each role its own jobs, the
// pane shows nothing else. The sections are the pane's tabs; the API's policy still decides every call.
import type { Role } from '@teamsheet/shared';

export const PANE_SECTIONS = ['plan', 'review', 'history', 'consolidate', 'scores', 'payouts'] as const;
export type PaneSection = (typeof PANE_SECTIONS)[number];

const BY_ROLE: Record<Role, readonly PaneSection[]> = {
  // A manager plans their team, reads its versions, scores it and previews its pay.
  manager: ['plan', 'history', 'scores', 'payouts'],
  // A regional head does the same for the region, reviews the teams' plans and consolidates them.
  regional_head: ['plan', 'review', 'history', 'consolidate', 'scores', 'payouts'],
  // Finance pays: payout runs, and the scores pay depends on.
  finance: ['payouts', 'scores'],
  admin: PANE_SECTIONS,
  // A rep's own statement is not in the pane yet (issue 11): no section opens for a rep today.
  rep: [],
};

/** The sections for every role held, in the pane's order. */
export function sectionsFor(roles: readonly Role[]): PaneSection[] {
  const open = new Set(roles.flatMap((r) => BY_ROLE[r] ?? []));
  return PANE_SECTIONS.filter((s) => open.has(s));
}
