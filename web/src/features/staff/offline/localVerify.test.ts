import { beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import { verifyCheckInLocally } from './localVerify';

const NOW = 1_800_000_000_000;
let jwks: JSONWebKeySet;
let key: CryptoKey;
let otherKey: CryptoKey;

async function sign(
  claims: Record<string, unknown>,
  options: { signWith?: CryptoKey; kid?: string; typ?: string; iat?: number; exp?: number } = {},
): Promise<string> {
  const iat = options.iat ?? Math.floor(NOW / 1000) - 10;
  return new SignJWT({ evt: 'ev1', sub: 'm1', jti: 'j1', ...claims })
    .setProtectedHeader({ alg: 'ES256', typ: options.typ ?? 'checkin+jwt', kid: options.kid ?? 'k1' })
    .setIssuedAt(iat)
    .setExpirationTime(options.exp ?? iat + 45)
    .sign(options.signWith ?? key);
}

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  key = pair.privateKey;
  otherKey = (await generateKeyPair('ES256')).privateKey;
  const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  jwks = { keys: [publicJwk] };
});

describe('checking a check-in code on the device', () => {
  it('accepts a valid code and reads its member, event and id', async () => {
    const verdict = await verifyCheckInLocally(await sign({}), jwks, { eventId: 'ev1', now: NOW });
    expect(verdict).toMatchObject({ ok: true, claims: { evt: 'ev1', sub: 'm1', jti: 'j1' } });
  });

  it('refuses a forged signature (another key under the same kid)', async () => {
    expect(await verifyCheckInLocally(await sign({}, { signWith: otherKey }), jwks, { now: NOW })).toEqual({ ok: false, reason: 'token-forged' });
  });

  it('refuses an unknown kid', async () => {
    expect(await verifyCheckInLocally(await sign({}, { kid: 'k9' }), jwks, { now: NOW })).toEqual({ ok: false, reason: 'token-forged' });
  });

  it('refuses a code of another type (a coupon code signed with a check-in key)', async () => {
    expect(await verifyCheckInLocally(await sign({}, { typ: 'coupon-qr+jwt' }), jwks, { now: NOW })).toEqual({ ok: false, reason: 'token-forged' });
  });

  it('refuses an expired code beyond the 5 s skew, and accepts one within it', async () => {
    const iat = Math.floor(NOW / 1000) - 60;
    const token = await sign({}, { iat, exp: iat + 45 }); // expired 15 s ago
    expect(await verifyCheckInLocally(token, jwks, { now: NOW })).toEqual({ ok: false, reason: 'token-expired' });
    const recent = await sign({}, { iat: Math.floor(NOW / 1000) - 48, exp: Math.floor(NOW / 1000) - 3 });
    expect((await verifyCheckInLocally(recent, jwks, { now: NOW })).ok).toBe(true);
  });

  it('refuses a code for another event than the one picked', async () => {
    expect(await verifyCheckInLocally(await sign({ evt: 'ev2' }), jwks, { eventId: 'ev1', now: NOW })).toEqual({ ok: false, reason: 'other-event' });
    expect((await verifyCheckInLocally(await sign({ evt: 'ev2' }), jwks, { eventId: null, now: NOW })).ok).toBe(true);
  });

  it('refuses garbage', async () => {
    expect(await verifyCheckInLocally('a.b.c', jwks, { now: NOW })).toEqual({ ok: false, reason: 'token-forged' });
  });
});
