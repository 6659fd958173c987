// GET /api/health: liveness for anyone, with whether the store answers (within two seconds), which
// adapter it is and where its data are (the embedded file, or the Cosmos DB account).
import { handler, json } from '../http';
import { route } from '../registry';
import { getStore, storeKind } from '../store';
import { appVersion } from '../version';

const STORE_PROBE_MS = 2000;

async function storeAnswers(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), STORE_PROBE_MS);
  });
  const probe = (async () => {
    const store = await getStore();
    await store.port.ping();
    return true;
  })().catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const health = route({
  name: 'health',
  methods: ['GET'],
  route: 'health',
  handler: handler(async () => {
    const storeOk = await storeAnswers();
    const where = await getStore().then(
      (s) => s.port.describe(),
      () => undefined,
    );
    return json({
      status: storeOk ? 'ok' : 'degraded',
      version: appVersion,
      store: storeKind(),
      storeOk,
      ...(where ? { adapter: where.adapter, location: where.location } : {}),
    });
  }),
});
