// The activity upload of the Scores section (features/scores/scoreActions.ts): its Idempotency-Key
// belongs to the user's action, so two different uploads of the same size are two uploads (the old key
// was built from the period, the count and the length, and collided), while a retry of the same upload
// after a failed send carries the same key.
import { describe, expect, it } from 'vitest';
import { activitiesToRows } from '@teamsheet/shared';
import { createApi, WriteAttempt } from '../src/api';
import { createPreviewWorkbook, type CellValue } from '../src/office';
import { uploadActivities, type ScoresScope } from '../src/features/scores/scoreActions';
import { SHEETS, TABLES, scoresTranslator } from '../src/features/scores/sheets';

async function activitiesSheet(visits: number) {
  const workbook = createPreviewWorkbook([]);
  const { headers, rows } = activitiesToRows([
    { personId: 'rep-001', week: '2026-W10', weekStart: '2026-03-02', metric: 'visits', value: visits },
    { personId: 'rep-002', week: '2026-W10', weekStart: '2026-03-02', metric: 'visits', value: 20 },
  ]);
  await workbook.writeTable(SHEETS.activities, {
    name: TABLES.activities,
    headers,
    rows: rows as CellValue[][],
  });
  return workbook;
}

function uploads(down: () => boolean) {
  const sent: { key: string | undefined; body: string }[] = [];
  const api = createApi({
    base: '',
    fetch: async (_input, init = {}) => {
      sent.push({
        key: (init.headers as Record<string, string>)['idempotency-key'],
        body: String(init.body),
      });
      if (down()) throw new TypeError('fetch failed');
      return new Response(JSON.stringify({ count: 2, people: 2 }), { status: 201 });
    },
  });
  return { api, sent };
}

const scope = (workbook: ScoresScope['workbook'], api: ScoresScope['api']): ScoresScope => ({
  workbook,
  api,
  locale: 'en',
  period: '2026-Q1',
  unitId: 'east-shanghai',
  st: scoresTranslator('en'),
  org: { units: [], people: [] },
});

describe('activity upload', () => {
  it('gives two different uploads of the same size two keys', async () => {
    const { api, sent } = uploads(() => false);
    const attempt = new WriteAttempt();
    const first = await uploadActivities(scope(await activitiesSheet(12), api), attempt);
    await uploadActivities(scope(await activitiesSheet(13), api), attempt);
    expect(first).toMatchObject({ intent: 'success', key: 'scores.uploadDone', params: { count: 2 } });
    expect(sent).toHaveLength(2);
    expect(sent[0]!.body).not.toBe(sent[1]!.body);
    expect(sent[0]!.body.length).toBe(sent[1]!.body.length); // what the old key was made of
    expect(sent[0]!.key).toBeTruthy();
    expect(sent[1]!.key).not.toBe(sent[0]!.key);
  });

  it('retries an upload that never arrived with the same key', async () => {
    let down = true;
    const { api, sent } = uploads(() => down);
    const attempt = new WriteAttempt();
    const workbook = await activitiesSheet(12);
    await expect(uploadActivities(scope(workbook, api), attempt)).rejects.toThrow(/fetch failed/);
    down = false;
    await uploadActivities(scope(workbook, api), attempt);
    expect(sent.map((s) => s.key)).toEqual([sent[0]!.key, sent[0]!.key]);
  });
});
