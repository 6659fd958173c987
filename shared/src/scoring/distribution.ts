// Forced-distribution limits (强制分布, e.g. S ≤ 10 %, S+A ≤ 30 %; docs/rules.md, Scores), checked over everyone
// scored and within each unit, and reported as warnings: the grades stand, a manager decides.
import { makeFinding, type Locale } from '../messages/index';
import type { Finding } from '../schemas';
import { roundHalfUp } from './round';
import type { GradeBand } from './settings';

const EVERYONE: Record<Locale, string> = { en: 'Everyone', 'zh-CN': '全体人员' };
const UNIT: Record<Locale, string> = { en: 'Unit {unitId}', 'zh-CN': '单位 {unitId}' };

/**
 * A finding for every limit exceeded: a key names one grade or several joined by `+` ("S+A"), its
 * value the largest share of people those grades may hold. A scope breaks a limit when
 * `count / people > limit`, so in a team of 5 a 10 % limit allows no S. Overall findings come first,
 * then units in order of first appearance.
 */
export function distributionFindings(
  graded: readonly { unitId: string; grade: string }[],
  limits: Readonly<Record<string, number>>,
  bands: readonly GradeBand[],
  locale: Locale = 'en',
): Finding[] {
  const findings: Finding[] = [];
  const known = new Set(bands.map((b) => b.grade));
  const rules = Object.entries(limits).map(([key, limit]) => ({
    key,
    limit,
    grades: new Set(key.split('+').map((g) => g.trim())),
  }));
  for (const rule of rules) {
    for (const grade of rule.grades) {
      if (!known.has(grade)) {
        findings.push(
          makeFinding(
            'grade.distribution-unknown',
            'warning',
            `scorecard.distribution.${rule.key}`,
            { grade },
            locale,
          ),
        );
      }
    }
  }
  const scopes = new Map<string | null, string[]>([[null, graded.map((g) => g.grade)]]);
  for (const g of graded) {
    const list = scopes.get(g.unitId);
    if (list) list.push(g.grade);
    else scopes.set(g.unitId, [g.grade]);
  }
  for (const [unitId, grades] of scopes) {
    // A unit that is the whole roster would only repeat the overall finding.
    if (unitId !== null && grades.length === graded.length) continue;
    for (const rule of rules) {
      let count = 0;
      for (const grade of grades) if (rule.grades.has(grade)) count++;
      if (grades.length === 0 || count <= rule.limit * grades.length + 1e-9) continue;
      const scope = unitId === null ? EVERYONE[locale] : UNIT[locale].replace('{unitId}', unitId);
      findings.push(
        makeFinding(
          'grade.distribution-exceeded',
          'warning',
          `scorecard.distribution.${rule.key}`,
          {
            scope,
            unitId,
            grades: rule.key,
            count,
            total: grades.length,
            share: roundHalfUp((count / grades.length) * 100, 2),
            limit: roundHalfUp(rule.limit * 100, 2),
          },
          locale,
        ),
      );
    }
  }
  return findings;
}
