import { describe, expect, it } from 'vitest';
import { contractSchemas } from '@teamsheet/shared';
import { openapi } from '../src/functions/openapi';
import { call } from './helpers';
import '../src/main';
import { routes } from '../src/registry';

describe('GET /api/openapi.json', () => {
  it('publishes an OpenAPI 3.1 document with every contract schema as a component', async () => {
    const res = await call(openapi, { path: 'openapi.json' });
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    const names = Object.keys(res.json.components.schemas);
    for (const name of Object.keys(contractSchemas)) expect(names).toContain(name);
    expect(res.json.components.schemas.Target.required).toEqual(
      expect.arrayContaining(['owner', 'metric', 'period', 'value']),
    );
    expect(res.json.components.schemas.Person.properties.role.enum).toEqual([
      'rep',
      'manager',
      'regional_head',
      'finance',
      'admin',
    ]);
  });

  it('lists the routes of the contract table, and every $ref points at a component that exists', async () => {
    const doc = (await call(openapi, { path: 'openapi.json' })).json;
    expect(doc.paths['/plans/{unitId}/{period}'].put.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Plan',
    });
    expect(doc.paths['/payouts/preview'].post.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/PayoutResult',
    });
    expect(doc.paths['/health'].get.security).toEqual([]);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
  });

  it('documents every route the app registers (but the development token route), with its methods', async () => {
    const doc = (await call(openapi, { path: 'openapi.json' })).json;
    const registered = routes().filter((r) => !['dev/token', 'openapi.json'].includes(r.route));
    expect(registered.length).toBeGreaterThanOrEqual(25);
    for (const r of registered)
      for (const method of r.methods)
        expect(doc.paths[`/${r.route}`]?.[method.toLowerCase()], `${method} /api/${r.route}`).toBeDefined();
  });
});
