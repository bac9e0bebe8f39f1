import { api } from './client';
import type { RsvpState } from './events';

/** `POST /api/checkins`: a staff scan of a member's rotating check-in code. */
export interface CheckInScan {
  token: string;
  /** The event the staff app is scanning for; a code for another event is then refused. */
  eventId?: string;
  deviceId?: string;
}

/** The green verdict of a check-in. */
export interface CheckInResult {
  status: 'CHECKED_IN';
  eventId: string;
  eventTitle: string;
  memberId: string;
  /** The name the member RSVPed under; null for older RSVPs and walk-ins (show a short member id). */
  memberName: string | null;
  /** The seat number (the order in which the event's seats were taken); null for older places. */
  seat: number | null;
  /** The event's number of seats. */
  capacity: number;
  checkedInAt: string;
  walkIn: boolean;
}

/** `POST /api/coupons/redemptions`: a scanned coupon code, redeemed at the staff's store. */
export interface RedemptionScan {
  token: string;
  storeId: string;
}

export interface RedemptionResult {
  couponId: string;
  code: string;
  offerId: string;
  title: string;
  storeId: string;
  redeemedBy: string;
  redeemedAt: string;
}

/** What became of one offline scan (`POST /api/checkins/batch`), with the online scan's reason slug. */
export interface BatchItemResult {
  index: number;
  status: 'CHECKED_IN' | 'ALREADY_CHECKED_IN' | 'REFUSED';
  reason: string | null;
  detail: string | null;
  eventId: string | null;
  memberId: string | null;
  /** On CHECKED_IN: as an online check-in answers them. */
  memberName: string | null;
  seat: number | null;
  capacity: number | null;
  checkedInAt: string | null;
}

/** `POST /api/points/purchases`: a purchase at the till, the member named by the number on their card. */
export interface PurchaseEntry {
  brandId: string;
  storeId: string;
  memberNumber: number;
  receiptNumber: string;
  /** Decimal string, at most 2 decimals. */
  amount: string;
  currency: string;
}

export interface PurchaseResult {
  purchaseId: string;
  brandId: string;
  storeId: string;
  memberId: string;
  receiptNumber: string;
  amount: string;
  currency: string;
  /** The points earned (0 while still being processed). */
  points: number;
  status: string;
  refundedPoints: number | null;
  recordedAt: string;
  /** True when this receipt had been recorded before (the first result is answered). */
  duplicate: boolean;
}

/** One member holding a place at an event, as the store's staff see it. */
export interface Attendee {
  memberId: string;
  /** The name the member RSVPed under, or null (older RSVPs, walk-ins). */
  memberName: string | null;
  status: RsvpState;
  /** The seat number of a confirmed place, or null. */
  seat: number | null;
  waitlistPosition: number | null;
  walkIn: boolean;
  checkedInAt: string | null;
}

export const staffApi = {
  checkIn: (scan: CheckInScan) => api<CheckInResult>('/api/checkins', { method: 'POST', body: scan }),
  redeem: (scan: RedemptionScan) => api<RedemptionResult>('/api/coupons/redemptions', { method: 'POST', body: scan }),
  /** Offline scans, each judged at its `scannedAt`; one result per item, in order. */
  batch: (items: { token: string; scannedAt: string; deviceId: string }[]) =>
    api<{ results: BatchItemResult[] }>('/api/checkins/batch', { method: 'POST', body: { items } }),
  purchase: (entry: PurchaseEntry) => api<PurchaseResult>('/api/points/purchases', { method: 'POST', body: entry }),
  /** Everyone holding a place (confirmed first, then the waitlist in order), with names and check-in times. */
  attendees: (eventId: string) => api<Attendee[]>(`/api/events/${encodeURIComponent(eventId)}/attendees`),
};
