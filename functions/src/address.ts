// The address of a request, read in one place: the period, unit and run of a route, a `?version=`
// and the version an `If-Match` names. Each refuses with 400 naming the parameter, in the caller's
// language. Version ETags name content as well as a number: `"3.1f2e9a0c"` is version 3 whose
// content hash starts 1f2e9a0c (docs/security.md, Versions and ETags).
import { parsePeriod, resolveLocale, type FieldError, type Locale } from '@teamsheet/shared';
import { Refusal, refusal } from './refusal';
import { serverText } from './messages';

type Params = Readonly<Record<string, string | undefined>>;

function invalid(locale: Locale, path: string, message: string): never {
  const errors: FieldError[] = [{ path, message }];
  throw refusal('invalid', 'http.address-invalid', { path, message }, errors);
}

/** The `{period}` (or another named parameter) of a route: a period id such as 2026, 2026-Q1, 2026-03. */
export function periodOf(locale: Locale, params: Params, name = 'period'): string {
  const value = params[name] ?? '';
  if (!parsePeriod(value)) invalid(locale, name, serverText(locale, 'address.period', { value }));
  return value;
}

const ID = /^[^/\\?#]{1,200}$/;

/** An id parameter of a route (unit, person, run): at most 200 characters, none of / \ ? #. */
export function idOf(locale: Locale, params: Params, name: string): string {
  const value = params[name] ?? '';
  if (!ID.test(value)) invalid(locale, name, serverText(locale, 'address.id', { name, value }));
  return value;
}

/** The `{unitId}` and `{period}` of a route, both checked: a refusal names every bad one. */
export function unitPeriodOf(locale: Locale, params: Params): { unitId: string; period: string } {
  const errors: FieldError[] = [];
  const read = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      errors.push(...e.errors);
      return undefined;
    }
  };
  const unitId = read(() => idOf(locale, params, 'unitId'));
  const period = read(() => periodOf(locale, params));
  if (errors.length > 0 || unitId === undefined || period === undefined)
    throw refusal(
      'invalid',
      'http.address-invalid',
      {
        path: errors.map((e) => e.path).join(', '),
        message: errors.map((e) => e.message).join('; '),
      },
      errors,
    );
  return { unitId, period };
}

/** A unit id sent in a body or query that is not a unit of the organisation in force: 400 naming `path`. */
export function unknownUnit(locale: Locale, unitId: string, path = 'unitId') {
  const message = serverText(locale, 'plan.unit-unknown', { unitId });
  return refusal('invalid', 'http.body-invalid', { count: 1 }, [{ path, message }]);
}

/** The unit and period of a plan address. */
export function planAddress(locale: Locale, params: Params): { unitId: string; period: string } {
  return { unitId: params.unitId ?? '', period: periodOf(locale, params) };
}

/** A `?version=`-style query value: a positive integer, or undefined when absent. */
export function versionParam(locale: Locale, name: string, value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1)
    invalid(locale, name, serverText(locale, 'plan.query-version', { name, value }));
  return Number(value);
}

/** What an `If-Match` names: a version, and the start of its content hash when the ETag carried it. */
export type BaseVersion = { version: number; hash: string | null };

/** The ETag of a stored version: its number and the first 8 hex digits of its content hash. */
export function versionTag(version: number, hash?: string): string {
  return hash ? `"${version}.${hash.slice(0, 8)}"` : `"${version}"`;
}

/**
 * `If-Match: "3.1f2e9a0c"` (or `"3"`, `3`, `W/"3"`) → version 3 (and its hash prefix); absent or `*` →
 * null, meaning "create the first version".
 */
export function ifMatchOf(locale: Locale, header: string | null): BaseVersion | null {
  if (header === null || header.trim() === '' || header.trim() === '*') return null;
  const m = /^(?:W\/)?"?v?(\d{1,9})(?:\.([0-9a-f]{8,64}))?"?$/.exec(header.trim());
  if (!m) invalid(locale, 'If-Match', serverText(locale, 'plan.if-match', { value: header }));
  return { version: Number(m[1]), hash: m[2] ?? null };
}

/** Whether a base named by If-Match is the stored version `version` with content `hash`. */
export function sameVersion(base: BaseVersion, version: number, hash: string): boolean {
  return base.version === version && (base.hash === null || hash.startsWith(base.hash));
}

/** The `{period}` of a route, refused in the language the request asks for (before sign-in, too). */
export function routePeriod(request: {
  params: Params;
  headers: { get(name: string): string | null };
}): string {
  return periodOf(resolveLocale(request.headers.get('accept-language')), request.params);
}
