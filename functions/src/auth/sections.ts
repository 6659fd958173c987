// Which sections of the task pane a caller's roles open (GET /api/me): each role its own jobs, the
// pane shows nothing else. The sections are the pane's tabs; the API's policy still decides every call.
import type { Role } from '@teamsheet/shared';

export const PANE_SECTIONS = [
  'plan',
  'review',
  'history',
  'consolidate',
  'scores',
  'payouts',
  // Issue 11: a person's own statement; finance's answers to the questions on statement lines.
  'statement',
  'questions',
] as const;
export type PaneSection = (typeof PANE_SECTIONS)[number];

const BY_ROLE: Record<Role, readonly PaneSection[]> = {
  // A manager plans their team, reads its versions, scores it and previews its pay.
  manager: ['plan', 'history', 'scores', 'payouts'],
  // A regional head does the same for the region, reviews the teams' plans and consolidates them.
  regional_head: ['plan', 'review', 'history', 'consolidate', 'scores', 'payouts'],
  // Finance pays: payout runs, the scores pay depends on, and the answers to questions on statements.
  finance: ['payouts', 'scores', 'questions'],
  // The admin runs the organisation's planning; statements are the person's, answers finance's.
  admin: ['plan', 'review', 'history', 'consolidate', 'scores', 'payouts'],
  // A rep reads their own statement and questions its lines.
  rep: ['statement'],
};

/** The sections for every role held, in the pane's order. */
export function sectionsFor(roles: readonly Role[]): PaneSection[] {
  const open = new Set(roles.flatMap((r) => BY_ROLE[r] ?? []));
  return PANE_SECTIONS.filter((s) => open.has(s));
}
