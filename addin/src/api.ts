// The task pane's one HTTP client: JSON (or a file) over fetch with the bearer token and the user's
// language, RFC 9457 problem+json answers turned into an ApiError that keeps the server's detail and
// field paths, and an Idempotency-Key on any write that asks for one (see WriteAttempt).

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

/** True for the failures the API client raises (as opposed to the workbook's or the pane's own). */
export const isApiFailure = (error: unknown): error is ApiError | NetworkError =>
  error instanceof ApiError || error instanceof NetworkError;

/** The API's origin as the build sets it (VITE_TEAMSHEET_API_BASE); '' is the page's own origin (npm start serves both). */
export function configuredApiBase(): string {
  // import.meta.env exists only under Vite; under Node (tests) there is nothing to read.
  const env = (import.meta as { env?: Record<string, string | undefined> }).env;
  return (env?.VITE_TEAMSHEET_API_BASE ?? '').replace(/\/$/, '');
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
  /** Sent as Idempotency-Key: the server answers a repeat of the same key with its first answer. */
  idempotencyKey?: string;
  /** Sees every answer's status and headers (an ETag, say) before its body is read. */
  onResponse?: (response: { status: number; headers: Headers }) => void;
}

/** A file the API answered with: its bytes and the name Content-Disposition gives, if any. */
export interface Download {
  blob: Blob;
  fileName: string | undefined;
}

export interface Api {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  request<T>(method: string, path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  /** GET of a file (csv, xlsx): the same headers and the same problem+json handling as JSON calls. */
  download(path: string, options?: RequestOptions): Promise<Download>;
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

/** The file name a Content-Disposition header gives (`attachment; filename="x.csv"`), if any. */
export function fileNameOf(disposition: string | null): string | undefined {
  const m = disposition ? /filename="([^"]+)"|filename=([^;\s]+)/i.exec(disposition) : null;
  const name = m?.[1] ?? m?.[2];
  return name ? name.replace(/[\\/]/g, '_') : undefined;
}

export function createApi(options: ApiOptions): Api {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  /** One exchange: headers, fetch, problem+json on failure; the caller reads the body of a success. */
  const exchange = async (
    method: string,
    path: string,
    body: unknown,
    extra: RequestOptions,
    accept: string,
  ): Promise<{ response: Response; url: string }> => {
    const url = `${options.base.replace(/\/$/, '')}${path}`;
    const headers: Record<string, string> = { accept, ...extra.headers };
    const token = options.getToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    const locale = options.getLocale?.();
    if (locale) headers['accept-language'] = locale;
    if (extra.idempotencyKey) headers['idempotency-key'] = extra.idempotencyKey;
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
    return { response, url };
  };
  const request = async <T>(
    method: string,
    path: string,
    body?: unknown,
    extra: RequestOptions = {},
  ): Promise<T> => {
    const { response } = await exchange(
      method,
      path,
      body,
      extra,
      'application/json, application/problem+json',
    );
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    request,
    get: (path, o) => request('GET', path, undefined, o),
    post: (path, body, o) => request('POST', path, body, o),
    put: (path, body, o) => request('PUT', path, body, o),
    download: async (path, o = {}) => {
      const { response } = await exchange('GET', path, undefined, o, '*/*, application/problem+json');
      return {
        blob: await response.blob(),
        fileName: fileNameOf(response.headers.get('content-disposition')),
      };
    },
  };
}

/**
 * The Idempotency-Key of one user action. The key stays while the same body is sent again after a
 * failure whose outcome is unknown (the network, a 5xx), so a retry cannot store twice; a different
 * body, or an answer the server did give (success or refusal), starts a fresh key next time.
 */
export class WriteAttempt {
  private current: { key: string; identity: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  /** The key for a write of `identity` (the body, and whatever else makes it the same request). */
  keyFor(identity: string): string {
    if (this.current?.identity !== identity) this.current = { key: this.newKey(), identity };
    return this.current.key;
  }

  /** Sends `write` with this attempt's key, forgetting the key unless the outcome is unknown. */
  async send<T>(identity: string, write: (key: string) => Promise<T>): Promise<T> {
    const key = this.keyFor(identity);
    try {
      const answer = await write(key);
      this.forget();
      return answer;
    } catch (error) {
      if (error instanceof ApiError && error.status < 500) this.forget();
      throw error;
    }
  }

  /** Drops the key: the next write is a new action (a template inserted again, a version reloaded). */
  forget(): void {
    this.current = null;
  }
}
