// What a scanned or pasted text is: a member's check-in code, a coupon code, a member card, or
// nothing we know. Only the JOSE header and claims are read here (no signature check: the
// services judge every code; this just picks the endpoint).

export type ScannedCode =
  | { kind: 'checkin'; token: string; eventId: string | null; expiresAt: number | null }
  | { kind: 'coupon'; token: string; expiresAt: number | null }
  | { kind: 'member-card'; brandId: string; memberNumber: string }
  | { kind: 'unknown' };

const MEMBER_CARD = /^quanzi:member:([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]{1,64})$/;
const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function classifyCode(text: string): ScannedCode {
  // People paste with spaces, line breaks or quotes around the code.
  const trimmed = text.trim().replace(/^["']|["']$/g, '').replace(/\s+/g, '');
  const card = MEMBER_CARD.exec(trimmed);
  if (card) return { kind: 'member-card', brandId: card[1]!, memberNumber: card[2]! };
  if (!JWS.test(trimmed) || trimmed.length > 4096) return { kind: 'unknown' };
  const [headerPart, claimsPart] = trimmed.split('.');
  const header = decodePart(headerPart!);
  const claims = decodePart(claimsPart!);
  if (!header || !claims) return { kind: 'unknown' };
  const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  if (header.typ === 'checkin+jwt') {
    return { kind: 'checkin', token: trimmed, eventId: typeof claims.evt === 'string' ? claims.evt : null, expiresAt };
  }
  if (header.typ === 'coupon-qr+jwt') return { kind: 'coupon', token: trimmed, expiresAt };
  return { kind: 'unknown' };
}
