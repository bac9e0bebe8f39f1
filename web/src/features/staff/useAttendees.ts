import { computed, getCurrentInstance, onBeforeUnmount, ref, type Ref } from 'vue';
import { events as eventsApi, type EventInfo } from '@/api/events';
import { staffApi, type Attendee } from '@/api/staff';

export const ATTENDEES_REFRESH_MS = 30_000;

export type AttendeeFilter = 'all' | 'in' | 'out';

export interface AttendeeCounts {
  confirmed: number;
  checkedIn: number;
  notYet: number;
  waitlist: number;
}

/** Text compared the way a person reads it: case, width and accents do not matter. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** Whether the attendee's name contains the search (or the search is the start of their member id). */
export function matches(attendee: Attendee, search: string): boolean {
  const needle = fold(search.trim());
  if (!needle) return true;
  if (attendee.memberName && fold(attendee.memberName).includes(needle)) return true;
  return attendee.memberId.toLowerCase().startsWith(needle);
}

/**
 * The list as staff read it at the door: by name search and checked-in state; checked in first
 * (latest first), then the confirmed not yet in (by seat), then the waitlist in order.
 */
export function filterAttendees(list: Attendee[], search: string, filter: AttendeeFilter): Attendee[] {
  const rank = (a: Attendee) => (a.checkedInAt ? 0 : a.status === 'CONFIRMED' ? 1 : 2);
  return list
    .filter((a) => matches(a, search))
    .filter((a) => (filter === 'in' ? a.checkedInAt !== null : filter === 'out' ? a.checkedInAt === null : true))
    .sort((a, b) => {
      const byRank = rank(a) - rank(b);
      if (byRank !== 0) return byRank;
      if (a.checkedInAt && b.checkedInAt) return b.checkedInAt.localeCompare(a.checkedInAt);
      if (a.status === 'WAITLISTED') return (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0);
      return (a.seat ?? Number.MAX_SAFE_INTEGER) - (b.seat ?? Number.MAX_SAFE_INTEGER);
    });
}

export function attendeeCounts(list: Attendee[]): AttendeeCounts {
  const confirmed = list.filter((a) => a.status === 'CONFIRMED').length;
  const checkedIn = list.filter((a) => a.checkedInAt !== null).length;
  return { confirmed, checkedIn, notYet: list.filter((a) => a.status === 'CONFIRMED' && a.checkedInAt === null).length, waitlist: list.filter((a) => a.status === 'WAITLISTED').length };
}

export interface AttendeesApi {
  event: (eventId: string) => Promise<EventInfo>;
  attendees: (eventId: string) => Promise<Attendee[]>;
}

const defaultApi: AttendeesApi = { event: (id) => eventsApi.one(id), attendees: (id) => staffApi.attendees(id) };

/**
 * One event's attendee list for the door: loaded once, then refreshed every 30 s while the page is
 * visible (a failed refresh keeps the last list and says so); searched and filtered on the device.
 */
export function useAttendees(eventId: Ref<string>, api: AttendeesApi = defaultApi) {
  const event = ref<EventInfo | null>(null);
  const list = ref<Attendee[]>([]);
  const loading = ref(true);
  const error = ref<unknown>(null);
  const stale = ref(false);
  const search = ref('');
  const filter = ref<AttendeeFilter>('all');
  const updatedAt = ref<number | null>(null);

  async function refresh(quiet = false): Promise<void> {
    if (!quiet) {
      loading.value = true;
      error.value = null;
    }
    try {
      const [found, attendees] = await Promise.all([event.value && quiet ? Promise.resolve(event.value) : api.event(eventId.value), api.attendees(eventId.value)]);
      event.value = found;
      list.value = attendees;
      updatedAt.value = Date.now();
      stale.value = false;
    } catch (failure) {
      if (quiet) stale.value = true;
      else error.value = failure;
    } finally {
      loading.value = false;
    }
  }

  const visible = computed(() => filterAttendees(list.value, search.value, filter.value));
  const counts = computed(() => attendeeCounts(list.value));

  const timer = setInterval(() => {
    if (typeof document === 'undefined' || document.visibilityState === 'visible') void refresh(true);
  }, ATTENDEES_REFRESH_MS);
  if (getCurrentInstance()) onBeforeUnmount(() => clearInterval(timer));
  const stop = () => clearInterval(timer);

  return { event, list, loading, error, stale, search, filter, visible, counts, updatedAt, refresh, stop };
}
