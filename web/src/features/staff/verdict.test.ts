import { describe, expect, it } from 'vitest';
import { ApiProblem } from '@/api/client';
import { checkedIn, purchaseRecorded, redeemed, refused } from './verdict';

const problem = (status: number, slug: string, detail?: string, body: Record<string, unknown> = {}) =>
  new ApiProblem(status, `urn:quanzi:problem:${slug}`, slug, detail, [], body);

describe('the verdict of a scan', () => {
  it('is green with the event and time for a check-in, marked for a walk-in', () => {
    const result = { status: 'CHECKED_IN' as const, eventId: 'e', eventTitle: 'Launch', memberId: 'm', checkedInAt: '2026-12-01T11:04:00Z', walkIn: false };
    expect(checkedIn(result)).toEqual({ tone: 'ok', message: 'checkedIn', subject: 'Launch', at: '2026-12-01T11:04:00Z' });
    expect(checkedIn({ ...result, walkIn: true }).message).toBe('checkedInWalkIn');
  });

  it('is green with the coupon title and code for a redemption', () => {
    expect(
      redeemed({ couponId: 'c', code: 'AB12', offerId: 'o', title: '20% off', storeId: 's', redeemedBy: 'x', redeemedAt: '2026-12-01T10:12:00Z' }),
    ).toEqual({ tone: 'ok', message: 'redeemed', subject: '20% off', at: '2026-12-01T10:12:00Z', code: 'AB12' });
  });

  it('names the first check-in time of an already-checked-in member', () => {
    const v = refused(problem(409, 'already-checked-in', 'Already checked in at …', { checkedInAt: '2026-12-01T11:04:00Z' }));
    expect(v).toEqual({ tone: 'bad', message: 'already-checked-in', at: '2026-12-01T11:04:00Z' });
  });

  it('reads time and store of an earlier redemption from the detail', () => {
    const v = refused(problem(409, 'already-redeemed', 'This coupon was already redeemed at 2026-12-01T10:12:30.123Z by store demo-store-2.'));
    expect(v).toEqual({ tone: 'bad', message: 'already-redeemed', at: '2026-12-01T10:12:30.123Z', store: 'demo-store-2' });
  });

  it.each(['wrong-store', 'token-expired', 'token-forged', 'other-event', 'not-staff-of-store', 'qr-token-expired', 'store-not-redeemable'])(
    'translates %s',
    (slug) => {
      expect(refused(problem(422, slug, 'English detail'))).toEqual({ tone: 'bad', message: slug });
    },
  );

  it('shows the API\'s detail for a reason it does not know, and warns (amber) on a network failure', () => {
    expect(refused(problem(400, 'validation-failed', 'token: must not be blank'))).toEqual({
      tone: 'bad',
      message: 'unknown',
      detail: 'token: must not be blank',
    });
    expect(refused(ApiProblem.network(new TypeError('offline')))).toEqual({ tone: 'warn', message: 'network' });
    expect(refused(new ApiProblem(403, 'http-403', 'Forbidden', undefined))).toEqual({ tone: 'bad', message: 'forbidden' });
    expect(refused(new Error('boom'))).toEqual({ tone: 'bad', message: 'unknown' });
  });
});

describe('the verdict of a purchase', () => {
  const result = {
    purchaseId: 'p', brandId: 'b', storeId: 's', memberId: 'm', receiptNumber: 'R-1', amount: '88.50', currency: 'CNY',
    points: 88, status: 'EARNED', refundedPoints: null, recordedAt: '2026-12-01T10:00:00Z', duplicate: false,
  };
  it('is green with amount, receipt and points; a repeated receipt says it was already recorded', () => {
    expect(purchaseRecorded(result)).toEqual({ tone: 'ok', message: 'purchaseRecorded', subject: '88.50 CNY · R-1', at: '2026-12-01T10:00:00Z', points: 88 });
    expect(purchaseRecorded({ ...result, duplicate: true }).message).toBe('purchaseAlreadyRecorded');
  });
  it('translates the purchase refusals', () => {
    expect(refused(problem(422, 'unknown-member-number', 'x'))).toEqual({ tone: 'bad', message: 'unknown-member-number' });
    expect(refused(problem(409, 'receipt-already-recorded', 'x'))).toEqual({ tone: 'bad', message: 'receipt-already-recorded' });
  });
});
