// The lookups client's way to the server: POST /api/lookups through the pane's one API client (bearer
// token, language), the answer's ETag kept, a 304 passed on as such.
import type { LookupResponse } from '@teamsheet/shared';
import { ApiError, type Api } from '../api';
import type { LookupTransport } from './lookupClient';

export function apiTransport(api: Api): LookupTransport {
  return async (body, ifNoneMatch) => {
    let etag: string | undefined;
    try {
      const answer = await api.post<LookupResponse>('/api/lookups', body, {
        ...(ifNoneMatch ? { headers: { 'if-none-match': ifNoneMatch } } : {}),
        onResponse: (r) => {
          etag = r.headers.get('etag') ?? undefined;
        },
      });
      return { status: 200, body: answer, ...(etag ? { etag } : {}) };
    } catch (error) {
      if (error instanceof ApiError && error.status === 304) return { status: 304 };
      throw error;
    }
  };
}
