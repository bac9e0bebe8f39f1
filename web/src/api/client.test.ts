import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiProblem, loginUrl, safeReturnPath, session } from './client';

function respond(status: number, body?: unknown, type = 'application/json') {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'Content-Type': type },
  });
}

describe('the API client', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    document.cookie = 'XSRF-TOKEN=csrf-123';
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('sends the CSRF cookie as X-XSRF-TOKEN on writes, with the session cookie and JSON body', async () => {
    fetchMock.mockResolvedValue(respond(201, { id: 'c1' }));
    const result = await api<{ id: string }>('/api/offers/o1/claims', { method: 'POST', body: { a: 1 }, idempotencyKey: 'key-12345678' });
    expect(result.id).toBe('c1');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/offers/o1/claims');
    const headers = init!.headers as Record<string, string>;
    expect(headers['X-XSRF-TOKEN']).toBe('csrf-123');
    expect(headers['Idempotency-Key']).toBe('key-12345678');
    expect(headers['Content-Type']).toBe('application/json');
    expect(init!.credentials).toBe('same-origin');
    expect(init!.body).toBe('{"a":1}');
  });

  it('does not send the CSRF header on reads and drops empty query values', async () => {
    fetchMock.mockResolvedValue(respond(200, []));
    await api('/api/points/me/history', { query: { brandId: 'b 1', cursor: null, limit: 20 } });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/points/me/history?brandId=b+1&limit=20');
    expect((init!.headers as Record<string, string>)['X-XSRF-TOKEN']).toBeUndefined();
  });

  it('turns a problem+json answer into an ApiProblem with its slug, detail and field errors', async () => {
    fetchMock.mockResolvedValue(
      respond(409, { type: 'urn:quanzi:problem:sold-out', title: 'Conflict', detail: 'No stock left', errors: [{ field: 'x', message: 'bad' }] }, 'application/problem+json'),
    );
    const error = await api('/api/offers/o1/claims', { method: 'POST' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    const problem = error as ApiProblem;
    expect(problem.status).toBe(409);
    expect(problem.slug).toBe('sold-out');
    expect(problem.detail).toBe('No stock left');
    expect(problem.errors).toEqual([{ field: 'x', message: 'bad' }]);
    expect(problem.retryable).toBe(false);
  });

  it('sends the person to the login, and back to this page, when the session has ended (401)', async () => {
    const onUnauthorized = vi.spyOn(session, 'onUnauthorized').mockImplementation(() => undefined);
    window.history.pushState({}, '', '/events/e1?x=1');
    fetchMock.mockResolvedValue(respond(401, { type: 'urn:quanzi:problem:unauthorized', title: 'Unauthorized' }));
    const error = await api('/api/events/me').catch((e: unknown) => e);
    expect(onUnauthorized).toHaveBeenCalledWith('/events/e1?x=1');
    expect((error as ApiProblem).status).toBe(401);
  });

  it('does not send a visitor of a public page to the login on a 401', async () => {
    const onUnauthorized = vi.spyOn(session, 'onUnauthorized').mockImplementation(() => undefined);
    fetchMock.mockResolvedValue(respond(401, { type: 'urn:quanzi:problem:unauthorized', title: 'Unauthorized' }));
    const error = (await api('/api/public/invites/ABCD2345', { public: true }).catch((e: unknown) => e)) as ApiProblem;
    expect(error.status).toBe(401);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('reports a network failure as a retryable problem', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = (await api('/api/members/me').catch((e: unknown) => e)) as ApiProblem;
    expect(error.slug).toBe('network');
    expect(error.retryable).toBe(true);
  });

  it('answers undefined for 204 and survives an error without a body', async () => {
    fetchMock.mockResolvedValueOnce(respond(204));
    await expect(api('/api/members/me', { method: 'DELETE' })).resolves.toBeUndefined();
    fetchMock.mockResolvedValueOnce(new Response('oops', { status: 502, statusText: 'Bad Gateway' }));
    const error = (await api('/api/members/me').catch((e: unknown) => e)) as ApiProblem;
    expect(error.status).toBe(502);
    expect(error.retryable).toBe(true);
  });
});

describe('login return paths', () => {
  it('keeps same-site paths and refuses other origins', () => {
    expect(safeReturnPath('/join/ABCD1234?join=1')).toBe('/join/ABCD1234?join=1');
    expect(safeReturnPath('//evil.example/x')).toBe('/');
    expect(safeReturnPath('https://evil.example/')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
  });

  it('builds the gateway login URL, with sign-up when asked and the page language', () => {
    document.documentElement.lang = '';
    expect(loginUrl('/s/abc')).toBe('/session/login?return=%2Fs%2Fabc');
    expect(loginUrl('/s/abc', true)).toBe('/session/login?return=%2Fs%2Fabc&signup=true');
    document.documentElement.lang = 'zh-CN';
    expect(loginUrl('/')).toBe('/session/login?return=%2F&lang=zh-CN');
  });
});
