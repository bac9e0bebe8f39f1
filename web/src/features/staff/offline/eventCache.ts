// Which store each of the brand's events is at, kept on the device from the last event list read
// online. Offline, a check-in code scanned for "any event" names its event: the app accepts it only
// if that event is known to be at the staff's store (a code for an event elsewhere is "wrong store";
// an event the device has never seen needs the network).
import type { EventInfo } from '@/api/events';

const KEY = 'quanzi.staff.eventStores';
const MAX_EVENTS = 500;

interface Known {
  storeId: string;
  endsAt: string;
}

function read(storage: Storage): Record<string, Known> {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? '{}') as Record<string, Known>;
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

/** Remembers the events' stores (merged with what is known; ended events are dropped). */
export function rememberEvents(list: Pick<EventInfo, 'id' | 'storeId' | 'endsAt'>[], storage: Storage = localStorage, now = Date.now()): void {
  const known = read(storage);
  for (const e of list) known[e.id] = { storeId: e.storeId, endsAt: e.endsAt };
  const live = Object.entries(known)
    .filter(([, e]) => Date.parse(e.endsAt) > now - 24 * 3600_000)
    .sort((a, b) => b[1].endsAt.localeCompare(a[1].endsAt))
    .slice(0, MAX_EVENTS);
  try {
    storage.setItem(KEY, JSON.stringify(Object.fromEntries(live)));
  } catch {
    /* storage full or blocked: offline "any event" scans then say they need the network */
  }
}

/** The store of a known event, or undefined when this device has not seen it. */
export function storeOfEvent(eventId: string, storage: Storage = localStorage): string | undefined {
  return read(storage)[eventId]?.storeId;
}
