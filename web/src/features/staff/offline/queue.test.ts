import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '@/api/client';
import { closeQueue, indexedDbQueue, type QueuedScan } from './queue';
import { oldestAgeMs, syncQueue, type BatchItemResult, type BatchSender } from './sync';
import { checkInKeys, maxAgeOf } from './jwksCache';

let dbCount = 0;
const freshQueue = () => indexedDbQueue(`test-${++dbCount}`);

const scan = (n: number): QueuedScan => ({
  id: `s${n}`,
  token: `token-${n}`,
  scannedAt: new Date(Date.UTC(2026, 11, 1, 10, 0, n)).toISOString(),
  deviceId: 'web-1',
  eventId: 'ev1',
  memberId: `m${n}`,
  storeId: 'demo-store-1',
});

const ok = (index: number): BatchItemResult => ({ index, status: 'CHECKED_IN', reason: null, detail: null, eventId: 'ev1', memberId: `m${index}`, memberName: null, seat: index + 1, capacity: 50, checkedInAt: '2026-12-01T10:05:00Z' });

afterEach(closeQueue);

describe('the offline queue', () => {
  it('keeps scans across a reopened database, oldest first', async () => {
    const name = `test-${++dbCount}`;
    const queue = indexedDbQueue(name);
    await queue.add(scan(3));
    await queue.add(scan(1));
    await queue.add(scan(2));
    await closeQueue(); // the tab closes
    expect((await indexedDbQueue(name).all()).map((s) => s.id)).toEqual(['s1', 's2', 's3']);
  });

  it('syncs in order in chunks within the batch limit and empties the queue', async () => {
    const queue = freshQueue();
    for (let n = 1; n <= 5; n++) await queue.add(scan(n));
    const send = vi.fn<BatchSender>(async (items) => ({ results: items.map((_, i) => ok(i)) }));
    const { synced, error } = await syncQueue(queue, send, 2);
    expect(error).toBeNull();
    expect(send.mock.calls.map((call) => call[0].map((i) => i.token))).toEqual([['token-1', 'token-2'], ['token-3', 'token-4'], ['token-5']]);
    expect(send.mock.calls[0]![0][0]).toEqual({ token: 'token-1', scannedAt: scan(1).scannedAt, deviceId: 'web-1' });
    expect(synced).toHaveLength(5);
    expect(await queue.all()).toEqual([]);
  });

  it('keeps what the server did not answer for when a chunk fails, and sends it again next time', async () => {
    const queue = freshQueue();
    for (let n = 1; n <= 3; n++) await queue.add(scan(n));
    const send = vi
      .fn<BatchSender>()
      .mockImplementationOnce(async (items) => ({ results: items.map((_, i) => ok(i)) }))
      .mockRejectedValueOnce(ApiProblem.network(new TypeError('offline')));
    const first = await syncQueue(queue, send, 2);
    expect(first.synced.map((s) => s.scan.id)).toEqual(['s1', 's2']);
    expect(first.error).toBeInstanceOf(ApiProblem);
    expect((await queue.all()).map((s) => s.id)).toEqual(['s3']);

    // The next sync: the server reports the member as already checked in (another device): normal.
    const again = vi.fn<BatchSender>(async () => ({
      results: [{ index: 0, status: 'ALREADY_CHECKED_IN', reason: 'already-checked-in', detail: 'x', eventId: 'ev1', memberId: 'm3', memberName: null, seat: null, capacity: null, checkedInAt: '2026-12-01T10:01:00Z' }],
    }));
    const second = await syncQueue(queue, again);
    expect(second.synced[0]!.result.status).toBe('ALREADY_CHECKED_IN');
    expect(await queue.all()).toEqual([]);
  });

  it('keeps scans missing from a short answer', async () => {
    const queue = freshQueue();
    await queue.add(scan(1));
    await queue.add(scan(2));
    const { error } = await syncQueue(queue, async () => ({ results: [ok(0)] }));
    expect(error).not.toBeNull();
    expect((await queue.all()).map((s) => s.id)).toEqual(['s2']);
  });

  it('tells the age of the oldest scan (for the 24 h warning)', () => {
    expect(oldestAgeMs([], 0)).toBe(0);
    expect(oldestAgeMs([scan(2), scan(1)], Date.parse(scan(1).scannedAt) + 5000)).toBe(5000);
  });
});

describe('the cached check-in keys', () => {
  const jwks = { keys: [{ kty: 'EC', kid: 'k1' }] };
  const memory = () => {
    const data = new Map<string, string>();
    return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) } as unknown as Storage;
  };
  const answer = () => new Response(JSON.stringify(jwks), { headers: { 'Cache-Control': 'max-age=300, public' } });

  it('reads max-age', () => {
    expect(maxAgeOf('max-age=300, public')).toBe(300_000);
    expect(maxAgeOf(null)).toBe(300_000);
  });

  it('fetches once within max-age, again after it, and serves the last copy offline', async () => {
    const storage = memory();
    const fetcher = vi.fn(async () => answer());
    expect(await checkInKeys({ storage, fetcher, now: 0, online: true })).toEqual(jwks);
    expect(await checkInKeys({ storage, fetcher, now: 299_000, online: true })).toEqual(jwks);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(await checkInKeys({ storage, fetcher, now: 301_000, online: true })).toEqual(jwks);
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(await checkInKeys({ storage, fetcher, now: 10_000_000, online: false })).toEqual(jwks);
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(await checkInKeys({ storage: memory(), fetcher, now: 0, online: false })).toBeNull();
  });
});
