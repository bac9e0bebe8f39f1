import { describe, expect, it } from 'vitest';
import { classifyCode } from './token';

const b64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jws = (header: unknown, claims: unknown) => `${b64url(header)}.${b64url(claims)}.c2lnbmF0dXJl`;

describe('what a scanned code is', () => {
  it('reads a check-in code from its typ, with the event and expiry', () => {
    const token = jws({ alg: 'ES256', typ: 'checkin+jwt', kid: 'k1' }, { evt: 'ev1', sub: 'm1', exp: 1_700_000_000 });
    expect(classifyCode(token)).toEqual({ kind: 'checkin', token, eventId: 'ev1', expiresAt: 1_700_000_000_000 });
  });

  it('reads a coupon code from its typ', () => {
    const token = jws({ alg: 'ES256', typ: 'coupon-qr+jwt', kid: 'k1' }, { cid: 'c1', exp: 5 });
    expect(classifyCode(token)).toEqual({ kind: 'coupon', token, expiresAt: 5000 });
  });

  it('takes a pasted code with spaces, line breaks and quotes around it', () => {
    const token = jws({ typ: 'checkin+jwt' }, { evt: 'e' });
    const pasted = `  "${token.slice(0, 10)}\n${token.slice(10)}"  `;
    expect(classifyCode(pasted)).toMatchObject({ kind: 'checkin', token });
  });

  it('recognises a member card', () => {
    expect(classifyCode('quanzi:member:demo-brand:000123')).toEqual({ kind: 'member-card', brandId: 'demo-brand', memberNumber: '000123' });
  });

  it('knows nothing of other JWTs, broken base64, JSON that is not an object, or plain text', () => {
    expect(classifyCode(jws({ alg: 'RS256', typ: 'JWT' }, { sub: 'x' }))).toEqual({ kind: 'unknown' });
    expect(classifyCode('a.b.c')).toEqual({ kind: 'unknown' });
    expect(classifyCode(`${b64url([1])}.${b64url({})}.x`)).toEqual({ kind: 'unknown' });
    expect(classifyCode('https://example.com')).toEqual({ kind: 'unknown' });
    expect(classifyCode('')).toEqual({ kind: 'unknown' });
  });
});

describe('codes the camera keeps seeing', () => {
  it('counts a code that stays in view once, and again only after it was out of sight', async () => {
    const { createRepeatFilter } = await import('./decoder');
    const fresh = createRepeatFilter(3000);
    expect(fresh('A', 0)).toBe(true);
    expect(fresh('A', 200)).toBe(false);
    expect(fresh('A', 3000)).toBe(false); // seen every frame: still the same showing
    expect(fresh('B', 3100)).toBe(true);
    expect(fresh('A', 3200)).toBe(true);
    expect(fresh('A', 6300)).toBe(true); // gone for more than 3 s, shown again
  });
});
