import { afterEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import type { EventInfo } from '@/api/events';
import type { Attendee } from '@/api/staff';
import { ATTENDEES_REFRESH_MS, attendeeCounts, filterAttendees, useAttendees } from './useAttendees';

const person = (memberId: string, memberName: string | null, extra: Partial<Attendee> = {}): Attendee => ({
  memberId,
  memberName,
  status: 'CONFIRMED',
  seat: null,
  waitlistPosition: null,
  walkIn: false,
  checkedInAt: null,
  ...extra,
});

const list: Attendee[] = [
  person('a1b2c3d4-0000', 'Alice Wong', { seat: 2 }),
  person('b1', 'Bob Li', { seat: 1, checkedInAt: '2026-12-01T11:04:00Z' }),
  person('c1', 'José Núñez', { seat: 3, checkedInAt: '2026-12-01T11:10:00Z' }),
  person('d1', null, { seat: 4 }),
  person('e1', '王小明', { status: 'WAITLISTED', waitlistPosition: 1 }),
];

describe('the attendee list at the door', () => {
  it('finds a member by part of their name, ignoring case and accents, or by the start of their member id', () => {
    expect(filterAttendees(list, 'alice', 'all').map((a) => a.memberId)).toEqual(['a1b2c3d4-0000']);
    expect(filterAttendees(list, 'nunez', 'all').map((a) => a.memberName)).toEqual(['José Núñez']);
    expect(filterAttendees(list, '小明', 'all').map((a) => a.memberId)).toEqual(['e1']);
    expect(filterAttendees(list, 'A1B2', 'all').map((a) => a.memberName)).toEqual(['Alice Wong']);
    expect(filterAttendees(list, 'nobody', 'all')).toEqual([]);
  });

  it('shows checked-in members first (latest first), then those not yet in by seat, then the waitlist', () => {
    expect(filterAttendees(list, '', 'all').map((a) => a.memberId)).toEqual(['c1', 'b1', 'a1b2c3d4-0000', 'd1', 'e1']);
    expect(filterAttendees(list, '', 'in').map((a) => a.memberId)).toEqual(['c1', 'b1']);
    expect(filterAttendees(list, '', 'out').map((a) => a.memberId)).toEqual(['a1b2c3d4-0000', 'd1', 'e1']);
  });

  it('counts confirmed, checked in, not yet in and waiting', () => {
    expect(attendeeCounts(list)).toEqual({ confirmed: 4, checkedIn: 2, notYet: 2, waitlist: 1 });
    expect(attendeeCounts([])).toEqual({ confirmed: 0, checkedIn: 0, notYet: 0, waitlist: 0 });
  });
});

describe('useAttendees', () => {
  afterEach(() => vi.useRealTimers());
  const event = { id: 'ev1', title: 'Launch', capacity: 50 } as EventInfo;

  it('refreshes the list every 30 s and keeps the last one (marked stale) when a refresh fails', async () => {
    vi.useFakeTimers();
    const attendees = vi.fn().mockResolvedValueOnce([list[0]!]).mockResolvedValueOnce(list).mockRejectedValueOnce(new Error('offline'));
    const state = useAttendees(ref('ev1'), { event: vi.fn().mockResolvedValue(event), attendees });
    await state.refresh();
    expect(state.list.value).toHaveLength(1);
    expect(state.event.value?.title).toBe('Launch');

    await vi.advanceTimersByTimeAsync(ATTENDEES_REFRESH_MS);
    expect(state.list.value).toHaveLength(5);
    expect(state.counts.value.checkedIn).toBe(2);

    await vi.advanceTimersByTimeAsync(ATTENDEES_REFRESH_MS);
    expect(state.stale.value).toBe(true);
    expect(state.error.value).toBeNull();
    expect(state.list.value).toHaveLength(5);
    state.stop();
  });

  it('shows an error when the first load fails', async () => {
    const state = useAttendees(ref('ev1'), { event: vi.fn().mockRejectedValue(new Error('403')), attendees: vi.fn().mockResolvedValue([]) });
    await state.refresh();
    expect(state.error.value).toBeInstanceOf(Error);
    expect(state.loading.value).toBe(false);
    state.stop();
  });

  it('filters by the search and the state picked', async () => {
    const state = useAttendees(ref('ev1'), { event: vi.fn().mockResolvedValue(event), attendees: vi.fn().mockResolvedValue(list) });
    await state.refresh();
    state.search.value = 'bob';
    expect(state.visible.value.map((a) => a.memberId)).toEqual(['b1']);
    state.filter.value = 'out';
    expect(state.visible.value).toEqual([]);
    state.stop();
  });
});
