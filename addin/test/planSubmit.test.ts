// Submitting a plan from the sheets (features/plan/planWorkflow.ts) against an API that answers as the
// server does: a new version stamped on the sheet, a stale base with what changed, a refusal with its
// findings painted, and a failed send whose retry carries the same Idempotency-Key.
import { describe, expect, it } from 'vitest';
import type { Finding } from '@teamsheet/shared';
import { createApi, NetworkError, WriteAttempt } from '../src/api';
import { createPreviewWorkbook, type PreviewWorkbook } from '../src/office';
import { SEVERITY_FILL, insertTemplates, readStamp } from '../src/features/plan/planSheets';
import { submitPlan } from '../src/features/plan/planWorkflow';

type Call = { method: string; url: string; headers: Record<string, string> };
type Answer = { status: number; body?: unknown } | 'network-down';

/** The pane's own client over a fetch that answers each call from `answer`, recording every call. */
function server(answer: (call: Call) => Answer) {
  const calls: Call[] = [];
  const api = createApi({
    base: 'http://host',
    fetch: async (input, init = {}) => {
      const call = {
        method: init.method ?? 'GET',
        url: String(input),
        headers: init.headers as Record<string, string>,
      };
      calls.push(call);
      const a = answer(call);
      if (a === 'network-down') throw new TypeError('fetch failed');
      const type = a.status >= 400 ? 'application/problem+json' : 'application/json';
      return new Response(JSON.stringify(a.body ?? {}), {
        status: a.status,
        headers: { 'content-type': type },
      });
    },
  });
  return { api, calls };
}

const unitId = 'east-shanghai';
const summary = { errors: 0, warnings: 0, infos: 0 };

async function sheetsBasedOn(baseVersion: number): Promise<PreviewWorkbook> {
  const wb = createPreviewWorkbook([]);
  await insertTemplates(wb, {
    unitId,
    year: 2026,
    owners: [unitId, 'rep-1'],
    metrics: ['revenue'],
    locale: 'en',
    baseVersion,
  });
  await wb.writeRange('Targets', 'C3:O3', [[1200, ...Array<number>(12).fill(100)]]);
  return wb;
}

describe('submitting a plan from the sheets', () => {
  it('stores a new version on top of the sheet’s base and stamps the sheet with it', async () => {
    const wb = await sheetsBasedOn(0);
    const { api, calls } = server(() => ({ status: 201, body: { version: 1, summary, findings: [] } }));
    const outcome = await submitPlan(wb, api, { locale: 'en', attempt: new WriteAttempt(() => 'key-1') });
    expect(outcome).toMatchObject({ status: 'stored', version: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'PUT', url: 'http://host/api/plans/east-shanghai/2026' });
    expect(calls[0]!.headers['if-match']).toBe('"0"');
    expect(calls[0]!.headers['idempotency-key']).toBe('key-1');
    expect((await readStamp(wb, 'en'))?.baseVersion).toBe(1);
  });

  it('on a stale base (412) fetches what changed between the base and the current version, storing nothing', async () => {
    const wb = await sheetsBasedOn(1);
    const change = {
      kind: 'changed',
      key: { owner: unitId, metric: 'revenue', period: '2026-06' },
      before: 100,
      after: 120,
    };
    const { api, calls } = server((c) =>
      c.method === 'PUT'
        ? { status: 412, body: { title: 'Stale', currentVersion: 2 } }
        : { status: 200, body: [change] },
    );
    const outcome = await submitPlan(wb, api, { locale: 'en', attempt: new WriteAttempt() });
    expect(outcome).toEqual({ status: 'stale', conflict: { base: 1, current: 2, changes: [change] } });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'PUT http://host/api/plans/east-shanghai/2026',
      'GET http://host/api/plans/east-shanghai/2026/diff?from=1&to=2',
    ]);
    expect((await readStamp(wb, 'en'))?.baseVersion).toBe(1);
  });

  it('on a refusal with findings (422) paints them and counts the errors', async () => {
    const wb = await sheetsBasedOn(0);
    const findings: Finding[] = [
      {
        rule: 'timebound.months-missing',
        severity: 'error',
        path: 'targets[0]',
        message: 'March is missing',
      },
    ];
    const { api } = server(() => ({ status: 422, body: { title: 'Invalid plan', findings } }));
    const outcome = await submitPlan(wb, api, { locale: 'en', attempt: new WriteAttempt() });
    expect(outcome).toMatchObject({ status: 'rejected', errors: 1 });
    const painted = [...wb.sheet('Targets')!.cells.values()].filter((c) => c.fill === SEVERITY_FILL.error);
    expect(painted.length).toBeGreaterThan(0);
  });

  it('retries a send that never arrived with the same key, and sends a changed plan with a new one', async () => {
    const wb = await sheetsBasedOn(0);
    let down = true;
    const { api, calls } = server(() =>
      down ? 'network-down' : { status: 201, body: { version: 1, summary } },
    );
    let n = 0;
    const attempt = new WriteAttempt(() => `key-${++n}`);
    await expect(submitPlan(wb, api, { locale: 'en', attempt })).rejects.toBeInstanceOf(NetworkError);
    await expect(submitPlan(wb, api, { locale: 'en', attempt })).rejects.toBeInstanceOf(NetworkError);
    await wb.writeRange('Targets', 'D3', [[110]]); // the manager changes January meanwhile
    down = false;
    await submitPlan(wb, api, { locale: 'en', attempt });
    expect(calls.map((c) => c.headers['idempotency-key'])).toEqual(['key-1', 'key-1', 'key-2']);
  });
});
