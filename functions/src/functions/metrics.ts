// GET /api/metrics: the metric catalog (docs/rules.md, Metrics) for anyone signed in.
import { metricCatalog } from '@teamsheet/shared';
import { authenticate } from '../auth';
import { handler, json } from '../http';
import { route } from '../registry';

export const metrics = route({
  name: 'metrics',
  methods: ['GET'],
  route: 'metrics',
  handler: handler(async (request) => {
    await authenticate(request);
    return json({ metrics: Object.values(metricCatalog) }, 200, { 'cache-control': 'private, max-age=300' });
  }),
});
