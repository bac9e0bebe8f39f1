import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { ApiProblem } from '@/api/client';
import type { CheckInResult, RedemptionResult } from '@/api/staff';
import { AUTO_NEXT_MS, useScan } from './useScan';

const b64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '');
const checkinCode = `${b64url({ typ: 'checkin+jwt' })}.${b64url({ evt: 'ev1' })}.sig`;
const couponCode = `${b64url({ typ: 'coupon-qr+jwt' })}.${b64url({ cid: 'c1' })}.sig`;

const checkInResult: CheckInResult = { status: 'CHECKED_IN', eventId: 'ev1', eventTitle: 'Launch', memberId: 'm', memberName: 'Alice W.', seat: 12, capacity: 50, checkedInAt: '2026-12-01T11:04:00Z', walkIn: false };
const redemption: RedemptionResult = { couponId: 'c1', code: 'AB', offerId: 'o', title: '20% off', storeId: 's1', redeemedBy: 'sam', redeemedAt: '2026-12-01T11:05:00Z' };

function setup(autoNext = true) {
  const api = { checkIn: vi.fn(async () => checkInResult), redeem: vi.fn(async () => redemption) };
  const storeId = ref<string | null>('s1');
  const eventId = ref<string | null>('ev1');
  const scan = useScan({ storeId, eventId, deviceId: 'web-1', autoNext: ref(autoNext), api });
  return { api, storeId, eventId, scan };
}

describe('one scan at a time', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends a check-in code with the picked event and the device id', async () => {
    const { api, scan } = setup();
    const verdict = await scan.submit(checkinCode);
    expect(api.checkIn).toHaveBeenCalledWith({ token: checkinCode, eventId: 'ev1', deviceId: 'web-1' });
    expect(api.redeem).not.toHaveBeenCalled();
    expect(verdict?.tone).toBe('ok');
    expect(scan.verdict.value?.message).toBe('checkedIn');
  });

  it('sends a check-in code without an event when none is picked', async () => {
    const { api, eventId, scan } = setup();
    eventId.value = null;
    await scan.submit(checkinCode);
    expect(api.checkIn).toHaveBeenCalledWith({ token: checkinCode, eventId: undefined, deviceId: 'web-1' });
  });

  it('redeems a coupon code at the store', async () => {
    const { api, scan } = setup();
    await scan.submit(couponCode);
    expect(api.redeem).toHaveBeenCalledWith({ token: couponCode, storeId: 's1' });
    expect(scan.verdict.value).toMatchObject({ tone: 'ok', message: 'redeemed', subject: '20% off' });
  });

  it('turns a refusal into a red verdict', async () => {
    const { api, scan } = setup();
    api.checkIn.mockRejectedValueOnce(new ApiProblem(403, 'urn:quanzi:problem:wrong-store', 'Wrong store', 'x'));
    await scan.submit(checkinCode);
    expect(scan.verdict.value).toEqual({ tone: 'bad', message: 'wrong-store' });
  });

  it('refuses unknown text without calling the API, and needs a store for any code', async () => {
    const { api, storeId, scan } = setup(false);
    await scan.submit('hello');
    expect(scan.verdict.value?.message).toBe('unknown-code');
    scan.next();
    storeId.value = null;
    await scan.submit(couponCode);
    expect(scan.verdict.value?.message).toBe('no-store');
    expect(api.checkIn).not.toHaveBeenCalled();
    expect(api.redeem).not.toHaveBeenCalled();
  });

  it('ignores a second code while a verdict shows; it clears after two seconds, or at once with next()', async () => {
    const { api, scan } = setup();
    await scan.submit(checkinCode);
    expect(await scan.submit(couponCode)).toBeNull();
    expect(api.redeem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(AUTO_NEXT_MS - 1);
    expect(scan.verdict.value).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(scan.verdict.value).toBeNull();
    expect(scan.last.value?.message).toBe('checkedIn');
    await scan.submit(couponCode);
    scan.next();
    expect(scan.verdict.value).toBeNull();
  });

  it('hands a member card to purchase entry instead of judging it', async () => {
    const api = { checkIn: vi.fn(), redeem: vi.fn() };
    const onMemberCard = vi.fn();
    const scan = useScan({ storeId: ref('s1'), eventId: ref(null), deviceId: 'web-1', autoNext: ref(true), api, onMemberCard });
    expect(await scan.submit('quanzi:member:demo-brand:42')).toBeNull();
    expect(onMemberCard).toHaveBeenCalledWith({ brandId: 'demo-brand', memberNumber: '42' });
    expect(scan.verdict.value).toBeNull();
    expect(api.checkIn).not.toHaveBeenCalled();
  });

  it('keeps the verdict until tapped when automatic next is off', async () => {
    const { scan } = setup(false);
    await scan.submit(checkinCode);
    vi.advanceTimersByTime(60_000);
    expect(scan.verdict.value).not.toBeNull();
  });

  it('ignores a scan while one is under way (a camera sees the same code many times)', async () => {
    const { api, scan } = setup();
    let finish!: (value: CheckInResult) => void;
    api.checkIn.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const first = scan.submit(checkinCode);
    expect(await scan.submit(checkinCode)).toBeNull();
    finish(checkInResult);
    await first;
    expect(api.checkIn).toHaveBeenCalledTimes(1);
  });
});
