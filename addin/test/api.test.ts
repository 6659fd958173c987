// The API client: bearer token and language on every call, problem+json turned into readable
// messages with field paths, and unreachable servers told apart from refusals.
import { describe, expect, it } from 'vitest';
import { ApiError, createApi, NetworkError, WriteAttempt } from '../src/api';
import { describeError } from '../src/errors';
import { translator } from '../src/i18n';

function recordingFetch(respond: (url: string, init: RequestInit) => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string | URL | Request, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    return respond(String(url), init);
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const problem = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

describe('api client', () => {
  it('sends the bearer token, the language and a JSON body, and parses the JSON answer', async () => {
    const { calls, fetch } = recordingFetch(
      () =>
        new Response(JSON.stringify({ version: 3 }), {
          status: 201,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const api = createApi({ base: 'http://host/', getToken: () => 'tok-1', getLocale: () => 'zh-CN', fetch });
    const answer = await api.put<{ version: number }>(
      '/api/plans/t1/2026-Q1',
      { targets: [] },
      { headers: { 'if-match': '2' } },
    );
    expect(answer).toEqual({ version: 3 });
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe('http://host/api/plans/t1/2026-Q1');
    expect(init.method).toBe('PUT');
    const headers = init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer tok-1');
    expect(headers['accept-language']).toBe('zh-CN');
    expect(headers['if-match']).toBe('2');
    expect(headers['content-type']).toBe('application/json');
    expect(init.body).toBe('{"targets":[]}');
  });

  it('sends no authorization header when nobody is signed in', async () => {
    const { calls, fetch } = recordingFetch(() => new Response('{"status":"ok"}', { status: 200 }));
    await createApi({ base: '', getToken: () => null, fetch }).get('/api/health');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBeUndefined();
    expect(calls[0]!.url).toBe('/api/health');
  });

  it('turns a 422 problem+json into an ApiError whose lines name each field path', async () => {
    const { fetch } = recordingFetch(() =>
      problem(422, {
        title: 'Invalid plan',
        detail: 'The plan has 2 errors.',
        errors: [
          { path: 'targets[3].value', message: 'expected a finite number' },
          { path: 'goals[0].objective', message: 'an objective is required' },
        ],
      }),
    );
    const api = createApi({ base: '', fetch });
    const error = await api.post('/api/plans/validate', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.fieldLines).toEqual([
      'targets[3].value: expected a finite number',
      'goals[0].objective: an objective is required',
    ]);

    const shown = describeError(apiError, translator('en'));
    expect(shown).toEqual({
      title: 'The request failed (422)',
      detail: 'The plan has 2 errors.',
      action: 'Correct the fields listed below and try again.',
      fields: ['targets[3].value: expected a finite number', 'goals[0].objective: an objective is required'],
    });
    expect(describeError(apiError, translator('zh-CN')).action).toBe('请更正下列字段后重试。');
  });

  it('explains a stale version (412) and a server failure (503) with what to do', async () => {
    const api412 = createApi({
      base: '',
      fetch: recordingFetch(() =>
        problem(412, { title: 'Stale', detail: 'Version 4 exists; you based your changes on 3.' }),
      ).fetch,
    });
    const e412 = await api412.put('/api/plans/t1/2026', {}).catch((e: unknown) => e);
    expect(describeError(e412, translator('en')).action).toBe(
      'Someone saved a newer version. Reload it, then apply your changes again.',
    );
    expect(describeError(e412, translator('en')).detail).toBe(
      'Version 4 exists; you based your changes on 3.',
    );

    const api503 = createApi({
      base: '',
      fetch: recordingFetch(
        () => new Response('upstream down', { status: 503, statusText: 'Service Unavailable' }),
      ).fetch,
    });
    const e503 = (await api503.get('/api/org').catch((e: unknown) => e)) as ApiError;
    expect(e503.problem.detail).toBe('upstream down');
    expect(describeError(e503, translator('en')).action).toMatch(/^The service had a problem/);
  });

  it('reports an unreachable server as a network error, not as an HTTP status', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    const error = await createApi({ base: 'http://127.0.0.1:9', fetch })
      .get('/api/health')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    const shown = describeError(error, translator('zh-CN'));
    expect(shown.title).toBe('无法连接 Teamsheet 服务');
    expect(shown.detail).toBe('http://127.0.0.1:9/api/health: fetch failed');
  });
});

describe('api client: writes and files', () => {
  it('sends an Idempotency-Key only on the calls that carry one', async () => {
    const { calls, fetch } = recordingFetch(() => new Response('{}', { status: 201 }));
    const api = createApi({ base: '', fetch });
    await api.post('/api/activities', { period: '2026' }, { idempotencyKey: 'k-1' });
    await api.post('/api/plans/validate', { plan: {} });
    const keys = calls.map((c) => (c.init.headers as Record<string, string>)['idempotency-key']);
    expect(keys).toEqual(['k-1', undefined]);
  });

  it('downloads a file with its Content-Disposition name, and a problem+json refusal as an ApiError', async () => {
    let refuse = false;
    const { calls, fetch } = recordingFetch(() =>
      refuse
        ? problem(404, { title: 'No approved payout run for 2026-04', detail: 'Approve a run first.' })
        : new Response('a,b\n1,2\n', {
            status: 200,
            headers: {
              'content-type': 'text/csv',
              'content-disposition': 'attachment; filename="run-1.csv"',
            },
          }),
    );
    const api = createApi({ base: 'http://host', getToken: () => 'tok', getLocale: () => 'en', fetch });
    const file = await api.download('/api/periods/2026-03/payouts?format=csv');
    expect(file.fileName).toBe('run-1.csv');
    expect(await file.blob.text()).toBe('a,b\n1,2\n');
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect([headers.authorization, headers['accept-language']]).toEqual(['Bearer tok', 'en']);
    refuse = true;
    const error = (await api
      .download('/api/periods/2026-04/payouts?format=csv')
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.problem.detail]).toEqual([404, 'Approve a run first.']);
  });
});

describe('WriteAttempt: one Idempotency-Key per user action', () => {
  const counter = () => {
    let n = 0;
    return () => `key-${++n}`;
  };
  const fails = (error: unknown) => () => Promise.reject(error);

  it('keeps the key when the outcome is unknown (network, 5xx), so the retry cannot store twice', async () => {
    const attempt = new WriteAttempt(counter());
    const seen: string[] = [];
    const network = new NetworkError('/api/x', new TypeError('fetch failed'));
    await expect(attempt.send('body A', (k) => (seen.push(k), fails(network)()))).rejects.toBe(network);
    const down = new ApiError(503, { status: 503 }, '/api/x');
    await expect(attempt.send('body A', (k) => (seen.push(k), fails(down)()))).rejects.toBe(down);
    await attempt.send('body A', async (k) => seen.push(k));
    expect(seen).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('starts a fresh key after the server answered (success or refusal) and for a different body', async () => {
    const attempt = new WriteAttempt(counter());
    const seen: string[] = [];
    await attempt.send('body A', async (k) => seen.push(k));
    await attempt.send('body A', async (k) => seen.push(k)); // the same upload clicked again: a new action
    const stale = new ApiError(412, { status: 412 }, '/api/x');
    await expect(attempt.send('body A', (k) => (seen.push(k), fails(stale)()))).rejects.toBe(stale);
    await attempt.send('body A', async (k) => seen.push(k));
    expect(attempt.keyFor('body B')).toBe('key-5');
    expect(attempt.keyFor('body B')).toBe('key-5');
    expect(attempt.keyFor('body C')).toBe('key-6');
    expect(seen).toEqual(['key-1', 'key-2', 'key-3', 'key-4']);
  });
});
