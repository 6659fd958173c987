// The add-in's own API client over a fetch that answers like the host: one JSON answer, or a problem
// (application/problem+json from 400 on), recording every URL asked for.
import { createApi, type Api } from '../../src/api';

export function apiAnswering(status: number, body: unknown, seen: string[] = []): Api {
  return createApi({
    base: 'http://host',
    getToken: () => 'token-1',
    fetch: (input) => {
      seen.push(String(input));
      return Promise.resolve(
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
        }),
      );
    },
  });
}
