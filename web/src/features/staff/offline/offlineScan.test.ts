import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import { ApiProblem } from '@/api/client';
import { useScan, type OfflineScanning } from '../useScan';
import { closeQueue, indexedDbQueue } from './queue';

let jwks: JSONWebKeySet;
let key: CryptoKey;
let forger: CryptoKey;
let n = 0;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  key = pair.privateKey;
  forger = (await generateKeyPair('ES256')).privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' }] };
});
afterEach(closeQueue);

const code = (sub: string, signWith = key, evt = 'ev1') =>
  new SignJWT({ evt, sub, jti: crypto.randomUUID() })
    .setProtectedHeader({ alg: 'ES256', typ: 'checkin+jwt', kid: 'k1' })
    .setIssuedAt()
    .setExpirationTime('45s')
    .sign(signWith);

const knownEvents: Record<string, string> = { ev1: 'demo-store-1', ev2: 'demo-store-1', elsewhere: 'demo-store-2' };

function setup(online: boolean, picked: string | null = 'ev1') {
  const queue = indexedDbQueue(`offline-${++n}`);
  const api = {
    checkIn: vi.fn(async () => {
      throw ApiProblem.network(new TypeError('Failed to fetch'));
    }),
    redeem: vi.fn(),
  };
  const offline: OfflineScanning = { online: () => online, keys: async () => jwks, queue, storeId: () => 'demo-store-1', eventStore: (id) => knownEvents[id] };
  const scan = useScan({ storeId: ref('demo-store-1'), eventId: ref(picked), deviceId: 'web-1', autoNext: ref(false), api: api as never, offline });
  return { queue, api, scan };
}

describe('scanning with no network', () => {
  it('queues valid codes as "saved offline", refuses a forged one at once, and a member only once', async () => {
    const { queue, api, scan } = setup(false);
    for (const member of ['m1', 'm2', 'm3']) {
      expect(await scan.submit(await code(member))).toMatchObject({ tone: 'warn', message: 'saved-offline' });
      scan.next();
    }
    expect(await scan.submit(await code('m4', forger))).toEqual({ tone: 'bad', message: 'token-forged' });
    scan.next();
    expect(await scan.submit(await code('m1'))).toMatchObject({ tone: 'bad', message: 'already-queued' });
    scan.next();
    expect(await scan.submit(await code('m5', key, 'ev2'))).toEqual({ tone: 'bad', message: 'other-event' });
    expect(api.checkIn).not.toHaveBeenCalled();
    const queued = await queue.all();
    expect(queued.map((s) => s.memberId)).toEqual(['m1', 'm2', 'm3']);
    expect(queued[0]).toMatchObject({ eventId: 'ev1', deviceId: 'web-1', storeId: 'demo-store-1' });
  });

  it('falls back to the queue when the request fails for the network', async () => {
    const { queue, api, scan } = setup(true);
    expect(await scan.submit(await code('m1'))).toMatchObject({ tone: 'warn', message: 'saved-offline' });
    expect(api.checkIn).toHaveBeenCalledTimes(1);
    expect(await queue.all()).toHaveLength(1);
  });

  it('with no event picked, queues a code for an event known to be at the store, refuses one elsewhere and needs the network for an unknown one', async () => {
    const { queue, api, scan } = setup(false, null);
    expect(await scan.submit(await code('m1', key, 'ev2'))).toMatchObject({ tone: 'warn', message: 'saved-offline' });
    scan.next();
    expect(await scan.submit(await code('m2', key, 'elsewhere'))).toEqual({ tone: 'bad', message: 'wrong-store' });
    scan.next();
    expect(await scan.submit(await code('m3', key, 'never-seen'))).toEqual({ tone: 'warn', message: 'offline-unknown-event' });
    scan.next();
    expect(await scan.submit(await code('m4', forger, 'never-seen'))).toEqual({ tone: 'bad', message: 'token-forged' });
    expect(api.checkIn).not.toHaveBeenCalled();
    expect((await queue.all()).map((s) => [s.memberId, s.eventId])).toEqual([['m1', 'ev2']]);
  });

  it('never redeems a coupon offline', async () => {
    const { api, scan } = setup(false);
    const b64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, '');
    expect(await scan.submit(`${b64({ typ: 'coupon-qr+jwt' })}.${b64({ cid: 'c' })}.sig`)).toEqual({ tone: 'warn', message: 'coupon-needs-network' });
    expect(api.redeem).not.toHaveBeenCalled();
  });
});
