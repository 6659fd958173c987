import { describe, expect, it } from 'vitest';
import { metrics } from '../src/functions/metrics';
import { demoOrg } from '@teamsheet/shared/demo';
import { call, seedOrg, tokenFor, useFreshStore } from './helpers';

describe('GET /api/metrics', () => {
  useFreshStore();
  const org = demoOrg();

  it('refuses a caller without a token with 401 problem+json and a Bearer challenge', async () => {
    const res = await call(metrics, { path: 'metrics' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(res.json).toMatchObject({ status: 401, errors: [] });
    expect(res.text).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('gives a signed-in rep the catalog, revenue included with both labels', async () => {
    await seedOrg(org);
    const res = await call(metrics, { path: 'metrics', token: await tokenFor('rep-001', org) });
    expect(res.status).toBe(200);
    const revenue = (res.json.metrics as { id: string; unit: string; label: Record<string, string> }[]).find(
      (m) => m.id === 'revenue',
    );
    expect(revenue).toMatchObject({
      unit: 'currency',
      label: { 'zh-CN': expect.stringContaining('销售额') },
    });
  });
});
