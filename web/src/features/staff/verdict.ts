// The verdict staff see after a scan, as data: which colour, which message (a key of the staff
// messages) and what to fill in. The screen translates and formats it; tests check it here.
import { ApiProblem } from '@/api/client';
import type { CheckInResult, PurchaseResult, RedemptionResult } from '@/api/staff';

export type Tone = 'ok' | 'bad' | 'warn';

export interface Verdict {
  tone: Tone;
  /** Key under `staff.verdict` (ok) or `staff.reasons` (bad/warn). */
  message: string;
  /** What was checked in or redeemed: the event or the coupon title. */
  subject?: string;
  /** A moment to show (check-in time, first check-in, redemption time), ISO 8601. */
  at?: string;
  /** The store named by the reason (a coupon redeemed elsewhere). */
  store?: string;
  /** Who was checked in: their name, or (older RSVPs, walk-ins) a short member id. */
  member?: { name: string | null; id: string };
  /** Their seat and the event's capacity, when the place has a number. */
  seat?: { number: number; of: number };
  /** The API's own words when the reason has no translation. */
  detail?: string;
  /** The coupon code, for the receipt. */
  code?: string;
  /** Points a purchase earned. */
  points?: number;
}

/** Problem types the staff messages translate; anything else shows the API's detail. */
export const KNOWN_REASONS = [
  'token-expired',
  'token-forged',
  'other-event',
  'wrong-store',
  'event-cancelled',
  'window-closed',
  'not-registered',
  'event-full',
  'invalid-scan-time',
  'already-checked-in',
  'qr-token-invalid',
  'qr-token-expired',
  'qr-token-replayed',
  'not-staff-of-store',
  'store-not-redeemable',
  'offer-paused',
  'offer-closed',
  'coupon-expired',
  'already-redeemed',
  'receipt-already-recorded',
  'store-not-of-brand',
  'currency-not-accepted',
  'unknown-member-number',
  'network',
  'busy',
  'forbidden',
] as const;

export function checkedIn(result: CheckInResult): Verdict {
  const verdict: Verdict = {
    tone: 'ok',
    message: result.walkIn ? 'checkedInWalkIn' : 'checkedIn',
    subject: result.eventTitle,
    at: result.checkedInAt,
    member: { name: result.memberName ?? null, id: shortMemberId(result.memberId) },
  };
  if (typeof result.seat === 'number' && result.capacity > 0) verdict.seat = { number: result.seat, of: result.capacity };
  return verdict;
}

/** A member id short enough to read out (Keycloak ids are UUIDs). */
export function shortMemberId(id: string): string {
  return id.slice(0, 8);
}

/**
 * The heading's message key and values: "Checked in — Alice W., seat 12 of 50", or without the
 * seat, or (no name) "Checked in — Member 3fa2b1c0".
 */
export function checkedInHeading(v: Verdict, memberLabel: (id: string) => string): { key: string; values: Record<string, string | number> } {
  const base = v.message === 'checkedInWalkIn' ? 'checkedInWalkIn' : 'checkedIn';
  if (!v.member) return { key: base, values: {} };
  const name = v.member.name ?? memberLabel(v.member.id);
  if (!v.seat) return { key: `${base}Who`, values: { name } };
  return { key: `${base}Seat`, values: { name, seat: v.seat.number, capacity: v.seat.of } };
}

export function redeemed(result: RedemptionResult): Verdict {
  return { tone: 'ok', message: 'redeemed', subject: result.title, at: result.redeemedAt, code: result.code };
}

export function purchaseRecorded(result: PurchaseResult): Verdict {
  return {
    tone: 'ok',
    message: result.duplicate ? 'purchaseAlreadyRecorded' : 'purchaseRecorded',
    subject: `${result.amount} ${result.currency} · ${result.receiptNumber}`,
    at: result.recordedAt,
    points: result.points,
  };
}

export function unknownCode(): Verdict {
  return { tone: 'bad', message: 'unknown-code' };
}

export function memberCard(): Verdict {
  return { tone: 'warn', message: 'member-card' };
}

export function noStore(): Verdict {
  return { tone: 'bad', message: 'no-store' };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A refusal, from the problem the API answered (or the network failure the client made of it). */
export function refused(failure: unknown): Verdict {
  if (!(failure instanceof ApiProblem)) return { tone: 'bad', message: 'unknown' };
  const slug = failure.slug === 'http-403' ? 'forbidden' : failure.slug;
  const known = (KNOWN_REASONS as readonly string[]).includes(slug);
  // No connection, or too many scans at once (nothing recorded): scan again, the code itself is fine.
  const verdict: Verdict = { tone: slug === 'network' || slug === 'busy' ? 'warn' : 'bad', message: known ? slug : 'unknown' };
  if (!known) verdict.detail = failure.detail ?? failure.title;
  if (slug === 'already-checked-in') {
    verdict.at = text(failure.body.checkedInAt);
  }
  if (slug === 'already-redeemed') {
    // The problem's properties: when and at which store the coupon was redeemed.
    verdict.at = text(failure.body.redeemedAt);
    verdict.store = text(failure.body.storeId);
  }
  if (slug === 'qr-token-replayed') {
    verdict.at = text(failure.body.scannedAt);
    verdict.store = text(failure.body.storeId);
  }
  return verdict;
}
