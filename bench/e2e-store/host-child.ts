// The host under test, in its own process (so its RSS is its own and the benchmark's client work does
// not run on its event loop): startHost from functions/src/host.ts with a temporary data folder and no
// demo. It answers a few IPC questions besides: a development token for a person, signed with this
// process's dev key (the way in before `PUT /api/org` has stored anyone the dev token route could
// name), and starting / stopping a CPU profile of this process (node:inspector) for finding out why.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { startHost } from '../../functions/src/host';
import { issueDevToken } from '../../functions/src/auth';

type Ask = { id: number } & (
  | { type: 'token'; personId: string; role: string }
  | { type: 'prof-start' }
  | { type: 'prof-stop'; file: string }
  | { type: 'stop' }
);

const host = await startHost({
  port: 0,
  httpsPort: false,
  dataDir: process.env.BENCH_DATA_DIR ?? null,
  loadDemo: false,
  loadDemoActuals: false,
  // Request errors (a 503's cause) always reach the benchmark's stderr; the banner with BENCH_HOST_LOG=1.
  log: process.env.BENCH_HOST_LOG === '1' ? true : 'errors',
});
let session: Session | undefined;

async function answer(ask: Ask): Promise<unknown> {
  switch (ask.type) {
    case 'token':
      return issueDevToken(ask.personId, { people: [{ id: ask.personId, unitId: '-', role: ask.role as 'admin' }] });
    case 'prof-start':
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      return null;
    case 'prof-stop': {
      const { profile } = await session!.post('Profiler.stop');
      writeFileSync(ask.file, JSON.stringify(profile));
      session!.disconnect();
      session = undefined;
      return null;
    }
    case 'stop':
      await host.close();
      process.exit(0);
  }
}

process.on('message', (ask: Ask) => {
  void answer(ask).then((value) => process.send!({ type: 'answer', id: ask.id, value }));
});
process.send!({ type: 'ready', url: host.url.replace('localhost', '127.0.0.1'), store: host.store });
