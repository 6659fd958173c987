import { describe, expect, it } from 'vitest';
import { demoOrg } from '@teamsheet/shared/demo';
import { allocate } from '../src/functions/allocate';
import { call, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();

async function post(body: unknown, headers: Record<string, string> = {}) {
  return call(allocate, {
    method: 'POST',
    path: 'allocate',
    token: await tokenFor('mgr-east-shanghai', demo),
    json: body,
    headers,
  });
}

describe('POST /api/allocate', () => {
  useFreshStore();

  it('splits 100 over weights 1, 1, 1 as 34, 33, 33 (largest remainder; the sum stays 100)', async () => {
    const res = await post({
      total: 100,
      basis: 'weights',
      parts: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 1 },
        { id: 'c', weight: 1 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      parts: [
        { id: 'a', value: 34 },
        { id: 'b', value: 33 },
        { id: 'c', value: 33 },
      ],
      findings: [],
    });
  });

  it('splits 1,000 by last year (600 : 300 : 100) to two decimals', async () => {
    const res = await post({
      total: 1000,
      precision: 2,
      basis: 'last_year',
      parts: [
        { id: 'rep-001', lastYear: 600 },
        { id: 'rep-002', lastYear: 300 },
        { id: 'rep-003', lastYear: 100 },
      ],
    });
    expect(res.json.parts.map((p: { value: number }) => p.value)).toEqual([600, 300, 100]);
  });

  it('falls back to even for a part without last year\u2019s data and says so in Chinese', async () => {
    const res = await post(
      {
        total: 90,
        basis: 'last_year',
        parts: [{ id: 'rep-001', lastYear: 10 }, { id: 'new-hire' }, { id: 'rep-003', lastYear: 20 }],
      },
      { 'accept-language': 'zh-CN' },
    );
    expect(res.status).toBe(200);
    expect(res.json.parts.reduce((s: number, p: { value: number }) => s + p.value, 0)).toBe(90);
    expect(res.json.findings.length).toBeGreaterThan(0);
    expect(res.json.findings[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses an unknown basis, no parts and a string total with 400 and their paths', async () => {
    const basis = await post({ total: 100, basis: 'gut_feeling', parts: [{ id: 'a' }] });
    expect(basis.status).toBe(400);
    expect(basis.json.errors.map((e: { path: string }) => e.path)).toEqual(['basis']);
    const none = await post({ total: 100, basis: 'even', parts: [] });
    expect(none.json.errors.map((e: { path: string }) => e.path)).toEqual(['parts']);
    const text = await post({ total: '100', basis: 'even', parts: [{ id: 'a' }] });
    expect(text.json.errors.map((e: { path: string }) => e.path)).toEqual(['total']);
  });

  it('refuses a caller who is not signed in with 401', async () => {
    const res = await call(allocate, {
      method: 'POST',
      path: 'allocate',
      json: { total: 1, basis: 'even', parts: [] },
    });
    expect(res.status).toBe(401);
  });
});
