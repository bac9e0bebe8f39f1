import { describe, expect, it } from 'vitest';
import type { EventInfo } from '@/api/events';
import type { Attendee } from '@/api/staff';
import { countAttendees, dayIn, splitByDay } from './useStoreEvents';

const event = (id: string, startsAt: string, endsAt: string, status = 'SCHEDULED'): EventInfo => ({
  id,
  brandId: 'b',
  storeId: 's',
  title: id,
  description: null,
  startsAt,
  endsAt,
  checkInOpensAt: startsAt,
  checkInClosesAt: endsAt,
  capacity: 50,
  seatsTaken: 3,
  communityId: null,
  walkInsAllowed: false,
  attendPoints: 0,
  status,
});

describe("a store's events", () => {
  // 2026-12-01 20:00 in Shanghai.
  const now = Date.parse('2026-12-01T12:00:00Z');

  it('uses the store\'s calendar day', () => {
    expect(dayIn('2026-12-01T17:00:00Z', 'Asia/Shanghai')).toBe('2026-12-02');
    expect(dayIn('2026-12-01T17:00:00Z', 'UTC')).toBe('2026-12-01');
  });

  it('splits into today (started or starting today, not ended) and later, soonest first', () => {
    const list = [
      event('tomorrow', '2026-12-02T02:00:00Z', '2026-12-02T04:00:00Z'),
      event('tonight', '2026-12-01T13:00:00Z', '2026-12-01T15:00:00Z'),
      event('running', '2026-11-30T12:00:00Z', '2026-12-02T12:00:00Z'),
      event('over', '2026-12-01T08:00:00Z', '2026-12-01T11:00:00Z'),
      event('cancelled', '2026-12-01T13:00:00Z', '2026-12-01T15:00:00Z', 'CANCELLED'),
      event('after-midnight', '2026-12-01T16:30:00Z', '2026-12-01T18:00:00Z'),
    ];
    const split = splitByDay(list, 'Asia/Shanghai', now);
    expect(split.today.map((e) => e.id)).toEqual(['running', 'tonight']);
    expect(split.upcoming.map((e) => e.id)).toEqual(['after-midnight', 'tomorrow']);
  });

  it('counts confirmed, checked-in and waitlisted attendees; without the list only the seats', () => {
    const attendees: Attendee[] = [
      { memberId: 'a', memberName: 'Ann', seat: 1, status: 'CONFIRMED', waitlistPosition: null, walkIn: false, checkedInAt: '2026-12-01T12:00:00Z' },
      { memberId: 'b', memberName: null, seat: 2, status: 'CONFIRMED', waitlistPosition: null, walkIn: false, checkedInAt: null },
      { memberId: 'c', memberName: 'Cy', seat: null, status: 'WAITLISTED', waitlistPosition: 1, walkIn: false, checkedInAt: null },
    ];
    const e = event('e', '2026-12-01T13:00:00Z', '2026-12-01T15:00:00Z');
    expect(countAttendees(e, attendees)).toEqual({ event: e, confirmed: 2, checkedIn: 1, waitlist: 1, counted: true });
    expect(countAttendees(e, null)).toEqual({ event: e, confirmed: 3, checkedIn: 0, waitlist: 0, counted: false });
  });
});
