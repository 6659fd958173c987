import { describe, expect, it } from 'vitest';
import { contractSchemas } from '@teamsheet/shared';
import { openapi } from '../src/functions/openapi';
import { call } from './helpers';

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
    expect(Object.keys(doc.paths)).toHaveLength(20); // the 22 operations of the table on 20 paths
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
  });
});
