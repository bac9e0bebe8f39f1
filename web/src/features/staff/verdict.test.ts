import { describe, expect, it } from 'vitest';
import { ApiProblem } from '@/api/client';
import { checkedIn, checkedInHeading, purchaseRecorded, redeemed, refused } from './verdict';

const problem = (status: number, slug: string, detail?: string, body: Record<string, unknown> = {}) =>
  new ApiProblem(status, `urn:quanzi:problem:${slug}`, slug, detail, [], body);

describe('the verdict of a scan', () => {
  const result = {
    status: 'CHECKED_IN' as const, eventId: 'e', eventTitle: 'Launch', memberId: '3fa2b1c0-1111-2222', memberName: 'Alice W.',
    seat: 12, capacity: 50, checkedInAt: '2026-12-01T11:04:00Z', walkIn: false,
  };
  const label = (id: string) => `Member ${id}`;

  it('is green with the member, their seat, the event and time for a check-in, marked for a walk-in', () => {
    expect(checkedIn(result)).toEqual({
      tone: 'ok', message: 'checkedIn', subject: 'Launch', at: '2026-12-01T11:04:00Z',
      member: { name: 'Alice W.', id: '3fa2b1c0' }, seat: { number: 12, of: 50 },
    });
    expect(checkedIn({ ...result, walkIn: true }).message).toBe('checkedInWalkIn');
  });

  it('reads "Checked in — Alice W., seat 12 of 50", and names an older RSVP by a short member id', () => {
    expect(checkedInHeading(checkedIn(result), label)).toEqual({ key: 'checkedInSeat', values: { name: 'Alice W.', seat: 12, capacity: 50 } });
    expect(checkedInHeading(checkedIn({ ...result, memberName: null, seat: null }), label)).toEqual({ key: 'checkedInWho', values: { name: 'Member 3fa2b1c0' } });
    expect(checkedInHeading(checkedIn({ ...result, walkIn: true, memberName: null }), label).key).toBe('checkedInWalkInSeat');
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

  it('takes time and store of an earlier redemption from the problem\'s properties, not from the English detail', () => {
    const v = refused(problem(409, 'already-redeemed', 'This coupon was already redeemed at … by store demo-store-2.', { redeemedAt: '2026-12-01T10:12:30.123Z', storeId: 'demo-store-2' }));
    expect(v).toEqual({ tone: 'bad', message: 'already-redeemed', at: '2026-12-01T10:12:30.123Z', store: 'demo-store-2' });
    expect(refused(problem(409, 'already-redeemed', 'at 2026-12-01T10:12:30Z by store x.'))).toEqual({ tone: 'bad', message: 'already-redeemed' });
    expect(refused(problem(409, 'qr-token-replayed', 'x', { scannedAt: '2026-12-01T10:12:30Z', storeId: 's2' }))).toEqual({
      tone: 'bad', message: 'qr-token-replayed', at: '2026-12-01T10:12:30Z', store: 's2',
    });
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

  it('warns (amber) when the server was too busy to record the scan, so the clerk scans again', () => {
    expect(refused(problem(503, 'busy', 'Too many scans are being recorded right now; this one was not.'))).toEqual({
      tone: 'warn',
      message: 'busy',
    });
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
