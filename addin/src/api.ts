// The task pane's HTTP client: JSON over fetch with the bearer token, and RFC 9457 problem+json
// answers turned into an ApiError that keeps the server's detail and field paths.

export interface FieldProblem {
  path: string;
  message: string;
}

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
    readonly url: string,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** One line per field, `targets[3].value: must be a number`, ready for a list under the message. */
  get fieldLines(): string[] {
    return (this.problem.errors ?? []).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  }
}

/** The server could not be reached at all (offline, refused, CORS); fetch's own error is kept as the cause. */
export class NetworkError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(reason.includes(url) ? reason : `${url}: ${reason}`, { cause });
    this.name = 'NetworkError';
  }
}

export interface ApiOptions {
  /** Origin and prefix of the API; '' means the page's own origin (npm start serves both). */
  base: string;
  getToken?: () => string | null | undefined;
  /** Sent as Accept-Language so the server's messages come in the user's language. */
  getLocale?: () => string;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Sees every answer's status and headers (an ETag, say) before its body is read. */
  onResponse?: (response: { status: number; headers: Headers }) => void;
}

export interface Api {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  request<T>(method: string, path: string, body?: unknown, options?: RequestOptions): Promise<T>;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  if (text && /json/i.test(type)) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') {
        const p = parsed as ProblemDetails;
        const errors = Array.isArray(p.errors)
          ? p.errors
              .filter(
                (e): e is FieldProblem =>
                  !!e && typeof e === 'object' && typeof (e as FieldProblem).message === 'string',
              )
              .map((e) => ({ path: typeof e.path === 'string' ? e.path : '', message: e.message }))
          : undefined;
        return { ...p, status: response.status, ...(errors ? { errors } : {}) };
      }
    } catch {
      // not JSON after all: fall through to the text
    }
  }
  return {
    status: response.status,
    title: response.statusText || `HTTP ${response.status}`,
    ...(text ? { detail: text.slice(0, 500) } : {}),
  };
}

export function createApi(options: ApiOptions): Api {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const request = async <T>(
    method: string,
    path: string,
    body?: unknown,
    extra: RequestOptions = {},
  ): Promise<T> => {
    const url = `${options.base.replace(/\/$/, '')}${path}`;
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      ...extra.headers,
    };
    const token = options.getToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    const locale = options.getLocale?.();
    if (locale) headers['accept-language'] = locale;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(extra.signal ? { signal: extra.signal } : {}),
      });
    } catch (cause) {
      throw new NetworkError(url, cause);
    }
    extra.onResponse?.({ status: response.status, headers: response.headers });
    if (!response.ok) throw new ApiError(response.status, await readProblem(response), url);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    request,
    get: (path, o) => request('GET', path, undefined, o),
    post: (path, body, o) => request('POST', path, body, o),
    put: (path, body, o) => request('PUT', path, body, o),
  };
}
