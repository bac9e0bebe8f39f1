// Judging a check-in code on the device, for when the network is down: the same checks the server
// makes before it looks at its database (ES256 signature by a published key, `typ`, expiry with
// the server's 5 s skew, the picked event). A forged or expired code is refused at once, offline too.
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose';

export const CLOCK_SKEW_SECONDS = 5;

export interface CheckInClaims {
  evt: string;
  sub: string;
  jti: string;
  iat: number;
  exp: number;
}

export type LocalVerdict =
  | { ok: true; claims: CheckInClaims }
  | { ok: false; reason: 'token-forged' | 'token-expired' | 'other-event' };

export async function verifyCheckInLocally(
  token: string,
  jwks: JSONWebKeySet,
  options: { eventId?: string | null; now?: number } = {},
): Promise<LocalVerdict> {
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      algorithms: ['ES256'],
      typ: 'checkin+jwt',
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: new Date(options.now ?? Date.now()),
      requiredClaims: ['evt', 'sub', 'exp', 'iat'],
    });
    const claims = payload as unknown as CheckInClaims;
    if (typeof claims.evt !== 'string' || typeof claims.sub !== 'string') return { ok: false, reason: 'token-forged' };
    if (options.eventId && claims.evt !== options.eventId) return { ok: false, reason: 'other-event' };
    return { ok: true, claims: { ...claims, jti: typeof claims.jti === 'string' ? claims.jti : '' } };
  } catch (failure) {
    if (failure instanceof errors.JWTExpired) return { ok: false, reason: 'token-expired' };
    return { ok: false, reason: 'token-forged' };
  }
}
