// Sign-in against the local development issuer (`GET /api/dev/token`, only served when the API runs
// with TEAMSHEET_DEV_AUTH=1): pick a demo person, get a token signed for them.
import { ApiError, createApi, NetworkError } from '../api';
import { signInFromToken, type SignIn } from './claims';
import { SignInError } from './errors';

/** A demo person offered by the dev issuer. */
export type DevPerson = { id: string; name?: string; role: string; unitId: string; unitName?: string };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const DEV_TOKEN = '/api/dev/token';

/** GET of the dev issuer through the pane's API client (no token yet), failures said as sign-in errors. */
async function getJson(apiBase: string, query: string, fetchImpl: Fetch): Promise<unknown> {
  const api = createApi({ base: apiBase.replace(/\/+$/, ''), fetch: fetchImpl as typeof fetch });
  try {
    return await api.get<unknown>(`${DEV_TOKEN}${query}`);
  } catch (error) {
    if (error instanceof NetworkError)
      throw new SignInError(
        `Could not reach the Teamsheet API at ${error.url} (${String(error.cause)}); check that it is running.`,
        undefined,
        { key: 'signIn.why.unreachable', params: { url: error.url } },
      );
    if (!(error instanceof ApiError)) throw error;
    const detail = error.problem.detail ?? '';
    const off = error.status === 404 && !detail;
    const why = off
      ? 'development sign-in is off on this API (start it with TEAMSHEET_DEV_AUTH=1)'
      : detail || (error.problem.title ?? '');
    throw new SignInError(
      `Development sign-in failed (${error.status}): ${why}`,
      error.status,
      off
        ? { key: 'signIn.why.devOff' }
        : { key: 'signIn.why.devFailed', params: { status: error.status, why } },
    );
  }
}

/** The demo people the dev issuer can sign tokens for. */
export async function devPeople(apiBase: string, fetchImpl: Fetch = fetch): Promise<DevPerson[]> {
  const body = await getJson(apiBase, '', fetchImpl);
  const people = typeof body === 'object' && body !== null && 'people' in body ? body.people : undefined;
  if (!Array.isArray(people))
    throw new SignInError('The dev issuer answered without a list of people.', undefined, {
      key: 'signIn.why.devAnswer',
    });
  return people as DevPerson[];
}

/** Signs in as a demo person. */
export async function devSignIn(
  apiBase: string,
  personId: string,
  fetchImpl: Fetch = fetch,
): Promise<SignIn> {
  const body = await getJson(apiBase, `?person=${encodeURIComponent(personId)}`, fetchImpl);
  const token = typeof body === 'object' && body !== null && 'token' in body ? body.token : undefined;
  if (typeof token !== 'string')
    throw new SignInError('The dev issuer answered without a token.', undefined, {
      key: 'signIn.why.devAnswer',
    });
  return signInFromToken(token);
}
