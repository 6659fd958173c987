import { describe, expect, it } from 'vitest';
import type { Org } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { audit } from '../src/functions/audit';
import { org as orgRoute } from '../src/functions/org';
import { call, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();

describe('GET /api/audit', () => {
  useFreshStore();

  it("lists an entity's changes in order, with who and the before → after hashes", async () => {
    await seedOrg(demo);
    const renamed: Org = {
      ...demo,
      units: demo.units.map((u) => (u.id === 'east-suzhou' ? { ...u, name: 'Suzhou (renamed)' } : u)),
    };
    const put = await call(orgRoute, {
      method: 'PUT',
      path: 'org',
      token: await tokenFor('admin', demo),
      json: renamed,
      headers: { 'if-match': '"1"' },
    });
    expect(put.status).toBe(201);

    const res = await call(audit, {
      path: 'audit?entity=org:demo',
      token: await tokenFor('finance-1', demo),
    });
    expect(res.status).toBe(200);
    const entries = res.json.entries as { who: string; beforeHash: string | null; afterHash: string }[];
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const last = entries[entries.length - 1]!;
    const previous = entries[entries.length - 2]!;
    expect(last.who).toBe('admin');
    // The chain is unbroken: the last change starts from the state the one before left.
    expect(last.beforeHash).toBe(previous.afterHash);
    expect(last.afterHash).not.toBe(last.beforeHash);
  });

  it('refuses a manager (403) and asks for the entity (400 with the path)', async () => {
    const manager = await call(audit, {
      path: 'audit?entity=org:demo',
      token: await tokenFor('mgr-east-shanghai', demo),
    });
    expect(manager.status).toBe(403);
    const missing = await call(audit, { path: 'audit', token: await tokenFor('admin', demo) });
    expect(missing.status).toBe(400);
    expect(missing.json.errors[0].path).toBe('query.entity');
    expect(missing.json.code).toBe('audit.entity-required');
    const zh = await call(audit, {
      path: 'audit',
      token: await tokenFor('admin', demo),
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.json.errors[0].message).toBe('请指明要查看审计记录的对象，例如 ?entity=org:demo。');
  });
});
