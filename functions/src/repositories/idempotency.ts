// Idempotency-Key support for POST and PUT: the first answer to a key from a caller is stored, a
// repeat with the same body gets it back, a repeat with a different body is refused (422).
import { refusal } from '../refusal';
import { getStore } from '../store/client';
import { createImmutable, readOne } from '../store/docs';
import { contentHash } from '../store/hash';

export type StoredAnswer = { status: number; headers?: Record<string, string>; body?: string };

export type IdempotencyArgs = {
  tenantId: string;
  /** Who is calling (keys are per caller, so two people's keys never collide). */
  caller: string;
  /** The Idempotency-Key header; null or empty means "not idempotent", run as is. */
  key: string | null;
  /** What the request asks for (method, route, body), hashed to spot a reused key. */
  request: unknown;
  run: () => Promise<StoredAnswer>;
};

type IdempotencyDoc = {
  id: string;
  pk: string;
  type: 'idempotency';
  requestHash: string;
  answer: StoredAnswer;
  at: string;
};

/**
 * Runs `run` once per (caller, key). Answers of 5xx are not remembered, so a retry after a server
 * error runs again. Two concurrent first requests may both run; the writes they make are
 * append-only with deterministic ids, so the second one's write fails on its own (409/412).
 */
export async function idempotent(args: IdempotencyArgs): Promise<StoredAnswer & { replayed: boolean }> {
  if (!args.key) return { ...(await args.run()), replayed: false };
  if (args.key.length > 200)
    throw refusal('invalid', 'idempotency.key-too-long', {}, [
      { path: 'Idempotency-Key', message: 'at most 200 characters' },
    ]);
  const { containers } = await getStore();
  const pk = `${args.tenantId}|${args.caller}`;
  const id = `idem:${contentHash(args.key).slice(0, 40)}`;
  const requestHash = contentHash(args.request);
  const check = (doc: IdempotencyDoc) => {
    if (doc.requestHash !== requestHash) {
      throw refusal('unprocessable', 'idempotency.key-reused', { key: args.key }, [
        { path: 'Idempotency-Key', message: 'already used for a different request' },
      ]);
    }
    return { ...doc.answer, replayed: true };
  };
  const earlier = await readOne<IdempotencyDoc>(containers.idempotency, id, pk);
  if (earlier) return check(earlier);
  const answer = await args.run();
  if (answer.status >= 500) return { ...answer, replayed: false };
  const doc: IdempotencyDoc = {
    id,
    pk,
    type: 'idempotency',
    requestHash,
    answer,
    at: new Date().toISOString(),
  };
  const res = await createImmutable(containers.idempotency, doc);
  if (res.status === 'conflict') {
    const winner = await readOne<IdempotencyDoc>(containers.idempotency, id, pk);
    if (winner) return check(winner);
  }
  return { ...answer, replayed: false };
}
