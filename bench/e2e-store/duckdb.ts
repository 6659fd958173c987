// DuckDB computing the run month's payouts end to end: a fresh in-memory database, the month's
// transactions loaded from a Parquet file (one row per transaction, credits as a list, exactly what was
// uploaded through the API) with the people (org, quotas from the plans, visits) from another, then one
// SQL — bench/payout-duckdb.ts's, adapted to string ids and nested credits — and its rows returned.
// Writing the Parquet files is preparation, not timed.
import { DuckDBInstance } from '@duckdb/node-api';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { CompPlan } from '@teamsheet/shared';
import { transactionJson, type MonthData } from './data';

type Of<T extends CompPlan['components'][number]['type']> = Extract<CompPlan['components'][number], { type: T }>;

function scaled(value: number, decimals: number): bigint {
  const [whole = '0', fraction = ''] = String(value).split('.');
  if (fraction.length > decimals) throw new Error(`${value} has more than ${decimals} decimals`);
  return BigInt(whole + fraction.padEnd(decimals, '0'));
}
const decimalsOf = (values: number[]) => Math.max(0, ...values.map((v) => (String(v).split('.')[1] ?? '').length));

async function writeLines(file: string, count: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < count; i++) if (!out.write(line(i) + '\n')) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Writes tx.parquet and people.parquet (through JSON lines, DuckDB's own COPY); returns their paths. */
export async function writeParquet(
  dir: string,
  d: MonthData,
  people: Record<string, unknown>[],
): Promise<{ transactions: string; people: string }> {
  const txJson = `${dir}/tx.ndjson`;
  const peopleJson = `${dir}/people.ndjson`;
  await writeLines(txJson, d.count, (i) => transactionJson(d, i));
  await writeLines(peopleJson, people.length, (i) => JSON.stringify(people[i]));
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const transactions = `${dir}/tx.parquet`;
  const peopleFile = `${dir}/people.parquet`;
  await c.run(`COPY (
    SELECT id, date, amount, customerId AS customer_id, coalesce(isNewCustomer, false) AS is_new,
           list_transform(credits, c -> {'person_id': c.personId, 'share': c.share}) AS credits
    FROM read_json('${txJson}', format = 'newline_delimited', columns = {
      id: 'VARCHAR', date: 'DATE', amount: 'DECIMAL(18,2)', customerId: 'VARCHAR', isNewCustomer: 'BOOLEAN',
      credits: 'STRUCT(personId VARCHAR, share DECIMAL(9,6))[]'})
  ) TO '${transactions}' (FORMAT parquet)`);
  await c.run(`COPY (
    SELECT * FROM read_json('${peopleJson}', format = 'newline_delimited', columns = {
      person_id: 'VARCHAR', manager_id: 'VARCHAR', role: 'VARCHAR', hire_date: 'DATE', exit_date: 'DATE',
      quota: 'DECIMAL(18,2)', visits: 'INTEGER'})
  ) TO '${peopleFile}' (FORMAT parquet)`);
  c.closeSync();
  instance.closeSync();
  return { transactions, people: peopleFile };
}

/**
 * The SQL over tables `tx` and `people` for the month `period` of `days` days. Every amount is an
 * integer on a common denominator (as bench/payout-duckdb.ts explains), shares at `shareScale` units.
 */
export function e2eSql(plan: CompPlan, period: string, days: number, shareScale: number): string {
  const commission = plan.components.find((c): c is Of<'commission'> => c.type === 'commission');
  const spiff = plan.components.find((c): c is Of<'spiff'> => c.type === 'spiff');
  const override = plan.components.find((c): c is Of<'override'> => c.type === 'override');
  if (!commission || commission.mode !== 'marginal' || !spiff || !override || !override.gate)
    throw new Error('the DuckDB query is written for marginal commission, SPIFF and a gated override');
  const S10 = BigInt(shareScale);
  const D = BigInt(days);
  const bounds = commission.tiers.flatMap((t) => [t.from, ...(t.to == null ? [] : [t.to])]);
  const B = decimalsOf([...bounds, commission.capAttainment ?? 0]);
  const R = decimalsOf(commission.tiers.map((t) => t.rate));
  const den = S10 * D * 10n ** BigInt(B) * 10n ** BigInt(R);
  const c = `(units * ${D * 10n ** BigInt(B)})`;
  const atBound = (b: number) => `(quota * days_employed * ${S10 * scaled(b, B)})`;
  const counted = commission.capAttainment === undefined ? c : `least(${c}, ${atBound(commission.capAttainment)})`;
  const slices = commission.tiers.map((t) => {
    const high = t.to == null ? 'counted' : `least(counted, ${atBound(t.to)})`;
    return `${scaled(t.rate, R)} * greatest(0, ${high} - ${atBound(t.from)})`;
  });
  const spiffMinor = scaled(spiff.amount, 2);
  const rateDecimals = decimalsOf([override.rate]);
  const overrideDen = S10 * 10n ** BigInt(rateDecimals);
  const minDecimals = decimalsOf([override.gate.min]);
  const start = `DATE '${period}-01'`;
  const end = `DATE '${period}-${String(days).padStart(2, '0')}'`;
  return `
WITH credit_rows AS (
  SELECT c.person_id AS person, CAST(amount * 100 AS BIGINT) AS amount,
         CAST(c.share * ${shareScale} AS BIGINT) AS share, customer_id AS customer, is_new
  FROM (SELECT amount, customer_id, is_new, unnest(credits) AS c FROM tx)
),
p AS (
  SELECT person_id AS person, manager_id AS manager, role, visits, CAST(quota * 100 AS BIGINT) AS quota,
         greatest(0, date_diff('day', greatest(coalesce(hire_date, ${start}), ${start}),
                                      least(coalesce(exit_date, ${end}), ${end})) + 1) AS days_employed
  FROM people
),
credit AS (
  SELECT person, sum(amount * share) AS units, sum(CASE WHEN is_new THEN share ELSE 0 END) AS spiff_units
  FROM credit_rows GROUP BY person
),
closed AS (
  SELECT p.manager, count(DISTINCT r.customer) AS customers
  FROM credit_rows r JOIN p ON p.person = r.person
  WHERE r.amount > 0 AND p.manager IS NOT NULL GROUP BY p.manager
),
team AS (
  SELECT p.manager, sum(coalesce(c.units, 0)) AS units
  FROM p LEFT JOIN credit c ON c.person = p.person
  WHERE p.manager IS NOT NULL GROUP BY p.manager
),
person AS (
  SELECT p.person, p.quota, p.days_employed, p.visits,
         coalesce(c.units, 0) AS units, coalesce(c.spiff_units, 0) AS spiff_units,
         t.units AS team_units, coalesce(k.customers, 0) AS closed_customers
  FROM p
  LEFT JOIN credit c ON c.person = p.person
  LEFT JOIN team t ON t.manager = p.person
  LEFT JOIN closed k ON k.manager = p.person
  WHERE p.role IN ('rep', 'manager', 'regional_head') AND p.days_employed > 0
),
lines AS (
  SELECT *,
    CASE WHEN quota IS NULL THEN NULL
         ELSE (2 * (${slices.join(' + ')}) + ${den}) // ${2n * den} END AS commission,
    CASE WHEN spiff_units > 0 THEN (2 * spiff_units * ${spiffMinor} + ${S10}) // ${2n * S10} END AS spiff,
    CASE WHEN team_units IS NULL THEN NULL
         WHEN visits * ${10n ** BigInt(minDecimals)} < ${scaled(override.gate.min, minDecimals)} * closed_customers THEN 0
         ELSE (2 * greatest(0, team_units) * ${scaled(override.rate, rateDecimals)} + ${overrideDen}) // ${2n * overrideDen}
    END AS override
  FROM (SELECT *, ${counted} AS counted FROM person)
)
SELECT person, commission, spiff, override,
       coalesce(commission, 0) + coalesce(spiff, 0) + coalesce(override, 0) AS total
FROM lines WHERE commission IS NOT NULL OR spiff IS NOT NULL OR override IS NOT NULL
ORDER BY person`;
}

export type DuckPayouts = Map<string, { commission: number | null; spiff: number | null; override: number | null; total: number }>;

/** The timed unit: fresh database, load both Parquet files, compute, return the rows as JS values. */
export async function duckDbEndToEnd(
  files: { transactions: string; people: string },
  sql: string,
): Promise<{ payouts: DuckPayouts; ms: { create: number; load: number; compute: number; total: number } }> {
  const t0 = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const t1 = performance.now();
  await c.run(`CREATE TABLE tx AS SELECT * FROM read_parquet('${files.transactions}')`);
  await c.run(`CREATE TABLE people AS SELECT * FROM read_parquet('${files.people}')`);
  const t2 = performance.now();
  const result = await c.run(sql);
  const cols = await result.getColumnsObjectJS();
  const t3 = performance.now();
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v as bigint));
  const payouts: DuckPayouts = new Map();
  const persons = cols.person as string[];
  persons.forEach((person, k) =>
    payouts.set(person, {
      commission: num(cols.commission![k]),
      spiff: num(cols.spiff![k]),
      override: num(cols.override![k]),
      total: num(cols.total![k])!,
    }),
  );
  c.closeSync();
  instance.closeSync();
  return { payouts, ms: { create: t1 - t0, load: t2 - t1, compute: t3 - t2, total: t3 - t0 } };
}
