// Scorecards (docs/rules.md, Scores) for a whole roster: item ratios and curve points, weighted KPI score,
// 360 rating score, deductions, final score, grade, rank within unit and forced-distribution checks.
import { makeFinding, type Locale, type MessageParams } from '../messages/index';
import { getMetric } from '../metrics';
import type { PeriodOptions } from '../period';
import type { Finding, ScoreRequest, ScoreResult, Severity } from '../schemas';
import { compileCurve, itemRatio } from './curves';
import { distributionFindings } from './distribution';
import { competitionRanks, gradeFor, sortGradeBands } from './grades';
import { RATER_GROUP_LABELS, RatingScorer, resolveRatingSettings } from './ratings';
import { roundHalfUp } from './round';
import { collectPeriodValues, periodLevels } from './rows';
import { SCORE_EPSILON } from './settings';

export type ScoreOptions = PeriodOptions & { locale?: Locale };

type ScorePerson = ScoreResult['people'][number];

const UNKNOWN_PERSON_SOURCES = {
  deductions: { en: 'A deduction', 'zh-CN': '扣分记录' },
  ratings: { en: 'A rating', 'zh-CN': '评价记录' },
} as const;

/**
 * Rows bucketed by person once (a counting sort of their positions): person slot s owns
 * `order[start[s]] … order[start[s + 1] − 1]`. `unknown` holds the first row of each unknown person.
 */
function bucketByPerson(
  rows: readonly { personId: string }[],
  personSlot: ReadonlyMap<string, number>,
  slots: number,
): { start: Int32Array; order: Int32Array; unknown: number[] } {
  const start = new Int32Array(slots + 1);
  const owners = new Int32Array(rows.length);
  const unknown: number[] = [];
  const seenUnknown = new Set<string>();
  rows.forEach((row, k) => {
    const owner = personSlot.get(row.personId) ?? -1;
    owners[k] = owner;
    if (owner >= 0) start[owner + 1]! += 1;
    else if (!seenUnknown.has(row.personId)) {
      seenUnknown.add(row.personId);
      unknown.push(k);
    }
  });
  for (let i = 0; i < slots; i++) start[i + 1]! += start[i]!;
  const order = new Int32Array(start[slots]!);
  const next = start.slice(0, slots);
  owners.forEach((owner, k) => {
    if (owner >= 0) order[next[owner]!++] = k;
  });
  return { start, order, unknown };
}

/** Competition ranks by final score among the people of each unit. */
function rankWithinUnits(people: readonly { unitId: string }[], finals: readonly number[]): number[] {
  const ranks = new Array<number>(people.length);
  const members = new Map<string, number[]>();
  people.forEach((person, i) => {
    const list = members.get(person.unitId);
    if (list) list.push(i);
    else members.set(person.unitId, [i]);
  });
  for (const list of members.values()) {
    const unitRanks = competitionRanks(list.map((i) => finals[i] as number));
    list.forEach((index, i) => {
      ranks[index] = unitRanks[i] as number;
    });
  }
  return ranks;
}

/**
 * Scores every person of the request. Numbers are computed at full precision and reported rounded
 * half-up (scores to 2 decimals, ratios to 4); grades and ranks use the unrounded final.
 */
export function computeScores(request: ScoreRequest, options: ScoreOptions = {}): ScoreResult {
  const locale = options.locale ?? 'en';
  const findings: Finding[] = [];
  const add = (rule: string, severity: Severity, path: string, params: MessageParams) =>
    findings.push(makeFinding(rule, severity, path, params, locale));
  const { scorecard, period } = request;

  const items = scorecard.items.map((item) => ({
    ...item,
    direction: item.direction ?? getMetric(item.metric)?.direction ?? 'higher',
    compiled: compileCurve(item.curve),
  }));
  const weightSum = items.reduce((s, item) => s + item.weight, 0);
  if (!(weightSum > 0)) add('score.weights-zero', 'error', 'scorecard.items', { sum: weightSum });
  else if (Math.abs(weightSum - 100) > SCORE_EPSILON)
    add('score.weights-sum', 'info', 'scorecard.items', { sum: weightSum });

  // Slots person × item, so that each row is filed once and each look-up is an array index.
  const personSlot = new Map<string, number>();
  const ownSlot = new Int32Array(request.people.length);
  request.people.forEach((person, i) => {
    const first = personSlot.get(person.id);
    if (first === undefined) personSlot.set(person.id, i);
    ownSlot[i] = first ?? i;
  });
  // A metric scored by two items files its rows under the first; the second reads the same slot.
  const metricSlot = new Map<string, number>();
  items.forEach((item, i) => {
    if (!metricSlot.has(item.metric)) metricSlot.set(item.metric, i);
  });
  const itemSlot = items.map((item) => metricSlot.get(item.metric) as number);
  const itemCount = items.length;
  const size = request.people.length * itemCount;
  const slotOf = (owner: string, metric: string): number => {
    const p = personSlot.get(owner);
    const m = metricSlot.get(metric);
    return p === undefined || m === undefined ? -1 : p * itemCount + m;
  };
  const levels = periodLevels(period, options);
  const targets = collectPeriodValues(request.targets, levels, size, slotOf);
  const actuals = collectPeriodValues(request.actuals, levels, size, slotOf);

  const settings = resolveRatingSettings(scorecard.ratings);
  const scorer = new RatingScorer(settings);
  const ratings = request.ratings ?? [];
  const anyRatings = ratings.length > 0;
  const rated = bucketByPerson(ratings, personSlot, request.people.length);
  for (const k of rated.unknown) {
    add('score.unknown-person', 'warning', `ratings[${k}].personId`, {
      what: UNKNOWN_PERSON_SOURCES.ratings[locale],
      personId: ratings[k]!.personId,
    });
  }

  const deductionsBySlot = new Float64Array(request.people.length);
  (request.deductions ?? []).forEach((d, i) => {
    const owner = personSlot.get(d.personId);
    if (owner === undefined) {
      add('score.unknown-person', 'warning', `deductions[${i}].personId`, {
        what: UNKNOWN_PERSON_SOURCES.deductions[locale],
        personId: d.personId,
      });
    } else deductionsBySlot[owner]! += d.points;
  });

  const bands = sortGradeBands(scorecard.grades);
  const finals: number[] = [];
  const people: ScorePerson[] = request.people.map((person, p) => {
    let weighted = 0;
    const owner = ownSlot[p] as number;
    const personBase = owner * itemCount;
    const itemResults: ScorePerson['items'] = new Array(itemCount);
    for (let i = 0; i < itemCount; i++) {
      const item = items[i]!;
      const slot = personBase + (itemSlot[i] as number);
      const target = targets.value(slot, item.metric);
      const actual = actuals.value(slot, item.metric);
      let ratio: number | null = null;
      if (target === null || actual === null) {
        const rule = target === null ? 'score.no-target' : 'score.no-actual';
        add(rule, 'warning', `people[${p}]`, {
          personId: person.id,
          metric: item.metric,
          item: item.id,
          period,
        });
      } else {
        ratio = itemRatio(actual, target, item.direction, item.compiled.bestRatio);
        if (ratio === null) {
          add('score.zero-target', 'warning', `targets[${targets.rowIndex(slot)}].value`, {
            personId: person.id,
            metric: item.metric,
            item: item.id,
            period,
            target,
          });
        }
      }
      const score = ratio === null ? 0 : item.compiled.score(ratio);
      weighted += item.weight * score;
      itemResults[i] = {
        id: item.id,
        actual,
        target,
        ratio: ratio === null ? null : roundHalfUp(ratio, 4),
        score: roundHalfUp(score, 2),
      };
    }
    const kpiScore = weightSum > 0 ? weighted / weightSum : 0;

    const deductions = deductionsBySlot[owner] as number;
    const from = rated.start[owner] as number;
    const to = rated.start[owner + 1] as number;
    let rating: number | null = null;
    if (to > from) {
      rating = scorer.score(ratings, rated.order, from, to);
      if (scorer.dropped.length > 0) {
        for (const g of scorer.groups()) {
          if (!g.dropped) continue;
          add('rating.group-dropped', 'warning', `people[${p}]`, {
            personId: person.id,
            group: g.group,
            groupLabel: RATER_GROUP_LABELS[g.group][locale],
            raters: g.raters,
            min: g.minRaters,
          });
        }
      }
    }
    const blended = rating !== null && settings.share > 0;
    if (!blended && anyRatings && settings.share > 0) {
      add('rating.none', 'info', `people[${p}]`, {
        personId: person.id,
        kpiScore: roundHalfUp(kpiScore, 2),
        deductions,
      });
    }
    const base = blended ? (1 - settings.share) * kpiScore + settings.share * (rating as number) : kpiScore;
    const final = Math.max(0, base - deductions);
    finals.push(final);
    const out: ScorePerson = {
      personId: person.id,
      items: itemResults,
      kpiScore: roundHalfUp(kpiScore, 2),
      final: roundHalfUp(final, 2),
      grade: gradeFor(final, bands),
      rank: 0,
    };
    if (rating !== null) out.ratingScore = roundHalfUp(rating, 2);
    return out;
  });

  rankWithinUnits(request.people, finals).forEach((rank, i) => {
    people[i]!.rank = rank;
  });

  if (scorecard.distribution) {
    const graded = request.people.map((person, i) => ({ unitId: person.unitId, grade: people[i]!.grade }));
    findings.push(...distributionFindings(graded, scorecard.distribution, bands, locale));
  }
  return { people, findings };
}
