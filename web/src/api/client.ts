// The one HTTP client of the app. The browser holds only the gateway's session cookie and the
// XSRF-TOKEN cookie, never a token: writes copy the CSRF cookie into the X-XSRF-TOKEN header, an
// ended session (401) sends the person to the login and back, and every error becomes an ApiProblem.

export interface FieldError {
  field: string;
  message: string;
}

const PROBLEM_PREFIX = 'urn:quanzi:problem:';

/** An RFC 9457 problem from the API, or one made here for a network failure. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }

  /** The stable part of the type (`sold-out` for `urn:quanzi:problem:sold-out`), the app's key for messages. */
  get slug(): string {
    return this.type.startsWith(PROBLEM_PREFIX) ? this.type.slice(PROBLEM_PREFIX.length) : this.type;
  }

  /** True when the request may have failed for a reason a retry could fix: network, 5xx, 429. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }

  static network(cause: unknown): ApiProblem {
    const problem = new ApiProblem(0, 'network', 'Network error', undefined);
    problem.cause = cause;
    return problem;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Public pages ask without a session: a 401 there is an answer to show, not a reason to log in. */
  public?: boolean;
}

/** Where the app goes when the session has ended; replaced in tests. */
export const session = {
  onUnauthorized(returnTo: string): void {
    window.location.assign(loginUrl(returnTo));
  },
};

export function loginUrl(returnTo: string, signUp = false): string {
  const params = new URLSearchParams({ return: safeReturnPath(returnTo) });
  if (signUp) params.set('signup', 'true');
  // Keycloak's pages in the app's language (the gateway passes it on as ui_locales).
  const lang = document.documentElement.lang;
  if (lang) params.set('lang', lang);
  return `/session/login?${params}`;
}

/** Only same-origin paths are returned to after a login (no open redirect). */
export function safeReturnPath(path: string): string {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}

export function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((c) => c.startsWith(prefix));
  return found === undefined ? undefined : decodeURIComponent(found.slice(prefix.length));
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    const csrf = readCookie('XSRF-TOKEN');
    if (csrf) headers['X-XSRF-TOKEN'] = csrf;
  }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    throw ApiProblem.network(cause);
  }

  if (response.status === 401 && !options.public) {
    session.onUnauthorized(window.location.pathname + window.location.search + window.location.hash);
    throw await toProblem(response);
  }
  if (!response.ok) throw await toProblem(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return (await response.text()) as T;
  return (await response.json()) as T;
}

async function toProblem(response: Response): Promise<ApiProblem> {
  let body: Record<string, unknown> = {};
  try {
    const text = await response.text();
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = {};
  }
  const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
  return new ApiProblem(
    response.status,
    str(body.type) ?? `http-${response.status}`,
    str(body.title) ?? response.statusText,
    str(body.detail),
    errors,
    body,
  );
}
