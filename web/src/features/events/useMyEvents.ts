import { ref } from 'vue';
import { events, type MyEvent } from '@/api/events';

/** The member's RSVPs by event id, for showing "going", "waitlist #3" or "checked in" next to events. */
export function useMyEvents() {
  const byEvent = ref<Record<string, MyEvent>>({});
  async function refresh(): Promise<void> {
    const mine = await events.mine();
    byEvent.value = Object.fromEntries(mine.map((m) => [m.event.id, m]));
  }
  return { byEvent, refresh };
}
