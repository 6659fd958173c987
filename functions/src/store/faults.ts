// Faults on purpose: a wrapper of the store port that fails chosen writes the way a real store fails
// (StoreUnavailableError, nothing of that call written), for the tests that prove a failed write is a
// 503 with nothing partial left behind. Never configured outside tests.
import { StoreUnavailableError, type Collection, type ContainerName, type StorePort } from './port';

export type WriteCall = {
  container: ContainerName;
  operation: 'create' | 'createAll' | 'replace';
  n: number;
};

/** Wraps `port` so that every write for which `fails(call)` is true throws before reaching the store. */
export function withWriteFaults(port: StorePort, fails: (call: WriteCall) => boolean): StorePort {
  let n = 0;
  const wrap = (c: Collection): Collection => {
    const check = (operation: WriteCall['operation']) => {
      const call = { container: c.name, operation, n: n++ };
      if (fails(call))
        throw new StoreUnavailableError(
          `${operation} in ${c.name}`,
          new Error(`injected fault at write ${call.n}`),
        );
    };
    return {
      name: c.name,
      read: (p, id) => c.read(p, id),
      query: (p, q) => c.query(p, q),
      create: async (p, doc) => (check('create'), c.create(p, doc)),
      createAll: async (p, docs) => (check('createAll'), c.createAll(p, docs)),
      replace: async (p, doc, etag) => (check('replace'), c.replace(p, doc, etag)),
    };
  };
  const collections = new Map<ContainerName, Collection>();
  return {
    kind: port.kind,
    describe: () => port.describe(),
    collection(name) {
      let c = collections.get(name);
      if (!c) collections.set(name, (c = wrap(port.collection(name))));
      return c;
    },
    ping: () => port.ping(),
    scan: (name) => port.scan(name),
    close: () => port.close(),
  };
}
