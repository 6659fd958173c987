import { describe, expect, it } from 'vitest';
import type { Org } from '@teamsheet/shared';
import { org as orgRoute } from '../src/functions/org';
import { currentTenant, readLatestOrg } from '../src/repositories';
import { demoOrg } from '@teamsheet/shared/demo';
import { call, findDocs, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const latestVersion = async () => (await readLatestOrg(currentTenant()))?.version.version;

describe('GET and PUT /api/org', () => {
  useFreshStore();

  it('answers 404 with a hint before any organisation is stored', async () => {
    const res = await call(orgRoute, { path: 'org', token: await tokenFor('admin', demo) });
    expect(res.status).toBe(404);
    expect(res.json.detail).toContain('PUT /api/org');
  });

  it('shows a team manager only their team and its people', async () => {
    await seedOrg(demo);
    const res = await call(orgRoute, { path: 'org', token: await tokenFor('mgr-east-shanghai', demo) });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"1\.[0-9a-f]{8}"$/);
    expect(res.json.units.map((u: { id: string }) => u.id)).toEqual(['east-shanghai']);
    const team = demo.people.filter((p) => p.unitId === 'east-shanghai').map((p) => p.id);
    expect(res.json.people.map((p: { id: string }) => p.id).sort()).toEqual(team.sort());
  });

  it('shows a regional head their region and its four teams, and finance everything', async () => {
    const head = await call(orgRoute, { path: 'org', token: await tokenFor('head-north', demo) });
    expect(head.json.units.map((u: { id: string }) => u.id).sort()).toEqual([
      'north',
      'north-beijing',
      'north-jinan',
      'north-shijiazhuang',
      'north-tianjin',
    ]);
    expect(head.json.people.every((p: { unitId: string }) => p.unitId.startsWith('north'))).toBe(true);
    const finance = await call(orgRoute, { path: 'org', token: await tokenFor('finance-1', demo) });
    expect(finance.json.units).toHaveLength(16);
    expect(finance.json.people).toHaveLength(demo.people.length);
  });

  it('lets the admin store a new version (201) and writes an audit entry with before and after hashes', async () => {
    const next: Org = {
      ...demo,
      units: demo.units.map((u) =>
        u.id === 'east-suzhou' ? { ...u, name: '苏州团队 Suzhou (renamed)' } : u,
      ),
    };
    const before = await readLatestOrg(currentTenant());
    const res = await call(orgRoute, {
      method: 'PUT',
      path: 'org',
      token: await tokenFor('admin', demo),
      json: next,
      headers: { 'if-match': '"1"' },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ version: 2, changed: true });
    expect(res.headers.get('etag')).toMatch(/^"2\.[0-9a-f]{8}"$/);
    const after = await readLatestOrg(currentTenant());
    expect(after?.version.org.units.find((u) => u.id === 'east-suzhou')?.name).toBe(
      '苏州团队 Suzhou (renamed)',
    );
    const audit = await findDocs<{ who: string; action: string; beforeHash: string; afterHash: string }>(
      'audit',
      { action: 'org.put', who: 'admin' },
    );
    expect(audit).toEqual([
      expect.objectContaining({ beforeHash: before?.version.hash, afterHash: after?.version.hash }),
    ]);
  });

  it('answers 200 and stores nothing when the same organisation is sent again', async () => {
    const current = await readLatestOrg(currentTenant());
    const res = await call(orgRoute, {
      method: 'PUT',
      path: 'org',
      token: await tokenFor('admin', demo),
      json: current!.version.org,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ version: 2, changed: false });
    expect(await latestVersion()).toBe(2);
  });

  it('refuses a stale If-Match with 412 naming the current version', async () => {
    const res = await call(orgRoute, {
      method: 'PUT',
      path: 'org',
      token: await tokenFor('admin', demo),
      json: demo,
      headers: { 'if-match': '"1"' },
    });
    expect(res.status).toBe(412);
    expect(res.json).toMatchObject({ currentVersion: 2 });
    expect(await latestVersion()).toBe(2);
  });

  it('refuses a manager with 403 and stores nothing', async () => {
    const res = await call(orgRoute, {
      method: 'PUT',
      path: 'org',
      token: await tokenFor('mgr-east-shanghai', demo),
      json: demo,
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await latestVersion()).toBe(2);
  });

  it('refuses a malformed organisation with 400 and the path of each wrong field, storing nothing', async () => {
    const bad = {
      units: demo.units,
      people: [
        { ...demo.people[0], role: 'boss' },
        { id: 'x', role: 'rep' },
      ],
    };
    const res = await call(orgRoute, {
      method: 'PUT',
      path: 'org',
      token: await tokenFor('admin', demo),
      json: bad,
    });
    expect(res.status).toBe(400);
    const paths = res.json.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('people[0].role');
    expect(paths).toContain('people[1].unitId');
    expect(await latestVersion()).toBe(2);
  });

  it('refuses a parent cycle with 422 pointing at the unit, storing nothing', async () => {
    const cyclic: Org = {
      ...demo,
      units: demo.units.map((u) => (u.id === 'acme' ? { ...u, parentId: 'east-shanghai' } : u)),
    };
    const res = await call(orgRoute, {
      method: 'PUT',
      path: 'org',
      token: await tokenFor('admin', demo),
      json: cyclic,
    });
    expect(res.status).toBe(422);
    expect(res.json.errors.length).toBeGreaterThan(0);
    expect(res.json.errors.some((e: { path: string }) => /^units\[\d+\]\.parentId$/.test(e.path))).toBe(true);
    expect(res.json.findings.every((f: { rule: string }) => typeof f.rule === 'string')).toBe(true);
    expect(await latestVersion()).toBe(2);
  });

  it('answers in Chinese when Accept-Language starts with zh', async () => {
    const res = await call(orgRoute, {
      method: 'PUT',
      path: 'org',
      token: await tokenFor('admin', demo),
      json: { units: 'none' },
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(res.status).toBe(400);
    expect(res.json.title).toBe('请求有误');
    expect(res.json.detail).toContain('字段有误');
  });

  it('refuses a body over the limit with 413 before parsing it', async () => {
    const res = await call(orgRoute, {
      method: 'PUT',
      path: 'org',
      token: await tokenFor('admin', demo),
      body: 'x'.repeat(32 * 1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
    expect(res.json.detail).toContain('at most 33,554,432 bytes (32 MiB)');
    expect(await latestVersion()).toBe(2);
  });
});
