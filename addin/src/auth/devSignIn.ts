// Sign-in against the local development issuer (`GET /api/dev/token`, only served when the API runs
// with TEAMSHEET_DEV_AUTH=1): pick a demo person, get a token signed for them.
import { signInFromToken, type SignIn } from './claims';
import { SignInError } from './errors';

/** A demo person offered by the dev issuer. */
export type DevPerson = { id: string; name?: string; role: string; unitId: string; unitName?: string };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

function devTokenUrl(apiBase: string, personId?: string): string {
  const base = `${apiBase.replace(/\/+$/, '')}/api/dev/token`;
  return personId === undefined ? base : `${base}?person=${encodeURIComponent(personId)}`;
}

async function getJson(url: string, fetchImpl: Fetch): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new SignInError(
      `Could not reach the Teamsheet API at ${url} (${String(error)}); check that it is running.`,
    );
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const detail = typeof body === 'object' && body !== null && 'detail' in body ? String(body.detail) : '';
    const why =
      response.status === 404 && !detail
        ? 'development sign-in is off on this API (start it with TEAMSHEET_DEV_AUTH=1)'
        : detail || response.statusText;
    throw new SignInError(`Development sign-in failed (${response.status}): ${why}`, response.status);
  }
  return body;
}

/** The demo people the dev issuer can sign tokens for. */
export async function devPeople(apiBase: string, fetchImpl: Fetch = fetch): Promise<DevPerson[]> {
  const body = await getJson(devTokenUrl(apiBase), fetchImpl);
  const people = typeof body === 'object' && body !== null && 'people' in body ? body.people : undefined;
  if (!Array.isArray(people)) throw new SignInError('The dev issuer answered without a list of people.');
  return people as DevPerson[];
}

/** Signs in as a demo person. */
export async function devSignIn(
  apiBase: string,
  personId: string,
  fetchImpl: Fetch = fetch,
): Promise<SignIn> {
  const body = await getJson(devTokenUrl(apiBase, personId), fetchImpl);
  const token = typeof body === 'object' && body !== null && 'token' in body ? body.token : undefined;
  if (typeof token !== 'string') throw new SignInError('The dev issuer answered without a token.');
  return signInFromToken(token);
}
