// The payout benchmark's DuckDB side: the fixture's credit rows and people loaded into an in-memory
// DuckDB (preloaded, not timed), and ONE SQL query computing the same payouts in exact integer
// arithmetic (credited, attainment, marginal commission over the plan's tiers with the attainment cap,
// SPIFF per new customer by credit share, override on the team's credit with the visits gate).
import { DuckDBInstance, type DuckDBConnection, type DuckDBMaterializedResult } from '@duckdb/node-api';
import type { PayoutFixture } from '@teamsheet/shared/fixtures';

type Plan = PayoutFixture['plan'];
type Of<T extends Plan['components'][number]['type']> = Extract<Plan['components'][number], { type: T }>;

/** A decimal as an integer over 10^decimals: "0.035" with 3 decimals → 35. */
function scaled(value: number, decimals: number): bigint {
  const [whole = '0', fraction = ''] = String(value).split('.');
  if (fraction.length > decimals) throw new Error(`${value} has more than ${decimals} decimals`);
  return BigInt(whole + fraction.padEnd(decimals, '0'));
}
const decimalsOf = (values: number[]) =>
  Math.max(0, ...values.map((v) => (String(v).split('.')[1] ?? '').length));

/**
 * The one SQL. Every amount is an integer on a common denominator, so the query decides every cent
 * exactly like the engine: credit C and prorated quota Q are both scaled by S = shareScale × days in
 * period × 10^(bound decimals), rates by R = 10^(rate decimals), and each line is rounded half-up once
 * (all lines of this plan are ≥ 0, so half-up is `(2N + den) // (2·den)`).
 */
export function payoutSql(fixture: PayoutFixture): string {
  const { plan, columns } = fixture;
  const commission = plan.components.find((c): c is Of<'commission'> => c.type === 'commission');
  const spiff = plan.components.find((c): c is Of<'spiff'> => c.type === 'spiff');
  const override = plan.components.find((c): c is Of<'override'> => c.type === 'override');
  if (!commission || commission.mode !== 'marginal' || !spiff || !override || !override.gate)
    throw new Error('the DuckDB query is written for marginal commission, SPIFF and a gated override');
  const shareScale = BigInt(columns.actuals.shareScale);
  const days = BigInt(columns.daysInPeriod);
  const bounds = commission.tiers.flatMap((t) => [t.from, ...(t.to == null ? [] : [t.to])]);
  const B = decimalsOf([...bounds, commission.capAttainment ?? 0]);
  const R = decimalsOf(commission.tiers.map((t) => t.rate));
  const S = shareScale * days * 10n ** BigInt(B);
  const den = S * 10n ** BigInt(R);
  // Credit scaled by S: units (minor × shareScale) × days × 10^B. A bound b × Q scaled by S:
  // quota × daysEmployed × shareScale × (b × 10^B), since Q = quota × daysEmployed / days.
  const c = `(units * ${days * 10n ** BigInt(B)})`;
  const atBound = (b: number) => `(quota * days_employed * ${shareScale * scaled(b, B)})`;
  const counted =
    commission.capAttainment === undefined ? c : `least(${c}, ${atBound(commission.capAttainment)})`;
  const slices = commission.tiers.map((t) => {
    const high = t.to == null ? 'counted' : `least(counted, ${atBound(t.to)})`;
    return `${scaled(t.rate, R)} * greatest(0, ${high} - ${atBound(t.from)})`;
  });
  const spiffMinor = scaled(spiff.amount, columns.scale);
  const rateDecimals = decimalsOf([override.rate]);
  const overrideDen = shareScale * 10n ** BigInt(rateDecimals);
  const minDecimals = decimalsOf([override.gate.min]);
  return `
WITH credit AS (
  SELECT person,
         sum(CAST(amount AS BIGINT) * share) AS units,
         sum(CASE WHEN is_new THEN share ELSE 0 END) AS spiff_units
  FROM credit_rows GROUP BY person
),
closed AS (
  SELECT p.manager, count(DISTINCT r.customer) AS customers
  FROM credit_rows r JOIN people p ON p.person = r.person
  WHERE r.amount > 0 AND p.manager >= 0 GROUP BY p.manager
),
team AS (
  SELECT p.manager, sum(coalesce(c.units, 0)) AS units
  FROM people p LEFT JOIN credit c ON c.person = p.person
  WHERE p.manager >= 0 GROUP BY p.manager
),
person AS (
  SELECT p.person, p.quota, p.days_employed, p.visits,
         coalesce(c.units, 0) AS units, coalesce(c.spiff_units, 0) AS spiff_units,
         t.units AS team_units, coalesce(k.customers, 0) AS closed_customers
  FROM people p
  LEFT JOIN credit c ON c.person = p.person
  LEFT JOIN team t ON t.manager = p.person
  LEFT JOIN closed k ON k.manager = p.person
),
lines AS (
  SELECT *,
    (2 * (${slices.join(' + ')}) + ${den}) // ${2n * den} AS commission,
    CASE WHEN spiff_units > 0 THEN (2 * spiff_units * ${spiffMinor} + ${shareScale}) // ${2n * shareScale} END AS spiff,
    CASE WHEN team_units IS NULL THEN NULL
         WHEN visits * ${10n ** BigInt(minDecimals)} < ${scaled(override.gate.min, minDecimals)} * closed_customers THEN 0
         ELSE (2 * greatest(0, team_units) * ${scaled(override.rate, rateDecimals)} + ${overrideDen}) // ${2n * overrideDen}
    END AS override
  FROM (SELECT *, ${counted} AS counted FROM person)
)
SELECT person,
       units / ${shareScale} AS credited_minor,
       ${c} / (quota * days_employed * ${shareScale * 10n ** BigInt(B)})::DOUBLE AS attainment,
       commission, spiff, override,
       commission + coalesce(spiff, 0) + coalesce(override, 0) AS total
FROM lines ORDER BY person`;
}

/** Load the fixture into a fresh in-memory DuckDB: one row per credit, one row per person. */
export async function loadDuckDb(fixture: PayoutFixture): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE credit_rows (person INTEGER, amount INTEGER, share INTEGER,
    customer INTEGER, is_new BOOLEAN)`);
  await connection.run(`CREATE TABLE people (person INTEGER, manager INTEGER, quota BIGINT,
    days_employed INTEGER, visits INTEGER)`);
  const { columns, transactions: tx } = fixture;
  const { actuals, people } = columns;
  const rows = await connection.createAppender('credit_rows');
  for (let t = 0; t < tx.count; t++) {
    const amount = tx.amountMinor[t]!;
    for (let r = tx.firstRow[t]!; r < tx.firstRow[t + 1]!; r++) {
      rows.appendInteger(actuals.person[r]!);
      rows.appendInteger(amount);
      rows.appendInteger(actuals.credit[r]! / amount);
      rows.appendInteger(actuals.customer[r]!);
      rows.appendBoolean(tx.isNew[t] === 1);
      rows.endRow();
    }
  }
  rows.closeSync();
  const quota = people.quotaMinor.get('revenue')!;
  const visits = people.activity.get('visits')!;
  const peopleRows = await connection.createAppender('people');
  for (let p = 0; p < people.count; p++) {
    peopleRows.appendInteger(p);
    peopleRows.appendInteger(people.teamManager[p]!);
    peopleRows.appendBigInt(BigInt(quota[p]!));
    peopleRows.appendInteger(people.daysEmployed[p]!);
    peopleRows.appendInteger(visits[p]!);
    peopleRows.endRow();
  }
  peopleRows.closeSync();
  return connection;
}

export type DuckDbPayouts = {
  person: Int32Array;
  commission: Float64Array;
  spiff: Float64Array;
  override: Float64Array;
  total: Float64Array;
};

/** The timed unit: run the query and materialise its result (10,000 rows) inside DuckDB. */
export async function runPayoutQuery(
  connection: DuckDBConnection,
  sql: string,
): Promise<DuckDBMaterializedResult> {
  return connection.run(sql);
}

/** Read the result's per-person line amounts into columns (NaN where the person has no such line). */
export async function readPayouts(result: DuckDBMaterializedResult): Promise<DuckDbPayouts> {
  const columns = await result.getColumnsObjectJS();
  const numbers = (name: string) =>
    Float64Array.from(columns[name] as (bigint | number | null)[], (v) => (v === null ? NaN : Number(v)));
  return {
    person: Int32Array.from(columns.person as number[]),
    commission: numbers('commission'),
    spiff: numbers('spiff'),
    override: numbers('override'),
    total: numbers('total'),
  };
}
