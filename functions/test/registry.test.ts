import { describe, expect, it } from 'vitest';
import { matchRoutes, route, routes } from '../src/registry';
import { handler, json } from '../src/http';

const ok = handler(async () => json({}));
route({ name: 't-plan', methods: ['GET', 'PUT'], route: 't/plans/{unitId}/{period}', handler: ok });
route({ name: 't-validate', methods: ['POST'], route: 't/plans/validate/{period}', handler: ok });
route({
  name: 't-template',
  methods: ['GET'],
  route: 't/templates/{kind}.xlsx',
  handler: ok,
  maxBodyBytes: 10,
});

describe('the route table', () => {
  it('records each route with its body limit', () => {
    expect(routes().find((r) => r.name === 't-template')?.maxBodyBytes).toBe(10);
    expect(() => route({ name: 't-plan', methods: ['GET'], route: 'x', handler: ok })).toThrow(/twice/);
  });

  it('fills {params} from the path, decoded', () => {
    const [m] = matchRoutes('/t/plans/east%20team/2026-Q1');
    expect(m?.route.name).toBe('t-plan');
    expect(m?.params).toEqual({ unitId: 'east team', period: '2026-Q1' });
  });

  it('prefers literal segments over parameters', () => {
    expect(matchRoutes('/t/plans/validate/2026').map((m) => m.route.name)).toEqual(['t-validate', 't-plan']);
  });

  it('matches a parameter inside a segment ({kind}.xlsx) and nothing with extra segments', () => {
    expect(matchRoutes('/t/templates/targets.xlsx')[0]?.params).toEqual({ kind: 'targets' });
    expect(matchRoutes('/t/templates/targets.csv')).toEqual([]);
    expect(matchRoutes('/t/plans/a/b/c')).toEqual([]);
  });
});
