import { getCurrentInstance, onBeforeUnmount, ref, type Ref } from 'vue';
import { events as eventsApi, type EventInfo } from '@/api/events';
import { staffApi, type Attendee } from '@/api/staff';
import { rememberEvents } from './offline/eventCache';

export const REFRESH_MS = 30_000;

export interface StoreEvent {
  event: EventInfo;
  confirmed: number;
  checkedIn: number;
  waitlist: number;
  /** False when the attendee list could not be read (counts then come from the event alone). */
  counted: boolean;
}

/** The calendar day of a moment in a time zone, as YYYY-MM-DD. */
export function dayIn(iso: string | number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** Today's events (started or starting today, in the store's zone, not ended) and the later ones. */
export function splitByDay(list: EventInfo[], timeZone: string, now: number): { today: EventInfo[]; upcoming: EventInfo[] } {
  const today = dayIn(now, timeZone);
  const live = list
    .filter((e) => e.status !== 'CANCELLED' && new Date(e.endsAt).getTime() > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return {
    today: live.filter((e) => dayIn(e.startsAt, timeZone) <= today),
    upcoming: live.filter((e) => dayIn(e.startsAt, timeZone) > today),
  };
}

export function countAttendees(event: EventInfo, attendees: Attendee[] | null): StoreEvent {
  if (!attendees) return { event, confirmed: event.seatsTaken, checkedIn: 0, waitlist: 0, counted: false };
  return {
    event,
    confirmed: attendees.filter((a) => a.status === 'CONFIRMED').length,
    checkedIn: attendees.filter((a) => a.checkedInAt !== null).length,
    waitlist: attendees.filter((a) => a.status === 'WAITLISTED').length,
    counted: true,
  };
}

/** The store's events with live counts, refreshed every 30 s while the screen is open. */
export function useStoreEvents(brandId: Ref<string | null>, storeId: Ref<string | null>, timeZone: Ref<string>) {
  const today = ref<StoreEvent[]>([]);
  const upcoming = ref<StoreEvent[]>([]);
  const loading = ref(true);
  const error = ref<unknown>(null);

  async function withCounts(list: EventInfo[]): Promise<StoreEvent[]> {
    return Promise.all(list.map(async (e) => countAttendees(e, await staffApi.attendees(e.id).catch(() => null))));
  }

  async function refresh(quiet = false): Promise<void> {
    if (!brandId.value || !storeId.value) return;
    if (!quiet) loading.value = true;
    try {
      const brandEvents = await eventsApi.upcoming(brandId.value);
      rememberEvents(brandEvents); // for offline scans for "any event"
      const all = brandEvents.filter((e) => e.storeId === storeId.value);
      const split = splitByDay(all, timeZone.value, Date.now());
      // Counts for today's events and the next few: the attendee list is one call per event.
      [today.value, upcoming.value] = await Promise.all([withCounts(split.today), withCounts(split.upcoming.slice(0, 10))]);
      error.value = null;
    } catch (failure) {
      if (!quiet) error.value = failure;
    } finally {
      loading.value = false;
    }
  }

  const timer = setInterval(() => {
    if (document.visibilityState === 'visible') void refresh(true);
  }, REFRESH_MS);
  if (getCurrentInstance()) onBeforeUnmount(() => clearInterval(timer));
  return { today, upcoming, loading, error, refresh };
}
